import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeNode, makePod, runFilter } from '../../testing/fixtures.ts';
import { newNodeName, REASON } from './nodeName.ts';

const nodes = [makeNode('a'), makeNode('b')];
const cases = [
  { name: 'a pod without spec.nodeName fits every node', nodeName: undefined, want: { a: [], b: [] } },
  { name: 'a pod naming node a fits only node a', nodeName: 'a', want: { a: [], b: [REASON] } },
  { name: 'a pod naming an unknown node fits no node', nodeName: 'zz', want: { a: [REASON], b: [REASON] } },
];
for (const c of cases) {
  test(c.name, () => {
    const got = runFilter(newNodeName(), nodes, [], makePod('p', { node: c.nodeName }));
    assert.deepEqual(Object.fromEntries(Object.entries(got).map(([k, v]) => [k, v.reasons])), c.want);
  });
}

test('the reason is upstream\'s text and the code is UnschedulableAndUnresolvable', () => {
  const got = runFilter(newNodeName(), nodes, [], makePod('p', { node: 'a' }));
  assert.equal(REASON, "node(s) didn't match the requested node name");
  assert.equal(got.b.code, 'UnschedulableAndUnresolvable');
});
