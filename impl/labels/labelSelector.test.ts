import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatFieldError } from './fieldError.ts';
import { labelSelectorAsSelector, type LabelSelectorObject } from './labelSelector.ts';
import { KEY_RULE, VALUE_RULE } from './upstreamTexts.fixture.ts';

function convert(ls: LabelSelectorObject | null | undefined): string {
  const r = labelSelectorAsSelector(ls);
  if (!r.ok) return `errors: ${r.errors.map(formatFieldError).join(' | ')}`;
  return r.selector === 'nothing' ? '<nothing>' : r.selector.toString();
}

describe('labelSelectorAsSelector: conversion (LBL-6)', () => {
  const cases: [string, LabelSelectorObject | null | undefined, string][] = [
    ['a null selector selects nothing', null, '<nothing>'],
    ['an absent selector selects nothing', undefined, '<nothing>'],
    ['an empty selector selects everything', {}, ''],
    ['empty matchLabels and matchExpressions select everything', { matchLabels: {}, matchExpressions: [] }, ''],
    ['matchLabels become equalities sorted by key', { matchLabels: { tier: 'frontend', app: 'web' } }, 'app=web,tier=frontend'],
    ['In becomes in', { matchExpressions: [{ key: 'env', operator: 'In', values: ['qa', 'production'] }] }, 'env in (production,qa)'],
    ['NotIn becomes notin', { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }] }, 'env notin (dev)'],
    ['Exists becomes a bare key', { matchExpressions: [{ key: 'app', operator: 'Exists' }] }, 'app'],
    ['DoesNotExist becomes !key', { matchExpressions: [{ key: 'app', operator: 'DoesNotExist', values: [] }] }, '!app'],
    ['labels and expressions are ANDed and sorted together', { matchLabels: { z: '1' }, matchExpressions: [{ key: 'a', operator: 'Exists' }] }, 'a,z=1'],
  ];
  for (const [name, ls, want] of cases) it(name, () => assert.equal(convert(ls), want));
});

describe('labelSelectorAsSelector: validation errors at spec.selector', () => {
  const cases: [string, LabelSelectorObject, string[]][] = [
    ['In needs values', { matchExpressions: [{ key: 'a', operator: 'In' }] }, [
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    ]],
    ['NotIn with an empty list needs values', { matchExpressions: [{ key: 'a', operator: 'NotIn', values: [] }] }, [
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    ]],
    ['Exists forbids values', { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }, [
      "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
    ]],
    ['DoesNotExist forbids values', { matchExpressions: [{ key: 'a', operator: 'DoesNotExist', values: ['x'] }] }, [
      "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
    ]],
    ['string-selector operators are not LabelSelector operators', { matchExpressions: [{ key: 'a', operator: 'in', values: ['x'] }] }, [
      'spec.selector.matchExpressions[0].operator: Invalid value: "in": not a valid selector operator',
    ]],
    ['Gt is not a LabelSelector operator', { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }, [
      'spec.selector.matchExpressions[0].operator: Invalid value: "Gt": not a valid selector operator',
    ]],
    ['a bad value is reported at its index', { matchExpressions: [{ key: 'a', operator: 'In', values: ['ok', '-bad'] }] }, [
      `spec.selector.matchExpressions[0].values[1]: Invalid value: "-bad": ${VALUE_RULE}`,
    ]],
    ['a bad key is reported at .key', { matchExpressions: [{ key: 'a/b/c', operator: 'Exists' }] }, [
      `spec.selector.matchExpressions[0].key: Invalid value: "a/b/c": a qualified name ${KEY_RULE} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ]],
    ['matchLabels errors come first, at .matchLabels', { matchLabels: { a: '-' }, matchExpressions: [{ key: 'b', operator: 'X' }] }, [
      `spec.selector.matchLabels: Invalid value: "-": ${VALUE_RULE}`,
      'spec.selector.matchExpressions[0].operator: Invalid value: "X": not a valid selector operator',
    ]],
  ];
  for (const [name, ls, want] of cases) it(name, () => assert.equal(convert(ls), `errors: ${want.join(' | ')}`));
  it('uses a given root path', () => {
    const r = labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'In' }] }, 'spec.podSelector');
    assert.deepEqual(r.ok ? [] : r.errors.map((e) => [e.field, e.type]), [['spec.podSelector.matchExpressions[0].values', 'Required value']]);
  });
});

describe('labelSelectorAsSelector: matching', () => {
  it('a null selector matches no label set, not even the empty one', () => {
    const r = labelSelectorAsSelector(null);
    assert.ok(r.ok && r.selector === 'nothing');
  });
  it('an empty selector matches every label set', () => {
    const r = labelSelectorAsSelector({});
    assert.ok(r.ok && r.selector !== 'nothing' && r.selector.matches({}) && r.selector.matches({ a: 'b' }));
  });
  it('NotIn matches objects without the key', () => {
    const r = labelSelectorAsSelector({ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] });
    assert.ok(r.ok && r.selector !== 'nothing' && r.selector.matches({ app: 'x' }) && !r.selector.matches({ env: 'prod' }));
  });
});
