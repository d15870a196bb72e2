// Cases that mutation testing showed missing from goText.test.ts: the escapes of %q for each class of
// code point, encoding/json's line separators, UTF-8 lengths at the byte-count boundaries and around
// surrogates, and byte order around the surrogate range.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareGo, goJson, goQuote, utf8Length } from './goText.ts';

describe('goQuote escapes like strconv.Quote', () => {
  const cases: [string, string, string][] = [
    ['the short escapes', '\x07\x08\x0b\x0c\x0d', '"\\a\\b\\v\\f\\r"'],
    ['a space next to a quote stays a space', ' "', '" \\""'],
    ['DEL is a \\x escape', '\x7f"', '"\\x7f\\""'],
    ['a C1 control is a \\u escape', '\u0080', '"\\u0080"'],
    ['a lone low surrogate at the end of the range is U+FFFD', '\udfff', '"\uFFFD"'],
    ['a non-printable astral code point is a \\U escape', '\u{e0001}', '"\\U000e0001"'],
  ];
  for (const [name, input, want] of cases) it(name, () => assert.equal(goQuote(input), want));
});

describe('goJson', () => {
  it('escapes the line and paragraph separators', () => assert.equal(goJson('\u2028\u2029'), '"\\u2028\\u2029"'));
});

describe('utf8Length counts bytes', () => {
  const cases: [string, string, number][] = [
    ['U+0080 takes two bytes', '\u0080', 2],
    ['U+0800 takes three bytes', '\u0800', 3],
    ['a pair from U+D800 takes four bytes', '\ud800\udc00', 4],
    ['a pair from U+DBFF takes four bytes', '\udbff\udc00', 4],
    ['a high surrogate before a non-surrogate counts as U+FFFD', '\ud800\u4e00', 6],
    ['a BMP character before a low surrogate is no pair', '\u4e00\udc00', 6],
    ['U+E000 before a low surrogate is no pair', '\ue000\udc00', 6],
    ['a lone high surrogate at the end counts as U+FFFD', 'a\ud800', 4],
  ];
  for (const [name, input, want] of cases) it(name, () => assert.equal(utf8Length(input), want));
});

describe('compareGo orders by code point around the surrogates', () => {
  const cases: [string, string, string, number][] = [
    ['U+E000 sorts before U+10000', '\ue000', '\u{10000}', -1],
    ['U+D7FF sorts before U+E000', '\ud7ff', '\ue000', -1],
    ['U+10000 sorts after U+E000 whatever follows', '\u{10000}', '\ue000\udfff', 1],
  ];
  for (const [name, a, b, want] of cases) it(name, () => assert.equal(Math.sign(compareGo(a, b)), want));
});
