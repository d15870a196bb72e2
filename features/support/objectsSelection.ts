import { randomBytes } from 'node:crypto';
import { DriverError } from '../../harness/contract/driver.ts';
import type { KWorld } from './world.ts';

/**
 * Select the declared objects through the `objects` capability: create them as ConfigMaps in a
 * fresh namespace, then list that namespace with the selector. The namespace is deleted after the scenario.
 */
export async function selectThroughObjects(w: KWorld, selector: string): Promise<{ valid: true; selected: string[] } | { valid: false; error: string }> {
  const namespace = `kconform-${randomBytes(4).toString('hex')}`;
  await w.driver.call('objects.create', { object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } } });
  w.createdNamespaces.push(namespace);
  for (const o of w.objects) {
    await w.driver.call('objects.create', {
      object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: o.name, namespace, labels: o.labels, annotations: o.annotations }, data: {} },
    });
  }
  try {
    const list = await w.driver.call('objects.list', { kind: 'ConfigMap', namespace, labelSelector: selector });
    return { valid: true, selected: list.items.map((i) => i.metadata.name!) };
  } catch (e) {
    if (e instanceof DriverError && e.kind === 'answer' && (e.code === 'BadRequest' || e.code === 'Invalid')) return { valid: false, error: e.detail };
    throw e;
  }
}
