// NodeUnschedulable: the taint a cordoned node stands for (empty value) and the rejection's code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeNode, makePod, runFilter } from '../../testing/fixtures.ts';
import { newNodeUnschedulable, REASON, UNSCHEDULABLE_TAINT } from './nodeUnschedulable.ts';

const cordoned = makeNode('cordoned', { unschedulable: true });
const cases = [
  { name: 'an Equal toleration with an empty value tolerates the unschedulable taint', tolerations: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }], fits: true },
  { name: 'an Equal toleration with a value does not tolerate it', tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Equal', value: 'true', effect: 'NoSchedule' }], fits: false },
  { name: 'a toleration for another key does not tolerate it', tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }], fits: false },
];
for (const c of cases) {
  test(c.name, () => {
    const got = runFilter(newNodeUnschedulable(), [cordoned], [], makePod('p', { spec: { tolerations: c.tolerations } }));
    assert.deepEqual(got.cordoned, c.fits ? { code: 'Success', reasons: [] } : { code: 'UnschedulableAndUnresolvable', reasons: [REASON] });
  });
}

test('the unschedulable taint is upstream\'s node.kubernetes.io/unschedulable:NoSchedule with no value', () => {
  assert.deepEqual(UNSCHEDULABLE_TAINT, { key: 'node.kubernetes.io/unschedulable', value: '', effect: 'NoSchedule' });
});
