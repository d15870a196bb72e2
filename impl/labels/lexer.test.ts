import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lex, Token } from './lexer.ts';

const T = Token;
const tokens = (s: string) => lex(s).map((i) => i.tok);

describe('lex: a single token (upstream TestLexer)', () => {
  const cases: [string, string, Token][] = [
    ['the empty string is end of string', '', T.EndOfString],
    ['a comma is a comma', ',', T.Comma],
    ['`notin` is the notin keyword', 'notin', T.NotIn],
    ['`in` is the in keyword', 'in', T.In],
    ['`=` is equals', '=', T.Equals],
    ['`==` is double equals', '==', T.DoubleEquals],
    ['`>` is greater than', '>', T.GreaterThan],
    ['`<` is less than', '<', T.LessThan],
    ['`!` alone is does-not-exist', '!', T.DoesNotExist],
    ['`!=` is the longest match, not-equals', '!=', T.NotEquals],
    ['`(` opens a parenthesis', '(', T.OpenPar],
    ['`)` closes a parenthesis', ')', T.ClosedPar],
    ['`~` is not special, so it is an identifier', '~', T.Identifier],
    ['`||` is not special, so it is an identifier', '||', T.Identifier],
    ['non-ASCII characters belong to identifiers', 'rā', T.Identifier],
  ];
  for (const [name, input, tok] of cases) {
    it(name, () => {
      const [first] = lex(input);
      assert.equal(first.tok, tok);
      if (tok !== T.EndOfString) assert.equal(first.literal, input);
    });
  }
});

describe('lex: token sequences (upstream TestLexerSequence and TestParserLookahead)', () => {
  const cases: [string, string, Token[]][] = [
    ['whitespace separates a set-based requirement', 'key in ( value )', [T.Identifier, T.In, T.OpenPar, T.Identifier, T.ClosedPar]],
    ['notin works like in', 'key notin ( value )', [T.Identifier, T.NotIn, T.OpenPar, T.Identifier, T.ClosedPar]],
    ['values are comma separated', 'key in ( value1, value2 )', [T.Identifier, T.In, T.OpenPar, T.Identifier, T.Comma, T.Identifier, T.ClosedPar]],
    ['a bare key is one identifier', 'key', [T.Identifier]],
    ['`!key` is does-not-exist then identifier', '!key', [T.DoesNotExist, T.Identifier]],
    ['empty parentheses are two tokens', '()', [T.OpenPar, T.ClosedPar]],
    ['an empty set followed by another key', 'x in (),y', [T.Identifier, T.In, T.OpenPar, T.ClosedPar, T.Comma, T.Identifier]],
    ['operators need no whitespace between them', '== != (), = notin', [T.DoubleEquals, T.NotEquals, T.OpenPar, T.ClosedPar, T.Comma, T.Equals, T.NotIn]],
    ['`>` splits key and value', 'key>2', [T.Identifier, T.GreaterThan, T.Identifier]],
    ['`<` splits key and value', 'key<1', [T.Identifier, T.LessThan, T.Identifier]],
    ['`<=` is two tokens, since there is no such operator', 'x<=1', [T.Identifier, T.LessThan, T.Equals, T.Identifier]],
    ['`!==` is not-equals then equals', '!==', [T.NotEquals, T.Equals]],
    ['`===` is double equals then equals', '===', [T.DoubleEquals, T.Equals]],
    ['tab, CR and LF are whitespace too', 'a\tin\r\n(b)', [T.Identifier, T.In, T.OpenPar, T.Identifier, T.ClosedPar]],
    ['a NUL where a token starts ends the input', 'x \0y=z', [T.Identifier]],
    ['a NUL right after a token only separates', 'x\0y', [T.Identifier, T.Identifier]],
  ];
  for (const [name, input, want] of cases) {
    it(name, () => assert.deepEqual(tokens(input), [...want, T.EndOfString]));
  }
});
