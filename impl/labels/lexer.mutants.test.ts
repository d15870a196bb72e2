// A case that mutation testing showed missing from lexer.test.ts: upstream's scanSpecialSymbol consumes a NUL
// that follows an operator, so there it separates tokens as it does after an identifier.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { lex, Token as T } from './lexer.ts';

it('a NUL right after an operator only separates', () =>
  assert.deepEqual(lex('x=\0y').map((i) => i.tok), [T.Identifier, T.Equals, T.Identifier, T.EndOfString]));
