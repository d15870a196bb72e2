import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeNode, makePod, runFilter, runScore } from '../../testing/fixtures.ts';
import { insufficient, newNodeResourcesFit, REASON_TOO_MANY_PODS } from './nodeResourcesFit.ts';

const c = (requests: Record<string, string>, extra: object = {}) => ({ name: 'c', image: 'i', resources: { requests }, ...extra });

const cases: { name: string; node?: object; placed?: Record<string, string>[]; spec: object; want: string[] }[] = [
  { name: 'a pod within free cpu and memory fits', spec: { containers: [c({ cpu: '1', memory: '1Gi' })] }, want: [] },
  { name: 'too much cpu reads "Insufficient cpu"', spec: { containers: [c({ cpu: '5' })] }, want: [insufficient('cpu')] },
  { name: 'requests of placed pods are subtracted', placed: [{ cpu: '3500m' }], spec: { containers: [c({ cpu: '600m' })] }, want: [insufficient('cpu')] },
  { name: 'cpu and memory short give both reasons in order', spec: { containers: [c({ cpu: '5', memory: '9Gi' })] }, want: [insufficient('cpu'), insufficient('memory')] },
  { name: 'regular containers are summed', spec: { containers: [c({ cpu: '2' }), c({ cpu: '2500m' })] }, want: [insufficient('cpu')] },
  {
    name: 'init containers count by their maximum, not their sum',
    spec: { initContainers: [c({ cpu: '3' }), c({ cpu: '3' })], containers: [c({ cpu: '1' })] },
    want: [],
  },
  { name: 'an init container larger than the containers sets the request', spec: { initContainers: [c({ cpu: '5' })], containers: [c({ cpu: '1' })] }, want: [insufficient('cpu')] },
  {
    name: 'a sidecar (restartPolicy Always) adds to the containers and to later init containers',
    spec: { initContainers: [c({ cpu: '1' }, { restartPolicy: 'Always' }), c({ cpu: '3500m' })], containers: [c({ cpu: '1' })] },
    want: [insufficient('cpu')],
  },
  { name: 'sidecar plus containers within allocatable fits', spec: { initContainers: [c({ cpu: '1' }, { restartPolicy: 'Always' })], containers: [c({ cpu: '3' })] }, want: [] },
  { name: 'pod overhead is added', spec: { containers: [c({ cpu: '3800m' })], overhead: { cpu: '250m' } }, want: [insufficient('cpu')] },
  { name: 'ephemeral storage is checked', node: { allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '10Gi' } }, spec: { containers: [c({ 'ephemeral-storage': '11Gi' })] }, want: [insufficient('ephemeral-storage')] },
  { name: 'an extended resource the node lacks is insufficient', spec: { containers: [c({ 'example.com/gpu': '1' })] }, want: [insufficient('example.com/gpu')] },
  { name: 'an extended resource the node has fits', node: { allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'example.com/gpu': '2' } }, spec: { containers: [c({ 'example.com/gpu': '2' })] }, want: [] },
  { name: 'a full node reads "Too many pods" even for a pod without requests', node: { pods: '1' }, placed: [{}], spec: { containers: [c({})] }, want: [REASON_TOO_MANY_PODS] },
  { name: 'decimal quantities (1e0 = 1 cpu, 500M memory) are read like resource.Quantity', spec: { containers: [c({ cpu: '1e0', memory: '500M' })] }, want: [] },
  { name: 'pod-level requests replace the container sum', spec: { resources: { requests: { cpu: '5' } }, containers: [c({ cpu: '1' })] }, want: [insufficient('cpu')] },
];
for (const t of cases) {
  test(t.name, () => {
    const placed = (t.placed ?? []).map((r, i) => makePod(`old${i}`, { node: 'n', requests: r }));
    const got = runFilter(newNodeResourcesFit(), [makeNode('n', t.node ?? {})], placed, makePod('p', { spec: t.spec }));
    assert.deepEqual(got.n.reasons, t.want);
    if (t.want.length) assert.equal(got.n.code, 'Unschedulable');
  });
}

test('ignored extended resources are not checked', () => {
  const got = runFilter(newNodeResourcesFit({ ignoredResources: ['example.com/gpu'] }), [makeNode('n')], [], makePod('p', { requests: { 'example.com/gpu': '1' } }));
  assert.deepEqual(got.n.reasons, []);
});

test('LeastAllocated prefers the emptier node and counts 100m/200Mi for pods without requests', () => {
  const nodes = [makeNode('busy'), makeNode('idle')];
  const placed = [makePod('old', { node: 'busy' })];
  // busy: cpu (4000-200)/4000 → 95, memory (8Gi-400Mi)/8Gi → 95; idle: cpu 97, memory 97.
  assert.deepEqual(runScore(newNodeResourcesFit(), nodes, placed, makePod('p')), { busy: 95, idle: 97 });
});
