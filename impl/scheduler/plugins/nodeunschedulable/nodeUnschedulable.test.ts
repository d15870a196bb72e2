import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeNode, makePod, runFilter } from '../../testing/fixtures.ts';
import { newNodeUnschedulable, REASON } from './nodeUnschedulable.ts';

const cordoned = makeNode('cordoned', { unschedulable: true });
const open = makeNode('open');
const cases = [
  { name: 'a cordoned node rejects a pod without tolerations', tolerations: [], want: [REASON] },
  { name: 'a cordoned node takes a pod tolerating the unschedulable taint', tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }], want: [] },
  { name: 'a toleration of every taint (empty key, Exists) also passes', tolerations: [{ operator: 'Exists' }], want: [] },
  { name: 'a NoExecute-only toleration does not pass', tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoExecute' }], want: [REASON] },
];
for (const c of cases) {
  test(c.name, () => {
    const got = runFilter(newNodeUnschedulable(), [cordoned, open], [], makePod('p', { spec: { tolerations: c.tolerations } }));
    assert.deepEqual(got.cordoned.reasons, c.want);
    assert.deepEqual(got.open.reasons, []);
  });
}

test('the reason reads "node(s) were unschedulable"', () => assert.equal(REASON, 'node(s) were unschedulable'));
