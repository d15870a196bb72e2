import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeNode, makePod, runScore } from '../../testing/fixtures.ts';
import { balancedScore, newNodeResourcesBalancedAllocation } from './nodeResourcesBalancedAllocation.ts';

const cases = [
  { name: 'equal fractions score 100', req: [1000, 2048], alloc: [4000, 8192], want: 100 },
  { name: 'cpu half used and memory unused scores 75', req: [2000, 0], alloc: [4000, 8192], want: 75 },
  { name: 'fractions above 1 are capped at 1', req: [8000, 0], alloc: [4000, 8192], want: 50 },
  { name: 'a resource the node does not have is ignored', req: [1000, 5], alloc: [4000, 0], want: 100 },
  { name: 'three resources use the standard deviation', req: [0, 0, 3], alloc: [3, 3, 3], want: 52 },
];
for (const c of cases) test(c.name, () => assert.equal(balancedScore(c.req, c.alloc), c.want));

test('a node whose cpu and memory stay balanced outscores one that does not', () => {
  const nodes = [makeNode('cpuheavy'), makeNode('even')];
  const placed = [makePod('old', { node: 'cpuheavy', requests: { cpu: '2' } })];
  const got = runScore(newNodeResourcesBalancedAllocation(), nodes, placed, makePod('p', { requests: { cpu: '1', memory: '2Gi' } }));
  assert.ok(got && got.even > got.cpuheavy, JSON.stringify(got));
});

test('a best-effort pod is not scored', () => {
  assert.equal(runScore(newNodeResourcesBalancedAllocation(), [makeNode('n')], [], makePod('p')), null);
});
