import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatFieldError } from './fieldError.ts';
import { newRequirement, Requirement } from './requirement.ts';
import { Selector } from './selector.ts';
import { VALUE_RULE } from './upstreamTexts.fixture.ts';

function errors(key: string, op: string, values: string[], path: string | null = null): string[] {
  const r = newRequirement(key, op, values, path);
  return r.ok ? [] : r.errors.map(formatFieldError);
}

describe('newRequirement (upstream TestRequirementConstructor)', () => {
  const cases: [string, string, string, string[], string[]][] = [
    ['in needs values', 'x1', 'in', [], ["values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty"]],
    ['notin needs values', 'x2', 'notin', [], ["values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty"]],
    ['in with one value is valid', 'x3', 'in', ['foo'], []],
    ['notin with one value is valid', 'x4', 'notin', ['foo'], []],
    ['= takes exactly one value', 'x5', '=', ['bar', 'foo'], ['values: Invalid value: []string{"bar", "foo"}: exact-match compatibility requires one single value']],
    ['exists takes no values and is valid without', 'x6', 'exists', [], []],
    ['! takes no values and is valid without', 'x7', '!', [], []],
    ['exists rejects values', 'x8', 'exists', ['foo'], ['values: Invalid value: []string{"foo"}: values set must be empty for exists and does not exist']],
    ['a key may start with a digit', '1foo', 'in', ['bar'], []],
    ['a key may be all digits', '1234', 'in', ['bar'], []],
    ['gt with an integer is valid', 'x11', 'gt', ['1'], []],
    ['lt with an integer is valid', 'x12', 'lt', ['6'], []],
    ['gt needs exactly one value', 'x13', 'gt', [], ["values: Invalid value: []string{}: for 'Gt', 'Lt' operators, exactly one value is required"]],
    ['gt needs an integer', 'x14', 'gt', ['bar'], ["values[0]: Invalid value: \"bar\": for 'Gt', 'Lt' operators, the value must be an integer"]],
    ['lt needs an integer', 'x15', 'lt', ['bar'], ["values[0]: Invalid value: \"bar\": for 'Gt', 'Lt' operators, the value must be an integer"]],
    ['a 254-byte key breaks the 63-byte name rule', 'a'.repeat(254), 'exists', [], [`key: Invalid value: "${'a'.repeat(254)}": name part must be no more than 63 characters`]],
    ['a 254-byte value is too long', 'x16', '=', ['a'.repeat(254)], [`values[0][x16]: Invalid value: "${'a'.repeat(254)}": must be no more than 63 characters`]],
    ['a value with a space is invalid', 'x17', '=', ['a b'], [`values[0][x17]: Invalid value: "a b": ${VALUE_RULE}`]],
    ['an unknown operator is unsupported', 'x18', 'unsupportedOp', [], [
      'operator: Unsupported value: "unsupportedOp": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"',
    ]],
    ['gt with two non-integers reports the count and each value', 'x19', 'gt', ['a', 'b'], [
      "values: Invalid value: []string{\"a\", \"b\"}: for 'Gt', 'Lt' operators, exactly one value is required",
      "values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer",
      "values[1]: Invalid value: \"b\": for 'Gt', 'Lt' operators, the value must be an integer",
    ]],
  ];
  for (const [name, key, op, values, want] of cases) it(name, () => assert.deepEqual(errors(key, op, values), want));

  it('puts errors under the given path', () =>
    assert.deepEqual(errors('x', '=', ['-'], 'spec.selector'), [`spec.selector.values[0][x]: Invalid value: "-": ${VALUE_RULE}`]));
  it('gives each error its type and body', () => {
    const r = newRequirement('x', 'gt', ['a']);
    assert.deepEqual(r.ok ? [] : r.errors, [
      { field: 'values[0]', type: 'Invalid value', message: "Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer" },
    ]);
  });
});

describe('Selector.toString (upstream TestToString)', () => {
  const req = (k: string, op: ConstructorParameters<typeof Requirement>[1], vs: string[] = []) => new Requirement(k, op, vs);
  const cases: [string, Requirement[], string][] = [
    ['set operators print their values in parentheses', [req('x', 'in', ['abc', 'def']), req('y', 'notin', ['jkl']), req('z', 'exists')], 'x in (abc,def),y notin (jkl),z'],
    ['not-equals and does-not-exist', [req('x', 'notin', ['abc', 'def']), req('y', '!=', ['jkl']), req('z', '!')], 'x notin (abc,def),y!=jkl,!z'],
    ['the empty value prints as ()', [req('x', 'notin', ['abc']), req('y', 'in', ['jkl', 'mno']), req('z', 'notin', [''])], 'x notin (abc),y in (jkl,mno),z notin ()'],
    ['=, ==, != and exists on one key', [req('x', '=', ['abc']), req('y', '==', ['jkl']), req('z', '!=', ['a']), req('z', 'exists')], 'x=abc,y==jkl,z!=a,z'],
    ['gt and lt print as > and <', [req('x', 'gt', ['2']), req('y', 'lt', ['8']), req('z', 'exists')], 'x>2,y<8,z'],
    ['values print sorted without reordering the requirement', [req('x', 'in', ['b', 'a'])], 'x in (a,b)'],
    ['requirements print sorted by key', [req('b', 'exists'), req('a', 'exists')], 'a,b'],
  ];
  for (const [name, rs, want] of cases) it(name, () => assert.equal(new Selector(rs).toString(), want));
  it('does not reorder the values it prints sorted', () => {
    const r = req('x', 'in', ['b', 'a']);
    r.toString();
    assert.deepEqual(r.values, ['b', 'a']);
  });
});
