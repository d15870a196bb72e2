import fc from 'fast-check';
import { defineProperty } from '../support/defineProperty.ts';
import { modelSelector, namespaceName, objectLabels, objectName } from '../arbitraries/objects.ts';
import { Model, Real } from './commands/model.ts';
import { CreateNamespace } from './commands/create-namespace.ts';
import { DeleteNamespace } from './commands/delete-namespace.ts';
import { CreateConfigMap } from './commands/create-configmap.ts';
import { UpdateConfigMap } from './commands/update-configmap.ts';
import { DeleteConfigMap } from './commands/delete-configmap.ts';
import { ListConfigMaps } from './commands/list-configmaps.ts';
import { WatchConfigMaps } from './commands/watch-configmaps.ts';

/** Namespaces every run starts with (the others appear through CreateNamespace). */
const INITIAL = ['ns-a', 'ns-b'];

/** Every command, weighted so that writes and reads meet the same objects often. */
const command = fc.oneof(
  { weight: 1, arbitrary: namespaceName.map((ns) => new CreateNamespace(ns)) },
  { weight: 4, arbitrary: fc.tuple(namespaceName, objectName, objectLabels).map(([ns, name, labels]) => new CreateConfigMap(ns, name, labels)) },
  { weight: 5, arbitrary: fc.tuple(namespaceName, objectName, objectLabels, fc.boolean()).map(([ns, name, labels, stale]) => new UpdateConfigMap(ns, name, labels, stale)) },
  { weight: 2, arbitrary: fc.tuple(namespaceName, objectName, fc.boolean()).map(([ns, name, pre]) => new DeleteConfigMap(ns, name, pre)) },
  { weight: 3, arbitrary: fc.tuple(namespaceName, modelSelector).map(([ns, sel]) => new ListConfigMaps(ns, sel)) },
  { weight: 2, arbitrary: fc.tuple(namespaceName, fc.nat(20)).map(([ns, from]) => new WatchConfigMaps(ns, from)) },
  { weight: 1, arbitrary: namespaceName.map((ns) => new DeleteNamespace(ns)) },
);

export default defineProperty({
  id: 'namespaces/api-follows-the-model',
  name: 'random sequences of create, update with fresh and stale resourceVersions, delete, list with selectors, watch resume and namespace deletion agree with a simple model of namespaced objects',
  claims: ['NS-1', 'NS-6'],
  needs: ['objects'],
  numRuns: 40,
  build: ({ driver }) =>
    fc.asyncProperty(fc.commands([command], { maxCommands: 40, size: 'large' }), async (cmds) => {
      const real = new Real(driver);
      const setup = async () => {
        const model = new Model();
        for (const ns of INITIAL) await new CreateNamespace(ns).run(model, real);
        return { model, real };
      };
      try {
        await fc.asyncModelRun(setup, cmds);
      } finally {
        await real.cleanup();
      }
    }),
});
