import fc from 'fast-check';

// Keys and values are drawn from small pools most of the time, so that random selectors and random
// label sets actually meet; free-form ones, keys and values at their length limits, and integers
// near the int64 limits keep the rest of the grammar exercised.

/** A name part and a prefix exactly at their limits (63 and 253 bytes): the longest valid key. */
const LONGEST_NAME = 'n'.repeat(63);
const LONGEST_KEY = `${'p'.repeat(126)}.${'q'.repeat(126)}/${LONGEST_NAME}`;
const KEYS = ['app', 'env', 'tier', 'team', 'example.com/app', 'app.kubernetes.io/name', 'x', 'Release_1.v2', 'in', 'notin'];
const VALUES = ['', 'web', 'db', 'prod', 'qa', 'test', '1', '10', 'v1.2', 'A_b-c', 'in', 'v'.repeat(63)];
const INT64_MAX = '9223372036854775807';

const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split(''));
const inner = fc.constantFrom(...'abcxyzABC0189-_.'.split(''));

/** A valid label name part: 1..63 chars, alphanumeric at both ends. */
export const labelName = fc.oneof(
  alnum,
  fc.tuple(alnum, fc.array(inner, { maxLength: 10 }), alnum).map(([a, mid, b]) => a + mid.join('') + b),
);

/** A valid label key: pooled, free-form with an optional DNS-subdomain prefix, or at the length limits. */
export const labelKey = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 2, arbitrary: labelName },
  { weight: 2, arbitrary: fc.tuple(fc.domain(), labelName).map(([d, n]) => `${d.toLowerCase()}/${n}`).filter((k) => k.length - k.split('/')[1].length - 1 <= 253) },
  { weight: 1, arbitrary: fc.constantFrom(LONGEST_NAME, LONGEST_KEY) },
);

/** A valid label value (possibly empty, possibly 63 characters). */
export const labelValue = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...VALUES) }, { weight: 1, arbitrary: labelName });

/** An integer a selector compares with (gt/lt values must also be valid label values, so not negative). */
export const intValue = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 20 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('007', INT64_MAX, '9223372036854775806', '4294967296') },
);

/** What a label set holds where gt/lt look: integers of both signs, past int64, and near-integers. */
const labelInt = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -20, max: 20 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('+5', '-0', '007', INT64_MAX, '-9223372036854775808', '9223372036854775808', '1.5', '0x10', '1e3') },
);

/** A label set: mostly pooled keys, so that selectors meet it. */
export const labelSet = fc.dictionary(labelKey, fc.oneof(labelValue, labelInt), { maxKeys: 5 });

export type Op = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface Req {
  key: string;
  op: Op;
  values: string[];
}

/** One valid requirement. A set may hold the empty value, written as an empty slot: `(a,)`, `()`. */
export const requirement: fc.Arbitrary<Req> = fc.oneof(
  fc.record({ key: labelKey, op: fc.constantFrom<Op>('=', '==', '!='), values: labelValue.map((v) => [v]) }),
  fc.record({ key: labelKey, op: fc.constantFrom<Op>('in', 'notin'), values: fc.uniqueArray(labelValue, { minLength: 1, maxLength: 4 }) }),
  fc.record({ key: labelKey, op: fc.constantFrom<Op>('exists', '!'), values: fc.constant<string[]>([]) }),
  fc.record({ key: labelKey, op: fc.constantFrom<Op>('gt', 'lt'), values: intValue.map((v) => [v]) }),
);

/** Whitespace as the lexer skips it: space, tab, CR and LF. */
const sp = fc.constantFrom('', '', '', ' ', '  ', '\t', '\n', ' \r\n ');

/**
 * Render a requirement as a user might type it. `s` are four runs of whitespace: before the key,
 * around the operator, inside the parentheses of a set, and after the requirement.
 */
export function renderRequirement(r: Req, s: string[] = []): string {
  const [a = '', b = '', c = '', d = ''] = s;
  const symbol: Partial<Record<Op, string>> = { gt: '>', lt: '<', '=': '=', '==': '==', '!=': '!=' };
  switch (r.op) {
    case 'exists':
      return `${a}${r.key}${d}`;
    case '!':
      return `${a}!${b}${r.key}${d}`;
    case 'in':
    case 'notin':
      return `${a}${r.key}${b || ' '}${r.op}${b}(${c}${r.values.join(`${c},${c}`)}${c})${d}`;
    default:
      return `${a}${r.key}${b}${symbol[r.op]}${b}${r.values[0]}${d}`;
  }
}

/** A list of valid requirements with the selector string a user might type for them. */
export const validSelector = fc
  .array(fc.tuple(requirement, fc.array(sp, { minLength: 4, maxLength: 4 })), { maxLength: 4 })
  .map((rs) => ({ requirements: rs.map(([r]) => r), text: rs.map(([r, s]) => renderRequirement(r, s)).join(',') }));

/** strconv.ParseInt(v, 10, 64), or undefined: the model's own reading of gt/lt operands. */
function int64(v: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(v)) return undefined;
  const n = BigInt(v);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : undefined;
}

/** What a model says a requirement does to a label set: upstream's documented semantics. */
export function modelMatches(r: Req, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = labels[r.key];
  switch (r.op) {
    case '=':
    case '==':
    case 'in':
      return has && r.values.includes(v);
    case '!=':
    case 'notin':
      return !has || !r.values.includes(v);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      const [n, bound] = [has ? int64(v) : undefined, int64(r.values[0])];
      if (n === undefined || bound === undefined) return false;
      return r.op === 'gt' ? n > bound : n < bound;
    }
  }
}

// ---- Invalid and near-valid selectors -------------------------------------------------------

/** Keys that break one rule each: ends, characters, slashes, prefix case, and the 63/253 limits. */
const BAD_KEYS = ['-app', 'app-', '.app', 'a/b/c', '/app', 'app/', 'Example.com/app', 'ex_ample.com/app', 'a..b/c', 'é', 'a:b', 'n'.repeat(64), `${'p'.repeat(254)}/x`, `${'p'.repeat(253)}/${'n'.repeat(64)}`];
/** Values that break one rule each: ends, characters, and the 63 limit. */
const BAD_VALUES = ['-v', 'v-', '.v', '_v', 'a@b', 'é', 'a/b', 'a:b', 'v'.repeat(64), `${'v'.repeat(63)}-`];
/** gt/lt operands that are not int64s or not label values: fractions, signs, overflow, nothing. */
const BAD_INTS = ['a', '1.5', '-1', '+1', '9223372036854775808', '0x10', '1e3', ''];

const key = labelKey;
const value = labelValue;
const gtlt = fc.constantFrom('>', '<', ' > ', ' < ');
const eq = fc.constantFrom('=', '==', '!=', ' = ', ' != ');

/** One requirement that labels.Parse rejects (every error kind), or a valid one that looks wrong: `in (a,,b)`, `in(a)`. */
const brokenRequirement: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom(...BAD_KEYS), eq, value).map(([k, o, v]) => `${k}${o}${v}`),
  fc.tuple(fc.constantFrom(...BAD_KEYS), fc.constantFrom('', '!')).map(([k, bang]) => `${bang}${k}`),
  fc.tuple(key, eq, fc.constantFrom(...BAD_VALUES)).map(([k, o, v]) => `${k}${o}${v}`),
  fc.tuple(key, fc.constantFrom(' in ', ' notin '), fc.constantFrom(...BAD_VALUES), value).map(([k, o, bad, v]) => `${k}${o}(${v},${bad})`),
  fc.tuple(key, gtlt, fc.constantFrom(...BAD_INTS)).map(([k, o, v]) => `${k}${o}${v}`),
  fc.tuple(key, fc.constantFrom(
    ' in', ' in (', ' in (a', ' in (a,', ' in a', ' in (a b)', ' in (a,,b)', ' in ((a)', ' in (a))', ' in (a=b)', ' in (!a)', ' in ()x',
    ' notin', ' notin (a', ' notin (,', ' in(a)', ' notin ( )', ' in (,)', ' in (a,)',
  )).map(([k, rest]) => `${k}${rest}`),
  fc.tuple(key, fc.constantFrom(' ! ', ' (', ' )', '=!', '===', '=>', '<=', '>=', '= =', '=(', '!', ' gt ', ' lt ', ' =', ' in in '), value).map(([k, o, v]) => `${k}${o}${v}`),
  fc.tuple(key, value, value).map(([k, v, w]) => `${k}=${v}=${w || 'x'}`),
  fc.tuple(key, value).map(([k, v]) => `${k}=${v} ${v || 'y'}`),
  fc.tuple(fc.constantFrom('', ',', ' , ', '!', '!!', '!=', '=', '(', ')', '<', '>'), key).map(([s, k]) => `${s}${k}`),
  fc.tuple(key, fc.constantFrom('!K=1', '!K in (a)', '!(K)', 'K,', 'K,,K', 'K, ,K')).map(([k, t]) => t.replaceAll('K', k)),
);

const renderedRequirement = fc.tuple(requirement, fc.array(sp, { minLength: 4, maxLength: 4 })).map(([r, s]) => renderRequirement(r, s));

/** Up to three valid requirements with one broken requirement among them. */
const brokenSelector = fc
  .tuple(fc.array(renderedRequirement, { maxLength: 3 }), brokenRequirement, fc.nat(), sp)
  .map(([parts, bad, at, s]) => {
    const i = at % (parts.length + 1);
    return [...parts.slice(0, i), `${s}${bad}`, ...parts.slice(i)].join(',');
  });

const EDIT_CHARS = [' ', ',', '=', '!', '(', ')', '<', '>', 'a', '1', '-', '.', '/', '_', '\t', 'in', 'é', '"'];

/** A valid selector with one character (or `in`) inserted, deleted or replaced: often still valid. */
const mutatedSelector = fc
  .tuple(validSelector.filter((s) => s.text !== ''), fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom(...EDIT_CHARS))
  .map(([sel, at, edit, ch]) => {
    const t = sel.text;
    const i = at % (t.length + 1);
    if (edit === 'insert') return t.slice(0, i) + ch + t.slice(i);
    if (edit === 'delete') return t.slice(0, i) + t.slice(i + 1);
    return t.slice(0, i) + ch + t.slice(i + 1);
  });

const NOISE = ['a', 'b', 'app', 'env', '=', '==', '!=', '!', ',', '(', ')', ' ', '\t', 'in', 'notin', ' in ', '>', '<', '1', '-', '.', '/', '_', 'x.y/z', 'é', '"'];

/** Strings made of selector tokens and stray characters: mostly invalid, sometimes valid. */
const tokenSoup = fc.array(fc.constantFrom(...NOISE), { minLength: 1, maxLength: 8 }).map((t) => t.join(''));

/**
 * Selectors near the grammar's edges: broken requirements among valid ones, one-character edits of
 * valid selectors, and token soup. About 23% of them are valid; mixed 3:2 with validSelector (as in
 * upstream.property.ts), about 69% are (measured over 20,000 samples at three seeds).
 */
export const selectorNoise = fc.oneof(
  { weight: 4, arbitrary: brokenSelector },
  { weight: 4, arbitrary: mutatedSelector },
  { weight: 2, arbitrary: tokenSoup },
);
