// BalancedAllocation's score formula at its edges (0, 1, 2, 3+ resources, capped fractions) and the
// plugin's PreScore/Score paths (custom resources, Score without PreScore), after upstream's balanced_allocation_test.go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cluster, makeNode, makePod, runScore } from '../../testing/fixtures.ts';
import { PodInfo } from '../../framework/podInfo.ts';
import { balancedScore, newNodeResourcesBalancedAllocation } from './nodeResourcesBalancedAllocation.ts';

const cases = [
  { name: 'no resource with allocatable scores 100', req: [5, 5], alloc: [0, 0], want: 100 },
  { name: 'a single resource with allocatable has no deviation', req: [3, 9], alloc: [4, 0], want: 100 },
  { name: 'two resources: std is half their difference', req: [1, 3], alloc: [4, 4], want: 75 },
  { name: 'two resources, the first fraction larger', req: [3, 1], alloc: [4, 4], want: 75 },
  { name: 'a skipped first resource does not shift which fractions are compared', req: [9, 0, 4], alloc: [0, 4, 4], want: 50 },
  { name: 'three resources: population std around the mean', req: [0, 2, 4], alloc: [4, 4, 4], want: 59 },
  { name: 'three resources with one skipped fall back to two', req: [4, 0, 2], alloc: [4, 0, 4], want: 75 },
  { name: 'three resources plus one without allocatable ignore that one in the std', req: [0, 9, 2, 4], alloc: [4, 0, 4, 4], want: 59 },
  { name: 'three resources cap fractions above 1 before the std', req: [8, 0, 0], alloc: [4, 4, 4], want: 52 },
  { name: 'three equal fractions of 0.2 score 100 (their float deviation is not negative)', req: [1, 1, 1], alloc: [5, 5, 5], want: 100 },
  { name: 'four equal fractions score 100', req: [1, 2, 3, 4], alloc: [2, 4, 6, 8], want: 100 },
];
for (const c of cases) test(c.name, () => assert.equal(balancedScore(c.req, c.alloc), c.want));

test('Score without PreScore uses the plain requests (no non-zero defaults)', () => {
  const { cache, state } = cluster([makeNode('idle')]);
  assert.equal(newNodeResourcesBalancedAllocation().score(state(), new PodInfo(makePod('p')), cache.get('idle')!), 100);
});

test('requests of placed pods add to the node\'s fractions', () => {
  // cpu (1+1)/4 = 0.5, memory 0/8Gi = 0 → std 0.25 → 75
  const got = runScore(newNodeResourcesBalancedAllocation(), [makeNode('n')], [makePod('old', { node: 'n', requests: { cpu: '1' } })], makePod('p', { requests: { cpu: '1' } }));
  assert.deepEqual(got, { n: 75 });
});

test('a pod requesting only a configured extended resource is scored on it', () => {
  const plugin = newNodeResourcesBalancedAllocation({ resources: [{ name: 'cpu', weight: 1 }, { name: 'example.com/gpu', weight: 1 }] });
  const n = makeNode('n', { allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'example.com/gpu': '4' } });
  // cpu 0/4, gpu 2/4 → std 0.25 → 75
  assert.deepEqual(runScore(plugin, [n], [], makePod('p', { requests: { 'example.com/gpu': '2' } })), { n: 75 });
});

test('a pod requesting only an unconfigured resource is best-effort for this plugin', () => {
  assert.equal(runScore(newNodeResourcesBalancedAllocation(), [makeNode('n')], [], makePod('p', { requests: { 'example.com/gpu': '1' } })), null);
});

test('a pod requesting only memory is scored', () => {
  // cpu 0, memory 4Gi/8Gi → 75
  assert.deepEqual(runScore(newNodeResourcesBalancedAllocation(), [makeNode('n')], [], makePod('p', { requests: { memory: '4Gi' } })), { n: 75 });
});
