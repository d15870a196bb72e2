import fc from 'fast-check';
import type { KubeObject } from '../../harness/contract/methods.ts';
import { defineProperty } from '../support/defineProperty.ts';
import { expectEqual } from '../support/expect.ts';
import { ownerForests, survivors } from '../arbitraries/controllers.ts';
import { quiesce } from './replicaset-converges.property.ts';

export default defineProperty({
  id: 'controllers/gc-spares-live-owners',
  name: 'the garbage collector deletes exactly the objects left without any of their owners, never one with a live owner',
  claims: ['CTL-3'],
  needs: ['objects', 'time'],
  numRuns: 15,
  build: ({ driver }) =>
    fc.asyncProperty(ownerForests, async (forest) => {
      const namespace = `kconform-gc-${Math.random().toString(36).slice(2, 8)}`;
      const name = (i: number) => `o${i}`;
      const story = `${forest.owners.map((o, i) => `${name(i)}${o.length ? ` owned by ${o.map(name).join('+')}` : ''}`).join(', ')}; deleted ${forest.deleted.map(name).join(', ') || 'nothing'}`;
      await driver.call('objects.create', { object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } } });
      try {
        const made: KubeObject[] = [];
        for (const [i, owners] of forest.owners.entries()) {
          const ownerReferences = owners.map((j) => ({ apiVersion: 'v1', kind: 'ConfigMap', name: name(j), uid: String(made[j].metadata.uid) }));
          const object = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: name(i), namespace, ...(ownerReferences.length && { ownerReferences }) } };
          made.push((await driver.call('objects.create', { object })).object);
        }
        // an object may already be gone with its owner
        for (const i of forest.deleted) await driver.call('objects.delete', { kind: 'ConfigMap', namespace, name: name(i) }).catch(() => undefined);
        await quiesce(driver);
        const left = (await driver.call('objects.list', { kind: 'ConfigMap', namespace })).items.map((o) => String(o.metadata.name));
        const want = survivors(forest).map(name);
        expectEqual(`config maps left (${story})`, left.filter((n) => /^o\d+$/.test(n)).sort(), want.sort());
      } finally {
        await driver.call('objects.delete', { kind: 'Namespace', name: namespace }).catch(() => undefined);
      }
    }),
});
