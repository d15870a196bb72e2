// NodeResourcesFit boundaries (exactly full, already overcommitted, zero requests, pod count) and
// LeastAllocated details (custom resources and weights, Score without PreScore), after upstream's fit_test.go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cluster, makeNode, makePod, runFilter, runScore } from '../../testing/fixtures.ts';
import { PodInfo } from '../../framework/podInfo.ts';
import { insufficient, leastRequestedScore, newNodeResourcesFit, REASON_TOO_MANY_PODS } from './nodeResourcesFit.ts';

test('the reasons are upstream\'s text', () => {
  assert.equal(insufficient('cpu'), 'Insufficient cpu');
  assert.equal(REASON_TOO_MANY_PODS, 'Too many pods');
});

const node = (allocatable: Record<string, string>) => makeNode('n', { allocatable: { pods: '110', ...allocatable } });
const filterCases: { name: string; alloc: Record<string, string>; placed?: Record<string, string>[]; req: Record<string, string>; want: string[] }[] = [
  { name: 'a request equal to the free cpu and memory fits', alloc: { cpu: '2', memory: '2Gi' }, placed: [{ cpu: '1', memory: '1Gi' }], req: { cpu: '1', memory: '1Gi' }, want: [] },
  { name: 'one milli-cpu over the free cpu is insufficient', alloc: { cpu: '2', memory: '2Gi' }, placed: [{ cpu: '1' }], req: { cpu: '1001m' }, want: [insufficient('cpu')] },
  { name: 'one byte over the free memory is insufficient', alloc: { cpu: '2', memory: '1000' }, placed: [{ memory: '400' }], req: { memory: '601' }, want: [insufficient('memory')] },
  { name: 'an overcommitted cpu does not reject a pod requesting no cpu', alloc: { cpu: '1', memory: '2Gi' }, placed: [{ cpu: '2' }], req: { memory: '1Gi' }, want: [] },
  { name: 'an overcommitted memory does not reject a pod requesting no memory', alloc: { cpu: '2', memory: '1Gi' }, placed: [{ memory: '2Gi' }], req: { cpu: '1' }, want: [] },
  { name: 'an overcommitted node takes a pod with no requests', alloc: { cpu: '1', memory: '1Gi', 'ephemeral-storage': '1Gi' }, placed: [{ cpu: '2', memory: '2Gi', 'ephemeral-storage': '2Gi' }], req: {}, want: [] },
  { name: 'ephemeral storage equal to the free amount fits', alloc: { cpu: '2', memory: '2Gi', 'ephemeral-storage': '10Gi' }, placed: [{ 'ephemeral-storage': '4Gi' }], req: { 'ephemeral-storage': '6Gi' }, want: [] },
  { name: 'ephemeral storage over the free amount is insufficient', alloc: { cpu: '2', memory: '2Gi', 'ephemeral-storage': '10Gi' }, placed: [{ 'ephemeral-storage': '4Gi' }], req: { 'ephemeral-storage': '7Gi' }, want: [insufficient('ephemeral-storage')] },
  { name: 'an overcommitted ephemeral storage does not reject a pod requesting none', alloc: { cpu: '2', memory: '2Gi', 'ephemeral-storage': '1Gi' }, placed: [{ 'ephemeral-storage': '2Gi' }], req: { cpu: '1' }, want: [] },
  { name: 'extended resources in use are subtracted', alloc: { cpu: '2', memory: '2Gi', 'example.com/gpu': '2' }, placed: [{ 'example.com/gpu': '1' }], req: { 'example.com/gpu': '2' }, want: [insufficient('example.com/gpu')] },
  { name: 'an extended resource equal to the free amount fits', alloc: { cpu: '2', memory: '2Gi', 'example.com/gpu': '2' }, placed: [{ 'example.com/gpu': '1' }], req: { 'example.com/gpu': '1' }, want: [] },
  { name: 'a zero extended request is not checked', alloc: { cpu: '2', memory: '2Gi' }, req: { 'example.com/gpu': '0' }, want: [] },
  { name: 'a zero extended request is not checked even on an overcommitted node', alloc: { cpu: '2', memory: '2Gi', 'example.com/gpu': '1' }, placed: [{ 'example.com/gpu': '2' }], req: { cpu: '1', 'example.com/gpu': '0' }, want: [] },
  { name: 'every short resource is listed, extended ones last', alloc: { cpu: '1', memory: '1Gi', 'ephemeral-storage': '1Gi' }, req: { cpu: '2', memory: '2Gi', 'ephemeral-storage': '2Gi', 'example.com/a': '1' }, want: [insufficient('cpu'), insufficient('memory'), insufficient('ephemeral-storage'), insufficient('example.com/a')] },
];
for (const c of filterCases) {
  test(c.name, () => {
    const placed = (c.placed ?? []).map((r, i) => makePod(`old${i}`, { node: 'n', requests: r }));
    const got = runFilter(newNodeResourcesFit(), [node(c.alloc)], placed, makePod('p', { requests: c.req }));
    assert.deepEqual(got.n, c.want.length ? { code: 'Unschedulable', reasons: c.want } : { code: 'Success', reasons: [] });
  });
}

const ignoredCases = [
  { name: 'an ignored extended resource is not checked', resource: 'example.com/gpu', want: [] },
  { name: 'ignoredResources does not apply to hugepages (not an extended resource)', resource: 'hugepages-2Mi', want: [insufficient('hugepages-2Mi')] },
  { name: 'ignoredResources does not apply to kubernetes.io-prefixed resources', resource: 'kubernetes.io/batch', want: [insufficient('kubernetes.io/batch')] },
];
for (const c of ignoredCases) {
  test(c.name, () => {
    const got = runFilter(newNodeResourcesFit({ ignoredResources: [c.resource] }), [node({ cpu: '2', memory: '2Gi', [c.resource]: '1' })], [], makePod('p', { requests: { [c.resource]: '2' } }));
    assert.deepEqual(got.n.reasons, c.want);
  });
}

test('a node with room for exactly one more pod takes it', () => {
  const got = runFilter(newNodeResourcesFit(), [makeNode('n', { pods: '2' })], [makePod('old', { node: 'n' })], makePod('p'));
  assert.deepEqual(got.n.reasons, []);
});

test('a full node reports "Too many pods" before the short resources', () => {
  const got = runFilter(newNodeResourcesFit(), [makeNode('n', { pods: '1', cpu: '1' })], [makePod('old', { node: 'n' })], makePod('p', { requests: { cpu: '2' } }));
  assert.deepEqual(got.n, { code: 'Unschedulable', reasons: [REASON_TOO_MANY_PODS, insufficient('cpu')] });
});

const lrCases = [
  { name: 'no capacity scores 0', requested: 0, capacity: 0, want: 0 },
  { name: 'requests over capacity score 0', requested: 11, capacity: 10, want: 0 },
  { name: 'requests equal to capacity score 0', requested: 10, capacity: 10, want: 0 },
  { name: 'nothing requested scores 100', requested: 0, capacity: 10, want: 100 },
  { name: 'the free share is truncated', requested: 1, capacity: 3, want: 66 },
];
for (const c of lrCases) test(`leastRequestedScore: ${c.name}`, () => assert.equal(leastRequestedScore(c.requested, c.capacity), c.want));

test('LeastAllocated weighs resources by their configured weights', () => {
  // cpu free 50% (weight 3), memory free 100% (weight 1): (50×3 + 100×1) / 4 = 62
  const plugin = newNodeResourcesFit({ resources: [{ name: 'cpu', weight: 3 }, { name: 'memory', weight: 1 }] });
  assert.deepEqual(runScore(plugin, [makeNode('n', { cpu: '4', memory: '8Gi' })], [], makePod('p', { requests: { cpu: '2', memory: '1' } })), { n: 62 });
});

test('LeastAllocated skips a resource the node does not have', () => {
  const plugin = newNodeResourcesFit({ resources: [{ name: 'cpu', weight: 1 }, { name: 'example.com/gpu', weight: 5 }] });
  assert.deepEqual(runScore(plugin, [makeNode('n', { cpu: '4' })], [], makePod('p', { requests: { cpu: '1', 'example.com/gpu': '1' } })), { n: 75 });
});

test('LeastAllocated scores an extended resource the node has', () => {
  const plugin = newNodeResourcesFit({ resources: [{ name: 'example.com/gpu', weight: 1 }] });
  const n = makeNode('n', { allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'example.com/gpu': '4' } });
  assert.deepEqual(runScore(plugin, [n], [], makePod('p', { requests: { 'example.com/gpu': '1' } })), { n: 75 });
});

test('LeastAllocated with no resource the node has scores 0', () => {
  const plugin = newNodeResourcesFit({ resources: [{ name: 'example.com/gpu', weight: 1 }] });
  assert.deepEqual(runScore(plugin, [makeNode('n')], [], makePod('p', { requests: { 'example.com/gpu': '1' } })), { n: 0 });
});

test('Score without PreScore still counts the non-zero defaults of a pod without requests', () => {
  const { cache, state } = cluster([makeNode('idle')]);
  // cpu (4000-100)/4000 → 97, memory (8Gi-200Mi)/8Gi → 97
  assert.equal(newNodeResourcesFit().score(state(), new PodInfo(makePod('p')), cache.get('idle')!), 97);
});
