import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDNS1123Subdomain } from './isDNS1123Subdomain.ts';
import { isQualifiedName } from './isQualifiedName.ts';
import { isValidLabelValue } from './isValidLabelValue.ts';

describe('isQualifiedName accepts (upstream TestIsLabelKey)', () => {
  const good: [string, string][] = [
    ['a simple name', 'simple'],
    ['a name with dashes', 'now-with-dashes'],
    ['a name starting with a digit', '1-starts-with-num'],
    ['an all-digit name', '1234'],
    ['a simple prefix', 'simple/simple'],
    ['a dashed prefix', 'now-with-dashes/simple'],
    ['dashes on both sides', 'now-with-dashes/now-with-dashes'],
    ['a dotted prefix', 'now.with.dots/simple'],
    ['dots and dashes in the prefix', 'now-with.dashes-and.dots/simple'],
    ['digits everywhere', '1-num.2-num/3-num'],
    ['all-digit prefix and name', '1234/5678'],
    ['an IP-like prefix', '1.2.3.4/5678'],
    ['upper case and underscores in the name', 'Uppercase_Is_OK_123'],
    ['upper case in the name after a prefix', 'example.com/Uppercase_Is_OK_123'],
    ['dots in the name', 'requests.storage-foo'],
    ['a 63-byte name', 'a'.repeat(63)],
    ['a 253-byte prefix with a 63-byte name', `${'a'.repeat(253)}/${'b'.repeat(63)}`],
  ];
  for (const [name, key] of good) it(name, () => assert.deepEqual(isQualifiedName(key), []));
});

describe('isQualifiedName rejects (upstream TestIsLabelKey)', () => {
  const bad: [string, string, number][] = [
    ['special characters', 'nospecialchars%^=@', 1],
    ['a trailing dash', 'cantendwithadash-', 1],
    ['a leading dash', '-cantstartwithadash-', 1],
    ['two slashes', 'only/one/slash', 1],
    ['an upper-case prefix', 'Example.com/abc', 1],
    ['an underscore in the prefix', 'example_com/abc', 1],
    ['an empty name after the prefix', 'example.com/', 2],
    ['an empty prefix', '/simple', 1],
    ['a 64-byte name', 'a'.repeat(64), 1],
    ['a 254-byte prefix', `${'a'.repeat(254)}/abc`, 1],
    ['the empty key', '', 2],
    ['a 64-byte name that also ends with a dash', `${'a'.repeat(63)}-`, 2],
    ['a non-ASCII name', 'rā', 1],
  ];
  for (const [name, key, count] of bad) it(`${name} (${count} message${count > 1 ? 's' : ''})`, () => assert.equal(isQualifiedName(key).length, count));
  it('counts the name length in bytes, though the text says characters', () => assert.deepEqual(isQualifiedName('ā'.repeat(32)).slice(0, 1), ['name part must be no more than 63 characters']));
});

describe('isValidLabelValue (upstream TestIsLabelValue)', () => {
  const good: [string, string][] = [
    ['a simple value', 'simple'],
    ['dashes', 'now-with-dashes'],
    ['a leading digit', '1-starts-with-num'],
    ['a trailing digit', 'end-with-num-1'],
    ['only digits', '1234'],
    ['63 bytes, the limit', 'a'.repeat(63)],
    ['the empty value', ''],
  ];
  for (const [name, v] of good) it(`accepts ${name}`, () => assert.deepEqual(isValidLabelValue(v), []));
  const bad: [string, string][] = [
    ['special characters', 'nospecialchars%^=@'],
    ['non-ASCII letters', 'Tama-nui-te-rā.is.Māori.sun'],
    ['backslashes', '\\backslashes\\are\\bad'],
    ['a leading dash', '-starts-with-dash'],
    ['a trailing dash', 'ends-with-dash-'],
    ['a leading dot', '.starts.with.dot'],
    ['a trailing dot', 'ends.with.dot.'],
    ['64 bytes, over the limit', 'a'.repeat(64)],
  ];
  for (const [name, v] of bad) it(`rejects ${name}`, () => assert.ok(isValidLabelValue(v).length > 0));
  it('says "characters" although it counts bytes', () => assert.deepEqual(isValidLabelValue('a'.repeat(64)), ['must be no more than 63 characters']));
});

describe('isDNS1123Subdomain', () => {
  it('accepts dotted lower-case labels', () => assert.deepEqual(isDNS1123Subdomain('a-1.example.com'), []));
  it('rejects an empty label between dots', () => assert.equal(isDNS1123Subdomain('a..b').length, 1));
  it('rejects a label ending with a dash', () => assert.equal(isDNS1123Subdomain('a-.b').length, 1));
  it('checks a very long invalid prefix in linear time', () => assert.equal(isDNS1123Subdomain(`${'a'.repeat(200_000)}-`).length, 2));
});
