// Cases that mutation testing showed missing: the nil path under a subscript, errors without detail,
// the two forms of Too long, Unsupported value without a list, and encoding/json values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatFieldError, jsonValue, notSupported, required, stringValue, subscript, tooLong } from './fieldError.ts';

describe('field errors at their edges', () => {
  it('a subscript of the nil path prints the subscript alone', () => assert.equal(subscript(null, 0), '[0]'));
  it('an error without detail ends with its type', () => assert.equal(formatFieldError(required('spec', '')), 'spec: Required value'));
  it('Too long names a limit of zero bytes', () => assert.equal(formatFieldError(tooLong('x', 0)), 'x: Too long: may not be more than 0 bytes'));
  it('Too long without a limit says so', () => assert.equal(formatFieldError(tooLong('x', -1)), 'x: Too long: value is too long'));
  it('Unsupported value without supported values lists none', () =>
    assert.equal(formatFieldError(notSupported('x', stringValue('a'), [])), 'x: Unsupported value: "a"'));
  it('jsonValue quotes as encoding/json', () => assert.deepEqual(jsonValue(['a', '<']), { quoted: '["a","\\u003c"]' }));
});
