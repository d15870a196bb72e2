import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../client/index.ts';
import type { Action } from '../actions.ts';
import { at, pod, T0 } from '../replicaset/fixtures.ts';
import { reconcileNodes } from './reconcileNodes.ts';
import { tolerates } from './taints.ts';

/** A node whose kubelet last reported Ready=`ready` `heartbeat` seconds after T0. */
function node(name: string, heartbeat: number, ready = 'True', extra: { taints?: unknown[]; labels?: Record<string, string>; unschedulable?: boolean } = {}): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name, uid: `uid-${name}`, resourceVersion: '4', creationTimestamp: at(0), ...(extra.labels && { labels: extra.labels }) },
    spec: { ...(extra.taints && { taints: extra.taints }), ...(extra.unschedulable && { unschedulable: true }) },
    status: { conditions: [
      { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', lastHeartbeatTime: at(heartbeat), lastTransitionTime: at(0) },
      { type: 'Ready', status: ready, reason: 'KubeletReady', lastHeartbeatTime: at(heartbeat), lastTransitionTime: at(0) },
    ] },
  };
}
const lease = (name: string, renew: number): KubeObject => ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name, namespace: 'kube-node-lease' }, spec: { holderIdentity: name, renewTime: at(renew) } });
const unreachable = (added: number) => ({ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: at(added) });
const unreachableNoSchedule = (added: number) => ({ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: at(added) });
const summary = (actions: Action[]) => actions.map((a) => `${a.verb}${a.subresource ? '/status' : ''} ${a.kind} ${a.name}`);
const s = (n: number) => T0 + n * 1000;
const healthy = node('healthy', 100);

test('A node heard from within the grace period is left alone, and the pass asks to look again when it would expire', () => {
  const r = reconcileNodes([node('n1', 100)], [], [], s(120));
  assert.deepEqual(r.actions, []);
  assert.equal(r.requeueAfterMs, 30_001);
});

test('A node silent for longer than the grace period becomes Unknown and unreachable', () => {
  const r = reconcileNodes([node('n1', 0), healthy], [], [], s(51));
  assert.deepEqual(summary(r.actions), ['updateStatus Node n1', 'patch Node n1']);
  const conditions = r.actions[0].object!.status.conditions;
  assert.deepEqual(conditions.find((c: any) => c.type === 'Ready'), { type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastHeartbeatTime: at(0), lastTransitionTime: at(51) });
  assert.deepEqual(conditions.map((c: any) => `${c.type}=${c.status}`), ['MemoryPressure=Unknown', 'Ready=Unknown', 'DiskPressure=Unknown', 'PIDPressure=Unknown']);
  assert.equal(conditions.find((c: any) => c.type === 'DiskPressure').reason, 'NodeStatusNeverUpdated');
  assert.deepEqual(r.actions[1].patch, { spec: { taints: [unreachableNoSchedule(51), unreachable(51)] } });
});

test('A renewed Lease keeps a node healthy even when its status is old', () => {
  assert.deepEqual(reconcileNodes([node('n1', 0), healthy], [lease('n1', 45)], [], s(60)).actions, []);
});

test('A kubelet reporting Ready=False gets the not-ready taints instead', () => {
  const r = reconcileNodes([node('n1', 100, 'False'), healthy], [], [], s(101));
  assert.deepEqual(r.actions[0].patch, { spec: { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule', timeAdded: at(101) }, { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute', timeAdded: at(101) }] } });
});

test('A node that is Ready again loses the controller\'s taints but keeps everyone else\'s', () => {
  const mine = { key: 'team', value: 'a', effect: 'NoSchedule' };
  const r = reconcileNodes([node('n1', 100, 'True', { taints: [mine, unreachable(10), unreachableNoSchedule(10)] })], [], [], s(101));
  assert.deepEqual(r.actions.map((a) => a.patch), [{ spec: { taints: [mine] } }]);
});

test('Pods on an unreachable node are marked not ready, and evicted after their tolerationSeconds', () => {
  const tainted = reconcileNodes([node('n1', 0), healthy], [], [], s(51)).actions[0].object!;
  tainted.spec.taints = [unreachableNoSchedule(51), unreachable(51)];
  const pods = [
    pod('default-tol', { node: 'n1', ready: true }),
    pod('short', { node: 'n1', ready: false, tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }] }),
    pod('forever', { node: 'n1', ready: false, tolerations: [{ operator: 'Exists' }] }),
    pod('elsewhere', { node: 'healthy', ready: true }),
  ];
  const at60 = reconcileNodes([tainted, healthy], [], pods, s(60));
  assert.deepEqual(summary(at60.actions), ['patch/status Pod default-tol']);
  assert.equal(at60.requeueAfterMs, 1_000);
  assert.equal(at60.actions[0].event?.reason, 'NodeNotReady');
  const at61 = reconcileNodes([tainted, healthy], [], pods, s(61));
  assert.deepEqual(summary(at61.actions), ['patch/status Pod default-tol', 'patch/status Pod short', 'delete Pod short']);
  assert.deepEqual(at61.actions[1].patch, { status: { conditions: [
    { type: 'Ready', status: 'False', lastTransitionTime: at(0) },
    { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastTransitionTime: at(61), lastProbeTime: null },
  ] } });
  assert.deepEqual(at61.actions[2].preconditions, { uid: 'uid-short' });
  const after300 = reconcileNodes([tainted, node('healthy', 340)], [], pods.slice(0, 1).map((p) => ({ ...p, status: { phase: 'Running', conditions: [] } })), s(351));
  assert.deepEqual(summary(after300.actions), ['patch/status Pod default-tol', 'delete Pod default-tol']);
});

test('A pod that tolerates nothing is evicted as soon as the taint lands when default tolerations are off', () => {
  const r = reconcileNodes([node('n1', 0), healthy], [], [pod('p', { node: 'n1' })], s(51), { defaultTolerationSeconds: null });
  assert.deepEqual(summary(r.actions), ['updateStatus Node n1', 'patch Node n1', 'patch/status Pod p', 'delete Pod p']);
});

test('When every node is down the controller stops tainting and evicting (master disruption mode)', () => {
  const r = reconcileNodes([node('a', 0), node('b', 0, 'Unknown', { taints: [unreachable(10)] })], [], [pod('p', { node: 'b' })], s(400));
  assert.deepEqual(summary(r.actions), ['updateStatus Node a', 'updateStatus Node b', 'patch Node a', 'patch Node b']);
  assert.deepEqual(r.actions[3].patch, { spec: { taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: at(400) }] } });
});

test('A small zone in partial disruption gets no new NoExecute taints', () => {
  const nodes = [node('a', 0), node('b', 0), node('c', 0), node('d', 100)];
  const r = reconcileNodes(nodes, [], [], s(60));
  assert.ok(r.actions.filter((a) => a.verb === 'patch').every((a) => (a.patch as any).spec.taints.every((t: any) => t.effect === 'NoSchedule')));
});

test('NoSchedule taints follow pressure conditions and spec.unschedulable', () => {
  const n = node('n1', 100, 'True', { unschedulable: true });
  n.status.conditions.push({ type: 'DiskPressure', status: 'True' });
  const r = reconcileNodes([n], [], [], s(101));
  assert.deepEqual((r.actions[0].patch as any).spec.taints.map((t: any) => t.key), ['node.kubernetes.io/disk-pressure', 'node.kubernetes.io/unschedulable']);
});

test('Tolerations match taints as upstream\'s ToleratesTaint does', () => {
  const taint = { key: 'k', value: 'v', effect: 'NoExecute' as const };
  assert.equal(tolerates({ key: 'k', operator: 'Equal', value: 'v' }, taint), true);
  assert.equal(tolerates({ key: 'k', value: 'v' }, taint), true);
  assert.equal(tolerates({ key: 'k', operator: 'Equal', value: 'w' }, taint), false);
  assert.equal(tolerates({ operator: 'Exists' }, taint), true);
  assert.equal(tolerates({ key: 'k', operator: 'Exists', effect: 'NoSchedule' }, taint), false);
  assert.equal(tolerates({ key: 'other', operator: 'Exists' }, taint), false);
});

test('A node that has not posted Ready yet is not judged within its startup grace period, even next to Ready nodes', () => {
  const fresh: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'fresh', uid: 'uid-fresh', creationTimestamp: at(100) }, spec: {}, status: {} };
  const r = reconcileNodes([fresh, node('healthy', 100)], [], [pod('p', { node: 'fresh' })], s(101));
  assert.deepEqual(summary(r.actions), []);
});
