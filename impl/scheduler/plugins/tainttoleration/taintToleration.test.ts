import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeNode, makePod, runFilter, runScore } from '../../testing/fixtures.ts';
import { newTaintToleration, reason } from './taintToleration.ts';

const gpu = makeNode('gpu', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] });
const evict = makeNode('evict', { taints: [{ key: 'maint', value: 'now', effect: 'NoExecute' }] });
const soft = makeNode('soft', { taints: [{ key: 'spot', value: 'true', effect: 'PreferNoSchedule' }] });
const plain = makeNode('plain');

const filterCases = [
  { name: 'a NoSchedule taint rejects a pod without tolerations', tol: [], node: 'gpu', want: [reason('dedicated', 'gpu')] },
  { name: 'a NoExecute taint rejects a pod without tolerations', tol: [], node: 'evict', want: [reason('maint', 'now')] },
  { name: 'a PreferNoSchedule taint never filters', tol: [], node: 'soft', want: [] },
  { name: 'Equal with the same value tolerates', tol: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }], node: 'gpu', want: [] },
  { name: 'no operator means Equal', tol: [{ key: 'dedicated', value: 'gpu' }], node: 'gpu', want: [] },
  { name: 'Equal with another value does not tolerate', tol: [{ key: 'dedicated', operator: 'Equal', value: 'cpu' }], node: 'gpu', want: [reason('dedicated', 'gpu')] },
  { name: 'Exists on the key tolerates any value', tol: [{ key: 'dedicated', operator: 'Exists' }], node: 'gpu', want: [] },
  { name: 'an empty key with Exists tolerates every taint', tol: [{ operator: 'Exists' }], node: 'evict', want: [] },
  { name: 'a toleration for another effect does not tolerate', tol: [{ key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }], node: 'gpu', want: [reason('dedicated', 'gpu')] },
];
for (const c of filterCases) {
  test(c.name, () => {
    const got = runFilter(newTaintToleration(), [gpu, evict, soft, plain], [], makePod('p', { spec: { tolerations: c.tol } }));
    assert.deepEqual(got[c.node].reasons, c.want);
    if (c.want.length) assert.equal(got[c.node].code, 'UnschedulableAndUnresolvable');
  });
}

test('the untolerated-taint message names key and value like upstream', () => {
  assert.equal(reason('dedicated', 'gpu'), 'node(s) had untolerated taint {dedicated: gpu}');
});

test('an untolerated PreferNoSchedule taint scores 0 and a clean node 100', () => {
  assert.deepEqual(runScore(newTaintToleration(), [soft, plain], [], makePod('p')), { soft: 0, plain: 100 });
});

test('tolerating the PreferNoSchedule taint restores the full score', () => {
  const pod = makePod('p', { spec: { tolerations: [{ key: 'spot', operator: 'Exists', effect: 'PreferNoSchedule' }] } });
  assert.deepEqual(runScore(newTaintToleration(), [soft, plain], [], pod), { soft: 100, plain: 100 });
});
