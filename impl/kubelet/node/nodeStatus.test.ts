import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeObject, nodeStatus, type NodeConfig } from './nodeStatus.ts';
import { nodeLease } from './nodeLease.ts';
import { planHeartbeat, type HeartbeatState } from './planHeartbeat.ts';
import { ImageStore, simpleRegistry } from '../runtime/ImageStore.ts';

const T0 = Date.UTC(2025, 0, 1);
const config: NodeConfig = { name: 'node-1', internalIP: '192.168.0.11', podCIDR: '10.244.1.0/24', capacity: { cpu: '4', memory: '16Gi', pods: '110' } };

test('a healthy node reports upstream conditions, addresses, endpoint and info', () => {
  const s = nodeStatus(config, [], T0);
  assert.deepEqual(s.conditions.map((c) => [c.type, c.status, c.reason, c.message]), [
    ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
    ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
    ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
    ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
  ]);
  assert.deepEqual(s.addresses, [{ type: 'InternalIP', address: '192.168.0.11' }, { type: 'Hostname', address: 'node-1' }]);
  assert.deepEqual(s.allocatable, config.capacity);
  assert.equal(s.daemonEndpoints.kubeletEndpoint.Port, 10250);
  assert.match(s.nodeInfo.systemUUID, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  assert.deepEqual(nodeObject(config).metadata.labels, { 'kubernetes.io/hostname': 'node-1', 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' });
});

test('a condition keeps its transition time while its status holds, and moves when it flips', () => {
  const first = nodeStatus(config, [], T0);
  const same = nodeStatus(config, [], T0 + 10_000, {}, first);
  assert.equal(same.conditions[3].lastTransitionTime, '2025-01-01T00:00:00Z');
  assert.equal(same.conditions[3].lastHeartbeatTime, '2025-01-01T00:00:10Z');
  const pressed = nodeStatus(config, [], T0 + 20_000, { memoryPressure: true, notReadyReasons: ['container runtime is down'] }, same);
  assert.deepEqual(pressed.conditions.map((c) => [c.type, c.status, c.reason, c.lastTransitionTime]), [
    ['MemoryPressure', 'True', 'KubeletHasInsufficientMemory', '2025-01-01T00:00:20Z'],
    ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', '2025-01-01T00:00:00Z'],
    ['PIDPressure', 'False', 'KubeletHasSufficientPID', '2025-01-01T00:00:00Z'],
    ['Ready', 'False', 'KubeletNotReady', '2025-01-01T00:00:20Z'],
  ]);
});

test('images are listed largest first with digests and tags, for ImageLocality', () => {
  const store = new ImageStore(simpleRegistry({ 'big:1': { sizeBytes: 900 }, 'small:1': { sizeBytes: 10 } }));
  store.preload('small:1');
  store.preload('big:1');
  const images = nodeStatus(config, store.list(), T0).images;
  assert.deepEqual(images.map((i) => i.sizeBytes), [900, 10]);
  assert.match(images[0].names[0], /^docker\.io\/library\/big@sha256:[0-9a-f]{64}$/);
  assert.deepEqual(images[0].names.slice(1), ['docker.io/library/big:1', 'big:1']);
});

test('the lease is owned by the node and renewed with microsecond time', () => {
  assert.deepEqual(nodeLease('node-1', 'u-1', T0 + 1500), {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: 'node-1', namespace: 'kube-node-lease', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'node-1', uid: 'u-1' }] },
    spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40, renewTime: '2025-01-01T00:00:01.500000Z' },
  });
});

test('heartbeats: the lease every 10 s, the status when it changes or every 5 min', () => {
  let state: HeartbeatState = {};
  let health = {};
  const log: string[] = [];
  for (let t = 0; t <= 600_000; ) {
    const plan = planHeartbeat(state, T0 + t, (now) => nodeStatus(config, [], now, health, state.lastReported));
    if (plan.postStatus) log.push(`status@${t / 1000}`);
    if (t === 0 || t === 10_000) assert.ok(plan.renewLease);
    state = plan.state;
    if (t === 30_000) health = { diskPressure: true };
    t = plan.nextWakeUp - T0;
  }
  assert.deepEqual(log, ['status@0', 'status@40', 'status@340']);
});
