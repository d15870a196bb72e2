// The label selector lexer (labels.Lexer). It works on characters: whitespace is ' ', '\t', '\r',
// '\n'; the special symbols are = ! ( ) , > <; everything else, including any non-ASCII character,
// belongs to an identifier. Go's lexer reads a NUL byte as end of input: where a token would
// start it ends the token list; right after a token it is swallowed as a separator.

export const Token = {
  EndOfString: 0,
  ClosedPar: 1,
  Comma: 2,
  DoesNotExist: 3,
  DoubleEquals: 4,
  Equals: 5,
  GreaterThan: 6,
  Identifier: 7,
  In: 8,
  LessThan: 9,
  NotEquals: 10,
  NotIn: 11,
  OpenPar: 12,
} as const;
export type Token = (typeof Token)[keyof typeof Token];

export interface ScannedItem {
  readonly tok: Token;
  readonly literal: string;
}

const SINGLE: Record<string, Token> = {
  ')': Token.ClosedPar,
  ',': Token.Comma,
  '!': Token.DoesNotExist,
  '=': Token.Equals,
  '>': Token.GreaterThan,
  '<': Token.LessThan,
  '(': Token.OpenPar,
};

const isWhitespace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isSpecial = (c: string): boolean => SINGLE[c] !== undefined;

/** Every token of `input`, always ending with one EndOfString item. Never throws. */
export function lex(input: string): ScannedItem[] {
  const items: ScannedItem[] = [];
  const n = input.length;
  let pos = 0;
  for (;;) {
    while (pos < n && isWhitespace(input[pos])) pos++;
    if (pos >= n || input[pos] === '\0') {
      items.push({ tok: Token.EndOfString, literal: '' });
      return items;
    }
    const c = input[pos];
    if (isSpecial(c)) {
      // Longest match: the only two-character symbols are `==` and `!=`.
      if ((c === '=' || c === '!') && input[pos + 1] === '=') {
        items.push({ tok: c === '=' ? Token.DoubleEquals : Token.NotEquals, literal: c + '=' });
        pos += 2;
      } else {
        items.push({ tok: SINGLE[c], literal: c });
        pos++;
      }
      if (input[pos] === '\0') pos++;
      continue;
    }
    const start = pos;
    while (pos < n && !isWhitespace(input[pos]) && !isSpecial(input[pos]) && input[pos] !== '\0') pos++;
    const word = input.slice(start, pos);
    items.push({ tok: word === 'in' ? Token.In : word === 'notin' ? Token.NotIn : Token.Identifier, literal: word });
    if (input[pos] === '\0') pos++;
  }
}
