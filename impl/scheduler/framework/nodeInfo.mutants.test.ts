// NodeInfo: what setNode reads from a Node, the aggregates addPod/removePod keep (requests, pods
// with affinity, host ports, generation) and upstream's host-port conflict rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidObjectError } from '../errors.ts';
import { makePod } from '../testing/fixtures.ts';
import type { KubeObject } from '../types.ts';
import { NodeInfo } from './nodeInfo.ts';
import { PodInfo } from './podInfo.ts';

const node = (spec: unknown, status: unknown, labels?: Record<string, string>): KubeObject =>
  ({ metadata: { name: 'n', labels }, spec, status }) as KubeObject;
const withNode = (n: KubeObject) => {
  const info = new NodeInfo('n');
  info.setNode(n);
  return info;
};
const ports = (...p: { hostPort: number; hostIP?: string; protocol?: string }[]) => ({ containers: [{ name: 'c', ports: p.map((x) => ({ containerPort: 1, ...x })) }] });
const pod = (name: string, requests: Record<string, string> = {}, spec: Record<string, unknown> = {}) => new PodInfo(makePod(name, { requests, spec }));
const antiAffinity = { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'zone', labelSelector: { matchLabels: { a: 'b' } } }] } } };
const affinity = { affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: { topologyKey: 'zone', labelSelector: {} } }] } } };

const setNodeCases = [
  {
    name: 'labels, taints, unschedulable and allocatable come from the Node',
    node: node({ unschedulable: true, taints: [{ key: 'k', value: 'v', effect: 'NoSchedule' }] }, { allocatable: { cpu: '2', memory: '1Ki' }, capacity: { cpu: '8' } }, { zone: 'z1' }),
    want: { labels: { zone: 'z1' }, taints: [{ key: 'k', value: 'v', effect: 'NoSchedule' }], unschedulable: true, cpu: 2000, memory: 1024 },
  },
  {
    name: 'without status.allocatable the capacity is allocatable',
    node: node({}, { capacity: { cpu: '3', memory: '2' } }),
    want: { labels: {}, taints: [], unschedulable: false, cpu: 3000, memory: 2 },
  },
  {
    name: 'only spec.unschedulable true makes the node unschedulable',
    node: node({ unschedulable: 'true' }, {}),
    want: { labels: {}, taints: [], unschedulable: false, cpu: 0, memory: 0 },
  },
  {
    name: 'a Node without spec or status reads as empty',
    node: node(undefined, undefined),
    want: { labels: {}, taints: [], unschedulable: false, cpu: 0, memory: 0 },
  },
];
for (const c of setNodeCases) {
  test(c.name, () => {
    const n = withNode(c.node);
    assert.deepEqual({ labels: n.labels, taints: n.taints, unschedulable: n.unschedulable, cpu: n.allocatable.milliCPU, memory: n.allocatable.memory }, c.want);
    assert.equal(n.node, c.node);
    assert.equal(n.generation, 1);
  });
}

test('a NodeInfo whose Node has not arrived yet is empty and schedulable', () => {
  const n = new NodeInfo('n');
  assert.deepEqual([n.node, n.labels, n.taints, n.unschedulable, n.allocatable.isZero, n.pods, n.podsWithAffinity, n.podsWithRequiredAntiAffinity, n.usedPorts.size, n.generation], [null, {}, [], false, true, [], [], [], 0, 0]);
});

const badQuantityCases = [
  { name: 'a bad allocatable quantity names status.allocatable', status: { allocatable: { cpu: 'lots' }, capacity: { cpu: '1' } }, field: 'status.allocatable.cpu' },
  { name: 'a bad capacity quantity, without allocatable, names status.capacity', status: { capacity: { memory: 'lots' } }, field: 'status.capacity.memory' },
];
for (const c of badQuantityCases) {
  test(c.name, () => assert.throws(() => withNode(node({}, c.status)), (e: unknown) => e instanceof InvalidObjectError && e.field === c.field));
}

test('addPod adds requests, non-zero requests and the pod to the affinity lists it belongs to', () => {
  const n = new NodeInfo('n');
  const [plain, anti, aff] = [pod('plain', { cpu: '1', memory: '1Ki' }), pod('anti', {}, antiAffinity), pod('aff', { cpu: '500m' }, affinity)];
  [plain, anti, aff].forEach((p) => n.addPod(p));
  assert.deepEqual(n.pods.map((p) => p.name), ['plain', 'anti', 'aff']);
  assert.deepEqual(n.podsWithAffinity.map((p) => p.name), ['anti', 'aff']);
  assert.deepEqual(n.podsWithRequiredAntiAffinity.map((p) => p.name), ['anti']);
  assert.deepEqual([n.requested.milliCPU, n.requested.memory], [1500, 1024]);
  assert.deepEqual([n.nonZeroRequested.milliCPU, n.nonZeroRequested.memory], [1600, 1024 + 2 * 200 * 1024 * 1024]);
  assert.equal(n.generation, 3);
});

test('removePod subtracts the pod, drops it from every list (last one moved into its slot) and returns it', () => {
  const n = new NodeInfo('n');
  const ps = [pod('p0', { cpu: '1' }, antiAffinity), pod('p1', { cpu: '2' }, antiAffinity), pod('p2', { cpu: '4' }, antiAffinity)];
  ps.forEach((p) => n.addPod(p));
  assert.equal(n.removePod(ps[0].key), ps[0]);
  assert.deepEqual(n.pods.map((p) => p.name), ['p2', 'p1']);
  assert.deepEqual(n.podsWithAffinity.map((p) => p.name), ['p2', 'p1']);
  assert.deepEqual(n.podsWithRequiredAntiAffinity.map((p) => p.name), ['p2', 'p1']);
  assert.deepEqual([n.requested.milliCPU, n.nonZeroRequested.milliCPU, n.nonZeroRequested.memory], [6000, 6000, 2 * 200 * 1024 * 1024]);
  assert.equal(n.generation, 4);
});

test('removing a pod that is not on the node returns null and changes nothing', () => {
  const n = new NodeInfo('n');
  n.addPod(pod('p', { cpu: '1' }));
  assert.equal(n.removePod('no-such-key'), null);
  assert.deepEqual([n.pods.length, n.requested.milliCPU, n.generation], [1, 1000, 1]);
});

test('host ports are recorded per IP and freed when the pod leaves', () => {
  const n = new NodeInfo('n');
  const a = pod('a', {}, ports({ hostPort: 80 }, { hostPort: 53, protocol: 'UDP', hostIP: '10.0.0.1' }));
  const b = pod('b', {}, ports({ hostPort: 8080, hostIP: '10.0.0.1' }));
  n.addPod(a);
  n.addPod(b);
  const used = () => Object.fromEntries([...n.usedPorts].map(([ip, s]) => [ip, [...s].sort()]));
  assert.deepEqual(used(), { '0.0.0.0': ['TCP/80'], '10.0.0.1': ['TCP/8080', 'UDP/53'] });
  n.removePod(a.key);
  assert.deepEqual(used(), { '10.0.0.1': ['TCP/8080'] });
  n.removePod(b.key);
  assert.deepEqual(used(), {});
});

test('two pods on one host port: removing the first frees the port (as upstream) and removing the second is harmless', () => {
  const n = new NodeInfo('n');
  const [a, b] = [pod('a', {}, ports({ hostPort: 80 })), pod('b', {}, ports({ hostPort: 80 }))];
  n.addPod(a);
  n.addPod(b);
  n.removePod(a.key);
  assert.equal(n.portConflicts('0.0.0.0', 'TCP', 80), false);
  assert.equal(n.removePod(b.key), b);
  assert.deepEqual([n.pods, n.usedPorts.size], [[], 0]);
});

const conflictCases = [
  { name: 'no ports in use: no conflict', used: [], ip: '0.0.0.0', protocol: 'TCP', port: 80, want: false },
  { name: '0.0.0.0 conflicts with the same port on any IP', used: [{ hostPort: 80, hostIP: '10.0.0.1' }], ip: '0.0.0.0', protocol: 'TCP', port: 80, want: true },
  { name: '0.0.0.0 does not conflict with another port', used: [{ hostPort: 81, hostIP: '10.0.0.1' }], ip: '0.0.0.0', protocol: 'TCP', port: 80, want: false },
  { name: 'a specific IP conflicts with the same port on 0.0.0.0', used: [{ hostPort: 80 }], ip: '10.0.0.2', protocol: 'TCP', port: 80, want: true },
  { name: 'a specific IP conflicts with the same port on that IP', used: [{ hostPort: 80, hostIP: '10.0.0.2' }], ip: '10.0.0.2', protocol: 'TCP', port: 80, want: true },
  { name: 'a specific IP does not conflict with another IP', used: [{ hostPort: 80, hostIP: '10.0.0.1' }], ip: '10.0.0.2', protocol: 'TCP', port: 80, want: false },
  { name: 'another protocol does not conflict', used: [{ hostPort: 80 }], ip: '10.0.0.2', protocol: 'UDP', port: 80, want: false },
  { name: 'another port on 0.0.0.0 does not conflict with a specific IP', used: [{ hostPort: 81 }], ip: '10.0.0.2', protocol: 'TCP', port: 80, want: false },
];
for (const c of conflictCases) {
  test(c.name, () => {
    const n = new NodeInfo('n');
    if (c.used.length > 0) n.addPod(pod('old', {}, ports(...c.used)));
    assert.equal(n.portConflicts(c.ip, c.protocol, c.port), c.want);
  });
}
