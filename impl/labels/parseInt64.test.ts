import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInt64 } from './parseInt64.ts';

describe('parseInt64 follows strconv.ParseInt(s, 10, 64)', () => {
  const cases: [string, string, number | bigint | undefined][] = [
    ['digits are an integer', '42', 42],
    ['a minus sign is allowed', '-7', -7],
    ['a plus sign is allowed', '+5', 5],
    ['leading zeros are allowed', '007', 7],
    ['the empty string is not an integer', '', undefined],
    ['a lone sign is not an integer', '-', undefined],
    ['letters are not an integer', 'v2', undefined],
    ['spaces are not allowed', ' 1', undefined],
    ['underscores are not allowed in base 10', '1_000', undefined],
    ['decimals are not integers', '1.5', undefined],
    ['the int64 maximum is accepted', '9223372036854775807', 9223372036854775807n],
    ['one past the int64 maximum is rejected', '9223372036854775808', undefined],
    ['the int64 minimum is accepted', '-9223372036854775808', -9223372036854775808n],
    ['long zero-padded numbers are accepted', '0000000000000000000001', 1n],
  ];
  for (const [name, input, want] of cases) it(name, () => assert.equal(parseInt64(input), want));
});
