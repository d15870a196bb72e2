import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Action } from '../actions.ts';
import { at, counterRandom, pod, replicaSet, T0 } from './fixtures.ts';
import { reconcileReplicaSet } from './reconcileReplicaSet.ts';

const rs3 = replicaSet('web', 3);
const owned = (name: string, f: Parameters<typeof pod>[1] = {}) => pod(name, { owner: rs3, ready: true, node: 'n1', ...f });
const summary = (actions: Action[]) => actions.map((a) => `${a.verb} ${a.kind} ${a.name ?? a.object?.metadata.generateName}`);

const cases: { name: string; rs?: any; pods: any[]; now?: number; want: string[]; status?: Record<string, unknown> }[] = [
  {
    name: 'A ReplicaSet without pods creates replicas pods and records zero replicas',
    pods: [],
    want: ['create Pod web-', 'create Pod web-', 'create Pod web-', 'updateStatus ReplicaSet web'],
  },
  {
    name: 'A ReplicaSet with exactly replicas ready pods and a current status does nothing',
    rs: replicaSet('web', 3, { status: { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 } }),
    pods: [owned('a'), owned('b'), owned('c')],
    want: [],
  },
  {
    name: 'Terminal and deleting pods do not count and are replaced',
    pods: [owned('a'), owned('b', { phase: 'Succeeded' }), owned('c', { phase: 'Failed' }), owned('d', { deleting: true })],
    want: ['create Pod web-', 'create Pod web-', 'updateStatus ReplicaSet web'],
    status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 },
  },
  {
    name: 'An orphan pod matching the selector is adopted and counted',
    pods: [owned('a'), owned('b'), pod('orphan')],
    want: ['patch Pod orphan', 'updateStatus ReplicaSet web'],
    status: { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 },
  },
  {
    name: 'A pod owned by another controller is neither adopted nor counted',
    pods: [owned('a'), owned('b'), pod('theirs', { owner: { uid: 'uid-other' } })],
    want: ['create Pod web-', 'updateStatus ReplicaSet web'],
  },
  {
    name: 'An owned pod whose labels no longer match is released and replaced',
    pods: [owned('a'), owned('b'), owned('c', { labels: { app: 'debug' } })],
    want: ['patch Pod c', 'create Pod web-', 'updateStatus ReplicaSet web'],
  },
  {
    name: 'A deleting orphan is not adopted',
    pods: [owned('a'), owned('b'), owned('c'), pod('gone', { deleting: true })],
    want: ['updateStatus ReplicaSet web'],
  },
  {
    name: 'A ReplicaSet being deleted neither adopts nor creates nor releases, but still reports status',
    rs: replicaSet('web', 3, { deleting: true }),
    pods: [pod('orphan'), pod('c', { owner: { uid: 'uid-web' }, labels: { app: 'debug' } })],
    want: ['updateStatus ReplicaSet web'],
  },
  {
    name: 'Surplus pods are deleted unassigned first, then pending, then not ready',
    pods: [owned('running'), owned('ready2'), owned('unassigned', { node: undefined, ready: false }), owned('pending', { phase: 'Pending', ready: false }), owned('notready', { ready: false })],
    want: ['delete Pod unassigned', 'delete Pod pending', 'updateStatus ReplicaSet web'],
  },
  {
    name: 'Among equal pods the lower pod-deletion-cost goes first, then more colocated, then more restarts, then newer',
    rs: replicaSet('web', 1),
    pods: [
      owned('old', { node: 'n8' }),
      owned('cheap', { annotations: { 'controller.kubernetes.io/pod-deletion-cost': '-5' }, node: 'n9' }),
      owned('doubled', { node: 'n1' }),
      owned('doubled2', { node: 'n1', restarts: 3 }),
    ],
    want: ['delete Pod cheap', 'delete Pod doubled2', 'delete Pod doubled', 'updateStatus ReplicaSet web'],
  },
  {
    name: 'A selector that cannot be parsed yields no actions',
    rs: { ...replicaSet('web', 3), spec: { ...replicaSet('web', 3).spec, selector: { matchExpressions: [{ key: 'app', operator: 'Bogus' }] } } },
    pods: [],
    want: [],
  },
  {
    name: 'Scaling to zero deletes every owned pod',
    rs: replicaSet('web', 0),
    pods: [owned('a'), owned('b')],
    want: ['delete Pod a', 'delete Pod b', 'updateStatus ReplicaSet web'],
  },
];

for (const c of cases) {
  test(c.name, () => {
    const rs = c.rs ?? rs3;
    const r = reconcileReplicaSet(rs, c.pods, c.now ?? T0 + 60_000);
    assert.deepEqual(summary(r.actions), c.want);
    if (c.status) assert.deepEqual(r.status, c.status);
  });
}

test('A created pod copies the template and names the ReplicaSet as its controller', () => {
  const r = reconcileReplicaSet(replicaSet('web', 1), [], T0, { random: counterRandom() });
  const created = r.actions[0].object!;
  assert.equal(created.metadata.generateName, 'web-');
  assert.match(String(created.metadata.name), /^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  assert.deepEqual(created.metadata.labels, { app: 'web' });
  assert.deepEqual(created.metadata.ownerReferences, [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true }]);
  assert.deepEqual(created.spec, { containers: [{ name: 'c', image: 'nginx' }] });
  assert.equal(r.actions[0].event?.reason, 'SuccessfulCreate');
});

test('The same random source names pods the same way', () => {
  const names = () => reconcileReplicaSet(replicaSet('web', 3), [], T0, { random: counterRandom() }).actions.filter((a) => a.verb === 'create').map((a) => a.object!.metadata.name);
  assert.deepEqual(names(), names());
});

test('With earlier creates not yet observed, a sync neither creates nor deletes', () => {
  const r = reconcileReplicaSet(replicaSet('web', 3), [], T0, { expectationsSatisfied: false });
  assert.deepEqual(summary(r.actions), ['updateStatus ReplicaSet web']);
});

test('Creates and deletes stop at the burst limit of 500 per sync', () => {
  const r = reconcileReplicaSet(replicaSet('web', 600), [], T0);
  assert.equal(r.actions.filter((a) => a.verb === 'create').length, 500);
});

test('Adoption patches the full owner list with the resourceVersion it was read at', () => {
  const orphan = pod('o', { ready: true });
  orphan.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'x', uid: 'uid-x' }];
  const [adopt] = reconcileReplicaSet(replicaSet('web', 1), [orphan], T0).actions;
  assert.deepEqual(adopt.patch, { metadata: { resourceVersion: '1', ownerReferences: [
    { apiVersion: 'v1', kind: 'ConfigMap', name: 'x', uid: 'uid-x' },
    { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true },
  ] } });
});

test('Ready pods count as available only minReadySeconds after they became ready, and the sync asks to be requeued then', () => {
  const rs = replicaSet('web', 2, { minReadySeconds: 10 });
  const pods = [pod('a', { owner: rs, ready: true, readySince: 0 }), pod('b', { owner: rs, ready: true, readySince: 5 })];
  const r = reconcileReplicaSet(rs, pods, T0 + 8_000);
  assert.deepEqual(r.status, { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, observedGeneration: 1 });
  assert.equal(r.requeueAfterMs, 2_001);
  assert.equal(reconcileReplicaSet(rs, pods, T0 + 15_001).status.availableReplicas, 2);
});

test('fullyLabeledReplicas counts only pods carrying every template label', () => {
  const rs = replicaSet('web', 2);
  rs.spec.template.metadata.labels = { app: 'web', tier: 'front' };
  const r = reconcileReplicaSet(rs, [pod('a', { owner: rs }), pod('b', { owner: rs, labels: { app: 'web', tier: 'front' } })], T0);
  assert.equal(r.status.fullyLabeledReplicas, 1);
});

test('The inputs are not mutated', () => {
  const rs = replicaSet('web', 1);
  const pods = [pod('orphan'), pod('x')];
  const before = JSON.stringify([rs, pods]);
  reconcileReplicaSet(rs, pods, T0);
  assert.equal(JSON.stringify([rs, pods]), before);
  void at;
});
