import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { KubeObject } from '../../client/index.ts';
import type { Action } from '../actions.ts';
import { FixtureStore } from '../replicaset/FixtureStore.ts';
import { collectGarbage } from './collectGarbage.ts';

function obj(kind: string, name: string, owners: (KubeObject | { uid: string; kind: string; name: string })[] = [], extra: { namespace?: string | null; finalizers?: string[]; deleting?: boolean; block?: boolean } = {}): KubeObject {
  const namespace = extra.namespace === null ? undefined : extra.namespace ?? 'default';
  return {
    apiVersion: 'v1', kind,
    metadata: {
      name, uid: `uid-${kind}-${name}`, ...(namespace && { namespace }),
      ...(owners.length && { ownerReferences: owners.map((o) => ('metadata' in o ? { apiVersion: 'v1', kind: o.kind, name: o.metadata.name, uid: o.metadata.uid } : { apiVersion: 'v1', ...o })).map((r) => (extra.block ? { ...r, blockOwnerDeletion: true } : r)) }),
      ...(extra.finalizers && { finalizers: extra.finalizers }),
      ...(extra.deleting && { deletionTimestamp: '2025-01-01T00:00:00Z' }),
    },
  };
}
const summary = (actions: Action[]) => actions.map((a) => `${a.verb} ${a.kind} ${a.name}`);
const rs = obj('ReplicaSet', 'web');
const gone = { uid: 'uid-gone', kind: 'ReplicaSet', name: 'web' };

const cases: { name: string; objects: KubeObject[]; want: string[] }[] = [
  { name: 'A dependent of a live owner stays', objects: [rs, obj('Pod', 'p', [rs])], want: [] },
  { name: 'A dependent whose only owner is gone is deleted', objects: [obj('Pod', 'p', [gone])], want: ['delete Pod p'] },
  { name: 'An owner recreated under the same name is a different owner', objects: [rs, obj('Pod', 'p', [{ ...gone, name: 'web' }])], want: ['delete Pod p'] },
  { name: 'An owner with the same uid in another namespace does not count', objects: [obj('ReplicaSet', 'web', [], { namespace: 'other' }), obj('Pod', 'p', [obj('ReplicaSet', 'web', [], { namespace: 'other' })])], want: ['delete Pod p'] },
  { name: 'A namespaced dependent may be owned by a cluster-scoped object', objects: [obj('Node', 'n1', [], { namespace: null }), obj('Lease', 'n1', [obj('Node', 'n1', [], { namespace: null })])], want: [] },
  { name: 'One live owner among gone ones keeps the object and drops the dangling references', objects: [rs, obj('Pod', 'p', [rs, { uid: 'uid-x', kind: 'ConfigMap', name: 'x' }])], want: ['patch Pod p'] },
  { name: 'An object already being deleted is left to its finalizers', objects: [obj('Pod', 'p', [gone], { deleting: true, finalizers: ['x'] })], want: [] },
  { name: 'An owner deleted with orphan propagation releases its dependents, then its finalizer', objects: [obj('ReplicaSet', 'web', [], { deleting: true, finalizers: ['orphan'] }), obj('Pod', 'p', [obj('ReplicaSet', 'web')])], want: ['patch Pod p', 'patch ReplicaSet web'] },
  { name: 'Dependents of an owner deleted in the foreground are deleted, the owner waits for them', objects: [obj('ReplicaSet', 'web', [], { deleting: true, finalizers: ['foregroundDeletion'] }), obj('Pod', 'p', [obj('ReplicaSet', 'web')], { block: true })], want: ['delete Pod p'] },
  { name: 'A foreground deletion finishes once no dependent blocks it', objects: [obj('ReplicaSet', 'web', [], { deleting: true, finalizers: ['foregroundDeletion'] })], want: ['patch ReplicaSet web'] },
  { name: 'A dependent that has dependents of its own is deleted in the foreground too', objects: [obj('Deployment', 'd', [], { deleting: true, finalizers: ['foregroundDeletion'] }), obj('ReplicaSet', 'web', [obj('Deployment', 'd')], { block: true }), obj('Pod', 'p', [rs])], want: ['patch ReplicaSet web', 'delete ReplicaSet web'] },
];
for (const c of cases) test(c.name, () => assert.deepEqual(summary(collectGarbage(c.objects)), c.want));

test('Deletes carry the uid as a precondition', () => {
  assert.deepEqual(collectGarbage([obj('Pod', 'p', [gone])])[0].preconditions, { uid: 'uid-Pod-p' });
});

// Law: repeated passes remove exactly the objects that end up with no existing owner, and never
// delete an object that has a live owner.
test('Garbage collection converges to the objects that keep a live owner', () => {
  fc.assert(
    fc.property(fc.array(fc.array(fc.nat(12), { maxLength: 2 }), { minLength: 1, maxLength: 12 }), (ownerIdx) => {
      const objects = ownerIdx.map((_, i) => obj('ConfigMap', `o${i}`));
      ownerIdx.forEach((owners, i) => {
        const refs = owners.map((j) => (j < objects.length && j !== i ? { apiVersion: 'v1', kind: 'ConfigMap', name: `o${j}`, uid: `uid-ConfigMap-o${j}` } : { apiVersion: 'v1', kind: 'ConfigMap', name: `gone${j}`, uid: `missing-${j}` }));
        if (refs.length) objects[i].metadata.ownerReferences = refs;
      });
      // The model: drop objects none of whose owners exist until nothing changes (owner cycles survive, as upstream).
      let alive = objects.map((o) => o.metadata.name!);
      for (let changed = true; changed; ) {
        const next = alive.filter((n) => {
          const refs = objects.find((o) => o.metadata.name === n)!.metadata.ownerReferences ?? [];
          return !refs.length || refs.some((r: any) => alive.includes(r.name));
        });
        changed = next.length !== alive.length;
        alive = next;
      }
      const store = new FixtureStore(objects);
      for (let pass = 0; pass < 15; pass++) {
        const all = store.all();
        const actions = collectGarbage(all);
        for (const a of actions.filter((a) => a.verb === 'delete')) {
          const target = all.find((o) => o.metadata.name === a.name)!;
          assert.ok(!(target.metadata.ownerReferences ?? []).some((r: any) => all.some((o) => o.metadata.uid === r.uid)), `${a.name} deleted while an owner lives`);
        }
        if (!actions.length) break;
        store.apply(actions);
      }
      assert.deepEqual(store.all().map((o) => o.metadata.name).sort(), alive.sort());
    }),
    { seed: 6_0604, numRuns: 300 },
  );
});
