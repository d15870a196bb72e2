// podRequestList and fillAllocatableAndRequested per resource kind: cpu/memory (plain or non-zero),
// ephemeral-storage (always the plain requests) and scalar resources (skipped unless requested and present).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeNode, makePod, nodeInfo } from '../testing/fixtures.ts';
import { PodInfo } from './podInfo.ts';
import { fillAllocatableAndRequested, podRequestList, type ResourceSpec } from './resourceAllocation.ts';

const GPU = 'example.com/gpu';
const Gi = 1024 ** 3;
const spec = (...names: string[]): ResourceSpec[] => names.map((name) => ({ name, weight: 1 }));

const pod = new PodInfo(makePod('p', { requests: { 'ephemeral-storage': '2Gi', [GPU]: '2' } }));
const requestCases = [
  { name: 'cpu and memory without requests count the non-zero defaults when scoring non-zero', useRequested: false, want: [100, 200 * 1024 * 1024] },
  { name: 'cpu and memory without requests count zero when scoring plain requests', useRequested: true, want: [0, 0] },
];
for (const c of requestCases) {
  test(c.name, () => assert.deepEqual(podRequestList(pod, spec('cpu', 'memory'), c.useRequested), c.want));
}

for (const useRequested of [false, true]) {
  test(`ephemeral-storage, an extended resource and an unknown name read the pod's requests (useRequested ${useRequested})`, () => {
    assert.deepEqual(podRequestList(pod, spec('ephemeral-storage', GPU, 'pods'), useRequested), [2 * Gi, 2, 0]);
  });
}

const withGpu = makeNode('g', { allocatable: { cpu: '4', memory: '8Gi', 'ephemeral-storage': '10Gi', [GPU]: '8' } });
const plain = makeNode('n', { allocatable: { cpu: '4', memory: '8Gi', 'ephemeral-storage': '10Gi' } });
const placed = makePod('old', { node: 'g', requests: { 'ephemeral-storage': '1Gi', [GPU]: '3' } });
const bare = makePod('bare', { node: 'n' });
const fillCases = [
  { name: 'cpu scoring non-zero counts a placed pod without requests at the 100m default', node: plain, res: 'cpu', pr: 500, useRequested: false, want: [4000, 600] },
  { name: 'cpu scoring plain requests counts a placed pod without requests as zero', node: plain, res: 'cpu', pr: 500, useRequested: true, want: [4000, 500] },
  { name: 'memory scoring non-zero counts a placed pod without requests at the 200Mi default', node: plain, res: 'memory', pr: Gi, useRequested: false, want: [8 * Gi, Gi + 200 * 1024 * 1024] },
  { name: 'memory scoring plain requests counts a placed pod without requests as zero', node: plain, res: 'memory', pr: Gi, useRequested: true, want: [8 * Gi, Gi] },
  { name: 'ephemeral-storage: allocatable, and placed plus incoming requests even when scoring non-zero', node: withGpu, res: 'ephemeral-storage', pr: 2 * Gi, useRequested: false, want: [10 * Gi, 3 * Gi] },
  { name: 'ephemeral-storage with plain requests', node: withGpu, res: 'ephemeral-storage', pr: 2 * Gi, useRequested: true, want: [10 * Gi, 3 * Gi] },
  { name: 'an extended resource the pod requests and the node has: allocatable and placed plus incoming', node: withGpu, res: GPU, pr: 2, useRequested: true, want: [8, 5] },
  { name: 'an extended resource counts the placed plain requests even when scoring non-zero', node: withGpu, res: GPU, pr: 2, useRequested: false, want: [8, 5] },
  { name: 'an extended resource the pod does not request is skipped (0, 0) even when the node has it', node: withGpu, res: GPU, pr: 0, useRequested: true, want: [0, 0] },
  { name: 'an extended resource the node lacks is skipped (0, 0)', node: plain, res: GPU, pr: 2, useRequested: false, want: [0, 0] },
  { name: 'a name that is neither a known nor a scalar resource is skipped (0, 0)', node: withGpu, res: 'pods', pr: 0, useRequested: true, want: [0, 0] },
];
for (const c of fillCases) {
  test(c.name, () => {
    const n = nodeInfo(c.node, [c.node === withGpu ? placed : bare]);
    const alloc = [-1];
    const req = [-1];
    fillAllocatableAndRequested(n, spec(c.res), [c.pr], c.useRequested, alloc, req);
    assert.deepEqual([alloc[0], req[0]], c.want);
  });
}

test('a resource the node does not allocate reports zero requested too', () => {
  const n = nodeInfo(makeNode('z', { allocatable: { memory: '1Gi' } }), [makePod('old', { node: 'z', requests: { cpu: '1' } })]);
  const alloc: number[] = [];
  const req: number[] = [];
  fillAllocatableAndRequested(n, spec('cpu', 'memory'), [500, 0], true, alloc, req);
  assert.deepEqual([alloc, req], [[0, 1024 ** 3], [0, 0]]);
});
