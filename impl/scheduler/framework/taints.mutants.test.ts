// Taints and tolerations: reading them from raw objects, upstream's ToleratesTaint matrix, and
// the first untolerated taint among those a filter selects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findUntoleratedTaint, isDoNotSchedule, readTaints, readTolerations, tolerates, tolerationsTolerate, type Toleration } from './taints.ts';

const taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };
const tol = (t: Partial<Toleration>): Toleration => ({ key: '', operator: '', value: '', effect: '', ...t });

test('readTaints reads key, value and effect, with non-strings as empty', () => {
  assert.deepEqual(readTaints([{ key: 'k', value: 'v', effect: 'NoExecute' }, { key: 1, effect: null }]), [
    { key: 'k', value: 'v', effect: 'NoExecute' },
    { key: '', value: '', effect: '' },
  ]);
});

test('readTolerations reads key, operator, value and effect, with non-strings as empty', () => {
  assert.deepEqual(readTolerations([{ key: 'k', operator: 'Exists', value: 'v', effect: 'NoSchedule' }, { operator: 3 }]), [
    { key: 'k', operator: 'Exists', value: 'v', effect: 'NoSchedule' },
    { key: '', operator: '', value: '', effect: '' },
  ]);
});

for (const raw of [undefined, null, 'x', { key: 'k' }]) {
  test(`a non-list (${JSON.stringify(raw)}) reads as no taints and no tolerations`, () => {
    assert.deepEqual([readTaints(raw), readTolerations(raw)], [[], []]);
  });
}

const toleratesCases = [
  { name: 'Equal with the same key, value and effect tolerates', t: tol({ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }), want: true },
  { name: 'no operator means Equal', t: tol({ key: 'dedicated', value: 'gpu' }), want: true },
  { name: 'Equal with another value does not tolerate', t: tol({ key: 'dedicated', operator: 'Equal', value: 'cpu' }), want: false },
  { name: 'no operator with another value does not tolerate', t: tol({ key: 'dedicated', value: 'cpu' }), want: false },
  { name: 'Exists ignores the value', t: tol({ key: 'dedicated', operator: 'Exists', value: 'other' }), want: true },
  { name: 'Exists with an empty key tolerates every key', t: tol({ operator: 'Exists' }), want: true },
  { name: 'another key does not tolerate', t: tol({ key: 'other', operator: 'Exists' }), want: false },
  { name: 'an empty effect matches every effect', t: tol({ key: 'dedicated', operator: 'Exists' }), want: true },
  { name: 'another effect does not tolerate', t: tol({ key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }), want: false },
  { name: 'an unknown operator never tolerates', t: tol({ key: 'dedicated', operator: 'Gt', value: 'gpu' }), want: false },
  { name: 'an unknown operator with an empty key never tolerates', t: tol({ operator: 'Lt' }), want: false },
];
for (const c of toleratesCases) test(c.name, () => assert.equal(tolerates(c.t, taint), c.want));

test('a list tolerates a taint when any toleration does', () => {
  assert.equal(tolerationsTolerate([tol({ key: 'x', operator: 'Exists' }), tol({ key: 'dedicated', value: 'gpu' })], taint), true);
  assert.equal(tolerationsTolerate([tol({ key: 'x', operator: 'Exists' })], taint), false);
  assert.equal(tolerationsTolerate([], taint), false);
});

const effectCases = [
  { effect: 'NoSchedule', want: true },
  { effect: 'NoExecute', want: true },
  { effect: 'PreferNoSchedule', want: false },
  { effect: '', want: false },
];
for (const c of effectCases) {
  test(`a ${c.effect || 'blank'} taint ${c.want ? 'blocks' : 'does not block'} scheduling`, () => assert.equal(isDoNotSchedule({ ...taint, effect: c.effect }), c.want));
}

test('findUntoleratedTaint returns the first selected taint no toleration tolerates', () => {
  const taints = [
    { key: 'soft', value: '', effect: 'PreferNoSchedule' },
    { key: 'ok', value: '', effect: 'NoSchedule' },
    { key: 'a', value: '', effect: 'NoSchedule' },
    { key: 'b', value: '', effect: 'NoExecute' },
  ];
  const tols = [tol({ key: 'ok', operator: 'Exists' })];
  assert.equal(findUntoleratedTaint(taints, tols, isDoNotSchedule), taints[2]);
  assert.equal(findUntoleratedTaint(taints, tols, () => true), taints[0]);
  assert.equal(findUntoleratedTaint(taints, [tol({ operator: 'Exists' })], isDoNotSchedule), null);
  assert.equal(findUntoleratedTaint(taints, [], () => false), null);
});
