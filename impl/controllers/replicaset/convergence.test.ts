// Law: applying a ReplicaSet's actions to a store and reconciling again converges, in a few
// syncs, to exactly `replicas` active pods controlled by it, all matching its selector, and never
// touches a pod another controller owns or one that is being deleted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { controllerOf } from './objects.ts';
import { FixtureStore } from './FixtureStore.ts';
import { counterRandom, pod, replicaSet, T0 } from './fixtures.ts';
import { isPodActive } from './podUtil.ts';
import { reconcileReplicaSet } from './reconcileReplicaSet.ts';

const podArb = fc.record({
  match: fc.boolean(),
  owner: fc.constantFrom('none', 'us', 'other'),
  phase: fc.constantFrom('Pending', 'Running', 'Running', 'Succeeded', 'Failed'),
  ready: fc.boolean(),
  node: fc.constantFrom(undefined, 'n1', 'n2'),
  deleting: fc.boolean(),
});

test('A ReplicaSet converges to exactly replicas active pods it controls', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 8 }), fc.array(podArb, { maxLength: 12 }), (replicas, specs) => {
      const rs = replicaSet('web', replicas);
      const pods = specs.map((s, i) => pod(`p${i}`, {
        labels: { app: s.match ? 'web' : 'db' }, phase: s.phase, ready: s.ready, node: s.node, deleting: s.deleting && i % 3 === 0,
        ...(s.owner !== 'none' && { owner: s.owner === 'us' ? rs : { uid: 'uid-other' } }),
      }));
      const store = new FixtureStore([rs, ...pods], T0);
      const untouchable = store.all('Pod').filter((p) => (controllerOf(p) && controllerOf(p)!.uid !== 'uid-web') || p.metadata.deletionTimestamp);
      const random = counterRandom();
      for (let sync = 0; sync < 3; sync++) {
        const r = reconcileReplicaSet(store.get('ReplicaSet', 'default', 'web')!, store.all('Pod'), T0, { random });
        store.apply(r.actions);
      }
      const last = reconcileReplicaSet(store.get('ReplicaSet', 'default', 'web')!, store.all('Pod'), T0, { random });
      assert.deepEqual(last.actions.filter((a) => a.verb !== 'updateStatus'), [], 'a converged ReplicaSet asks for nothing more');
      const mine = store.all('Pod').filter((p) => isPodActive(p) && controllerOf(p)?.uid === 'uid-web');
      assert.equal(mine.length, replicas);
      assert.ok(mine.every((p) => p.metadata.labels?.app === 'web'));
      for (const p of untouchable) assert.deepEqual(store.get('Pod', 'default', String(p.metadata.name)), p, `${p.metadata.name} was touched`);
    }),
    { seed: 6_2025, numRuns: 150 },
  );
});
