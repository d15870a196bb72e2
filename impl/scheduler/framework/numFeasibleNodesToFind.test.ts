import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numFeasibleNodesToFind } from './numFeasibleNodesToFind.ts';

const cases = [
  { name: 'fewer than 100 nodes are all examined', nodes: 50, pct: 0, want: 50 },
  { name: 'exactly 100 nodes: the 100-node minimum', nodes: 100, pct: 0, want: 100 },
  { name: '1,000 nodes: adaptive 50 - 1000/125 = 42%', nodes: 1000, pct: 0, want: 420 },
  { name: '5,000 nodes: adaptive 10%', nodes: 5000, pct: 0, want: 500 },
  { name: '6,000 nodes: adaptive floor of 5%', nodes: 6000, pct: 0, want: 300 },
  { name: '500 nodes: adaptive 46% is 230', nodes: 500, pct: 0, want: 230 },
  { name: 'an explicit 100% examines every node', nodes: 5000, pct: 100, want: 5000 },
  { name: 'an explicit 10% of 1,000 is 100', nodes: 1000, pct: 10, want: 100 },
  { name: 'an explicit percentage never goes below 100 nodes', nodes: 1000, pct: 5, want: 100 },
  { name: '99 nodes are all examined whatever the percentage', nodes: 99, pct: 10, want: 99 },
  { name: '1,010 nodes: adaptive 50 - 1010/125 (integer) = 42%, rounded down to 424', nodes: 1010, pct: 0, want: 424 },
  { name: '5,625 nodes: adaptive exactly at the 5% floor', nodes: 5625, pct: 0, want: 281 },
  { name: 'a fractional percentage counts as its integer part', nodes: 2000, pct: 10.9, want: 200 },
  { name: 'a percentage giving a fractional count rounds down', nodes: 1010, pct: 15, want: 151 },
  { name: 'no percentage at all is the adaptive default', nodes: 1000, pct: undefined, want: 420 },
];
for (const c of cases) test(c.name, () => assert.equal(numFeasibleNodesToFind(c.nodes, c.pct), c.want));
