import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareGo, goJson, goQuote, goSyntaxStrings, goToLower, utf8Length } from './goText.ts';

describe("goQuote prints strings as Go's %q", () => {
  const cases: [string, string, string][] = [
    ['plain ASCII is wrapped in quotes', 'app', '"app"'],
    ['quotes and backslashes are escaped', 'a"b\\c', '"a\\"b\\\\c"'],
    ['control characters use short escapes', 'a\nb\tc', '"a\\nb\\tc"'],
    ['other control characters use \\x', '\x01\x7f', '"\\x01\\x7f"'],
    ['printable non-ASCII is kept', 'rā', '"rā"'],
    ['a non-breaking space is not printable in Go', 'a\u00a0b', '"a\\u00a0b"'],
    ['astral printable characters are kept', '😀', '"😀"'],
    ['a lone surrogate prints as U+FFFD', '\ud800', '"\ufffd"'],
  ];
  for (const [name, input, want] of cases) it(name, () => assert.equal(goQuote(input), want));
});

describe("goSyntaxStrings prints a []string as Go's %#v", () => {
  const cases: [string, string[] | null, string][] = [
    ['values are quoted and separated by comma and space', ['a', 'b'], '[]string{"a", "b"}'],
    ['an empty slice prints empty braces', [], '[]string{}'],
    ['a nil slice prints as nil', null, '[]string(nil)'],
    ['values are quoted as %q quotes them', ['a"b', '<'], '[]string{"a\\"b", "<"}'],
  ];
  for (const [name, input, want] of cases) it(name, () => assert.equal(goSyntaxStrings(input), want));
});

describe("goJson prints values as Go's encoding/json", () => {
  it('escapes HTML characters', () => assert.equal(goJson('<a&b>'), '"\\u003ca\\u0026b\\u003e"'));
  it('prints string slices as arrays', () => assert.equal(goJson(['a', 'b']), '["a","b"]'));
  it('prints a lone surrogate as \\ufffd but keeps an escaped backslash', () => assert.equal(goJson('\\ud800\ud800'), '"\\\\ud800\\ufffd"'));
});

describe('utf8Length counts bytes like Go len()', () => {
  const cases: [string, string, number][] = [
    ['ASCII is one byte a character', 'abc', 3],
    ['ā takes two bytes', 'ā', 2],
    ['大 takes three bytes', '大', 3],
    ['an emoji takes four bytes', '😀', 4],
  ];
  for (const [name, input, want] of cases) it(name, () => assert.equal(utf8Length(input), want));
});

describe('compareGo orders strings by bytes', () => {
  it('orders ASCII like JavaScript', () => assert.ok(compareGo('a', 'b') < 0 && compareGo('b', 'a') > 0 && compareGo('a', 'a') === 0));
  it('puts a prefix first', () => assert.ok(compareGo('ab', 'abc') < 0));
  it('puts astral characters after U+FFxx, unlike UTF-16 order', () => assert.ok(compareGo('😀', '\uff01') > 0));
});

describe('goToLower', () => {
  it('lower-cases ASCII', () => assert.equal(goToLower('Example.COM/Key'), 'example.com/key'));
  it('maps U+0130 to a plain i as Go does', () => assert.equal(goToLower('\u0130'), 'i'));
});
