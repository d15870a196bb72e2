import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregateMessage, formatFieldError, forbidden, invalid, notSupported, required, stringsValue, stringValue, tooLong, type FieldError } from './fieldError.ts';

describe('field errors print as v0.32 field.Error.Error()', () => {
  const cases: [string, FieldError, string][] = [
    ['a string bad value is %q-quoted', invalid('a.b', stringValue('x"y'), 'bad'), 'a.b: Invalid value: "x\\"y": bad'],
    ['a []string bad value prints as Go syntax', invalid('values', stringsValue(['a', 'b']), 'bad'), 'values: Invalid value: []string{"a", "b"}: bad'],
    ['an empty []string prints as empty braces', invalid('values', stringsValue([]), 'bad'), 'values: Invalid value: []string{}: bad'],
    ['a nil []string prints as nil', invalid('values', stringsValue(null), 'bad'), 'values: Invalid value: []string(nil): bad'],
    ['the nil path prints as <nil>', invalid(null, stringValue('k'), 'bad'), '<nil>: Invalid value: "k": bad'],
    ['Required has no value', required('a', 'must be set'), 'a: Required value: must be set'],
    ['Forbidden has no value', forbidden('a', 'no'), 'a: Forbidden: no'],
    ['TooLong says "bytes" even for a limit of one', tooLong('a', 1), 'a: Too long: may not be more than 1 bytes'],
    ['TooLong without a limit', tooLong('a', -1), 'a: Too long: value is too long'],
    ['NotSupported lists the supported values quoted', notSupported('op', stringValue('x'), ['in', '=']), 'op: Unsupported value: "x": supported values: "in", "="'],
  ];
  for (const [name, e, want] of cases) it(name, () => assert.equal(formatFieldError(e), want));
});

describe('aggregateMessage prints ErrorList.ToAggregate().Error()', () => {
  const a = required('a', 'x');
  const b = forbidden('b', 'y');
  it('prints nothing for no errors', () => assert.equal(aggregateMessage([]), ''));
  it('prints one error bare', () => assert.equal(aggregateMessage([a]), 'a: Required value: x'));
  it('prints several in brackets, duplicates dropped', () => assert.equal(aggregateMessage([a, b, a]), '[a: Required value: x, b: Forbidden: y]'));
});
