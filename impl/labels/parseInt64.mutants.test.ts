// Cases that mutation testing showed missing from parseInt64.test.ts: the number/bigint boundary, the int64
// minimum, and long inputs that are not digits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInt64 } from './parseInt64.ts';

describe('parseInt64 at its edges', () => {
  const cases: [string, string, number | bigint | undefined][] = [
    ['fifteen digits come back as a number', '123456789012345', 123456789012345],
    ['a sign and fifteen digits come back as a number', '-123456789012345', -123456789012345],
    ['sixteen digits come back as a bigint', '1234567890123456', 1234567890123456n],
    ['one below the int64 minimum is rejected', '-9223372036854775809', undefined],
    ['a long input with a letter is not an integer', '12345678901234567x', undefined],
    ['a long hexadecimal input is not a base-10 integer', '0x12345678901234567', undefined],
    ['a long input with a trailing space is not an integer', '12345678901234567 ', undefined],
  ];
  for (const [name, input, want] of cases) it(name, () => assert.equal(parseInt64(input), want));
});
