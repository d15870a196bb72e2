// compileLabelSelector: nil and {} selectors, matchLabels and each matchExpressions operator,
// against label sets that have, lack or differ on the key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileLabelSelector } from './labelSelector.ts';

const expr = (operator: string, values?: string[]) => ({ matchExpressions: [{ key: 'app', operator, ...(values ? { values } : {}) }] });

const cases: { name: string; selector: unknown; labels: Record<string, string>; want: boolean }[] = [
  { name: 'a nil selector matches nothing, not even an empty label set', selector: null, labels: {}, want: false },
  { name: 'an absent selector matches nothing', selector: undefined, labels: { app: 'web' }, want: false },
  { name: 'an empty selector matches any label set', selector: {}, labels: { app: 'web' }, want: true },
  { name: 'matchLabels matches an equal value', selector: { matchLabels: { app: 'web' } }, labels: { app: 'web', x: 'y' }, want: true },
  { name: 'matchLabels rejects a different value', selector: { matchLabels: { app: 'web' } }, labels: { app: 'db' }, want: false },
  { name: 'In matches one of its values', selector: expr('In', ['db', 'web']), labels: { app: 'web' }, want: true },
  { name: 'In rejects a value outside its list', selector: expr('In', ['db']), labels: { app: 'web' }, want: false },
  { name: 'In rejects a missing key', selector: expr('In', ['web']), labels: {}, want: false },
  { name: 'NotIn rejects a value in its list', selector: expr('NotIn', ['web']), labels: { app: 'web' }, want: false },
  { name: 'NotIn matches a value outside its list', selector: expr('NotIn', ['web']), labels: { app: 'db' }, want: true },
  { name: 'NotIn matches a label set without the key', selector: expr('NotIn', ['web']), labels: { other: 'web' }, want: true },
  { name: 'Exists matches any value of the key', selector: expr('Exists'), labels: { app: '' }, want: true },
  { name: 'Exists rejects a label set without the key', selector: expr('Exists'), labels: { other: 'x' }, want: false },
  { name: 'DoesNotExist matches a label set without the key', selector: expr('DoesNotExist'), labels: { other: 'x' }, want: true },
  { name: 'DoesNotExist rejects the key with any value', selector: expr('DoesNotExist'), labels: { app: 'web' }, want: false },
  {
    name: 'matchLabels and matchExpressions are ANDed',
    selector: { matchLabels: { tier: 'front' }, matchExpressions: [{ key: 'app', operator: 'Exists' }] },
    labels: { tier: 'front' },
    want: false,
  },
  {
    name: 'a later failing expression rejects after an earlier one passed',
    selector: { matchExpressions: [{ key: 'app', operator: 'Exists' }, { key: 'env', operator: 'NotIn', values: ['prod'] }] },
    labels: { app: 'web', env: 'prod' },
    want: false,
  },
];
for (const c of cases) {
  test(c.name, () => assert.equal(compileLabelSelector(c.selector, 'spec.selector').matches(c.labels), c.want));
}

test('a nil selector is not empty and {} is', () => {
  assert.equal(compileLabelSelector(null, 'f').empty, false);
  assert.equal(compileLabelSelector({}, 'f').empty, true);
  assert.equal(compileLabelSelector({ matchLabels: { a: 'b' } }, 'f').empty, false);
});

test('a bad operator throws with the expression field path', () => {
  assert.throws(() => compileLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Exists' }, { key: 'a', operator: 'Gt', values: ['1'] }] }, 'spec.selector'), {
    name: 'InvalidObjectError',
    message: 'spec.selector.matchExpressions[1].operator: Invalid value: "Gt": "Gt" is not a valid label selector operator',
  });
});
