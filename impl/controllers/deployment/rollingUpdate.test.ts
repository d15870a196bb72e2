// Law: during a RollingUpdate, stepping pod readiness at random, the Deployment and ReplicaSet
// reconcilers never run more than replicas + maxSurge pods nor fewer than replicas −
// maxUnavailable available ones, and end with every replica on the new template.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { KubeObject } from '../../client/index.ts';
import { controllerOf, timestamp } from '../replicaset/objects.ts';
import { FixtureStore } from '../replicaset/FixtureStore.ts';
import { T0 } from '../replicaset/fixtures.ts';
import { isPodActive, isPodReady } from '../replicaset/podUtil.ts';
import { reconcileReplicaSet } from '../replicaset/reconcileReplicaSet.ts';
import { deployment, template } from './fixtures.ts';
import { resolveFenceposts } from './intOrPercent.ts';
import { reconcileDeployment } from './reconcileDeployment.ts';

const intOrPercent = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('0%', '25%', '50%', '100%'));

/** One controller-manager pass: the Deployment, then every ReplicaSet, against the store. */
function pass(store: FixtureStore): void {
  const d = store.get('Deployment', 'default', 'web')!;
  store.apply(reconcileDeployment(d, store.all('ReplicaSet'), store.all('Pod'), store.now).actions);
  for (const rs of store.all('ReplicaSet')) {
    const pods = store.all('Pod');
    store.apply(reconcileReplicaSet(store.get('ReplicaSet', 'default', String(rs.metadata.name))!, pods, store.now).actions);
  }
}

function makeReady(store: FixtureStore, p: KubeObject): void {
  store.apply([{ verb: 'updateStatus', kind: 'Pod', namespace: 'default', name: p.metadata.name, object: { ...p, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: timestamp(store.now) }] } }, reason: 'kubelet' }]);
}

test('A rolling update stays within maxSurge and maxUnavailable and finishes on the new template', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 6 }), intOrPercent, intOrPercent, fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }), (replicas, surgeIn, unavailableIn, flips) => {
      const [surge0, unav0] = [surgeIn, unavailableIn];
      const bothZero = (v: number | string) => v === 0 || v === '0%';
      const maxSurge = bothZero(surge0) && bothZero(unav0) ? 1 : surge0;
      const [surge, unavailable] = resolveFenceposts(maxSurge, unav0, replicas);
      const d = deployment('v1', { replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable: unav0 } } });
      const store = new FixtureStore([d], T0);
      for (let i = 0; i < 10; i++) {
        pass(store);
        for (const p of store.all('Pod')) if (!isPodReady(p)) makeReady(store, p);
        store.now += 1000;
      }
      const live = store.get('Deployment', 'default', 'web')!;
      store.apply([{ verb: 'update', kind: 'Deployment', namespace: 'default', name: 'web', object: { ...live, spec: { ...live.spec, template: template('v2') } }, reason: 'kubectl set image' }]);
      let flip = 0;
      for (let step = 0; step < 60; step++) {
        pass(store);
        const active = store.all('Pod').filter(isPodActive);
        assert.ok(active.length <= replicas + surge, `step ${step}: ${active.length} pods > ${replicas} + ${surge}`);
        const available = active.filter(isPodReady).length;
        assert.ok(available >= replicas - unavailable, `step ${step}: ${available} available < ${replicas} - ${unavailable}`);
        for (const p of active) if (!isPodReady(p) && (step % 7 === 6 || flips[flip++ % flips.length])) makeReady(store, p);
        store.now += 1000;
      }
      const rsOf = new Map(store.all('ReplicaSet').map((rs) => [rs.metadata.uid, rs]));
      const final = store.all('Pod').filter(isPodActive);
      assert.equal(final.length, replicas);
      assert.ok(final.every((p) => rsOf.get(controllerOf(p)?.uid)?.spec.template.spec.containers[0].image === 'v2'));
      const status = store.get('Deployment', 'default', 'web')!.status;
      assert.deepEqual([status.updatedReplicas, status.availableReplicas, status.replicas], [replicas, replicas, replicas]);
    }),
    { seed: 6_0602, numRuns: 60 },
  );
});
