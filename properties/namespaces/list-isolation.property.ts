import fc from 'fast-check';
import { defineProperty } from '../support/defineProperty.ts';
import { expectEqual } from '../support/expect.ts';
import { modelSelector, namespacedObjects } from '../arbitraries/objects.ts';
import { Real } from './commands/model.ts';

export default defineProperty({
  id: 'namespaces/list-never-crosses-namespaces',
  name: 'a list in one namespace returns exactly the matching objects created in it, never another namespace\'s, even when names repeat across namespaces',
  claims: ['NS-6', 'NS-2'],
  needs: ['objects'],
  numRuns: 25,
  build: ({ driver }) =>
    fc.asyncProperty(namespacedObjects, modelSelector, async (byNamespace, selector) => {
      const real = new Real(driver);
      try {
        for (const [ns, objects] of Object.entries(byNamespace)) {
          await driver.call('objects.create', { object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: real.ns(ns) } } });
          real.noteNamespace(ns);
          for (const o of objects) await driver.call('objects.create', { object: real.configMap(ns, o.name, o.labels) });
        }
        for (const [ns, objects] of Object.entries(byNamespace)) {
          const list = await driver.call('objects.list', { kind: 'ConfigMap', namespace: real.ns(ns), labelSelector: real.selector(selector.text) });
          const got = list.items.map((o) => `${real.unmap(String(o.metadata.namespace))}/${o.metadata.name}`).sort();
          const want = objects.filter((o) => selector.matches(o.labels)).map((o) => `${ns}/${o.name}`).sort();
          expectEqual(`kubectl get configmaps -n ${ns} -l '${selector.text}'`, got, want);
        }
      } finally {
        await real.cleanup();
      }
    }),
});
