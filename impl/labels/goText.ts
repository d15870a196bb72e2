// Go's text conventions, reproduced where they become visible in upstream's messages and ordering:
// `%q` quoting (strconv.Quote), `%#v` of a []string, encoding/json string output, `len()` in UTF-8
// bytes, byte-wise string order and strings.ToLower. Pure functions; none of them throws.

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const SHORT_ESCAPES: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** What Go's `%q` prints for a string. A lone UTF-16 surrogate prints as U+FFFD (Go never sees one). */
export function goQuote(s: string): string {
  if (PLAIN_ASCII.test(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x22) out += '\\"';
    else if (cp === 0x5c) out += '\\\\';
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\uFFFD';
    else if (cp >= 0x80 && PRINTABLE.test(ch)) out += ch;
    else if (SHORT_ESCAPES[cp]) out += SHORT_ESCAPES[cp];
    else if (cp < 0x80) out += `\\x${hex(cp, 2)}`;
    else if (cp < 0x10000) out += `\\u${hex(cp, 4)}`;
    else out += `\\U${hex(cp, 8)}`;
  }
  return out + '"';
}

/** What Go's `%#v` prints for a []string: `[]string{"a", "b"}`, `[]string{}`, or `[]string(nil)` for null. */
export function goSyntaxStrings(values: readonly string[] | null): string {
  return values === null ? '[]string(nil)' : `[]string{${values.map(goQuote).join(', ')}}`;
}

const JSON_FIXUPS: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** What Go's encoding/json prints for a value of JSON-able data (HTML-safe escapes included). */
export function goJson(value: unknown): string {
  return JSON.stringify(value ?? null)
    .replace(/[<>&\u2028\u2029]/g, (c) => JSON_FIXUPS[c])
    .replace(/\\\\|\\ud[89a-f][0-9a-f]{2}/g, (m) => (m === '\\\\' ? m : '\\ufffd'));
}

/** Go's `len(s)`: the UTF-8 byte length. A lone surrogate counts as U+FFFD (3 bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) (n += 4), i++;
    else n += 3;
  }
  return n;
}

/** Maps a UTF-16 unit so that unit order equals code point (hence UTF-8 byte) order. */
const codePointRank = (u: number): number => (u >= 0xe000 ? u - 0x800 : u >= 0xd800 ? u + 0x2000 : u);

/** Go's `a < b` on strings (byte order), as a comparator: negative, zero or positive. */
export function compareGo(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Go's strings.ToLower, which maps U+0130 to a plain `i` where JavaScript yields `i` + U+0307. */
export function goToLower(s: string): string {
  return s.replace(/\u0130/g, 'i').toLowerCase();
}
