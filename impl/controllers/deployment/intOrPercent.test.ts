import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveFenceposts, scaledValue } from './intOrPercent.ts';
import { podTemplateHash } from './podTemplateHash.ts';

const cases: [string, number | string, number | string, number, [number, number]][] = [
  ['25% of 10 surges 3 (rounded up) and leaves 2 unavailable (rounded down)', '25%', '25%', 10, [3, 2]],
  ['25% of 1 surges 1 and leaves none unavailable', '25%', '25%', 1, [1, 0]],
  ['Percentages that both round to zero leave 1 unavailable', '0%', '1%', 2, [0, 1]],
  ['Integers are taken as they are', 2, 0, 5, [2, 0]],
  ['Integer zero for both resolves to one unavailable', 0, 0, 5, [0, 1]],
  ['100% surge doubles the pods', '100%', 0, 4, [4, 0]],
];
for (const [name, surge, unavailable, desired, want] of cases) test(name, () => assert.deepEqual(resolveFenceposts(surge, unavailable, desired), want));

test('A string that is not a percentage has no value', () => {
  assert.equal(scaledValue('3', 10, true), undefined);
  assert.equal(scaledValue('1.5%', 10, true), undefined);
});

test('The pod-template-hash is stable, depends on the template and collisionCount, and uses the safe alphabet', () => {
  const t = { metadata: { labels: { a: '1', b: '2' } }, spec: { containers: [{ name: 'c', image: 'x' }] } };
  const reordered = { spec: { containers: [{ image: 'x', name: 'c' }] }, metadata: { labels: { b: '2', a: '1' } } };
  assert.equal(podTemplateHash(t), podTemplateHash(reordered));
  assert.notEqual(podTemplateHash(t), podTemplateHash({ ...t, spec: { containers: [{ name: 'c', image: 'y' }] } }));
  assert.notEqual(podTemplateHash(t), podTemplateHash(t, 1));
  assert.match(podTemplateHash(t), /^[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
});
