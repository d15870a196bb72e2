import fc from 'fast-check';

// Keys and values are drawn from small pools most of the time, so that random selectors and random
// label sets actually meet; a share of free-form ones keeps the rest of the grammar exercised.

const KEYS = ['app', 'env', 'tier', 'team', 'example.com/app', 'app.kubernetes.io/name', 'x', 'Release_1.v2'];
const VALUES = ['', 'web', 'db', 'prod', 'qa', 'test', '1', '10', 'v1.2', 'A_b-c'];

const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split(''));
const inner = fc.constantFrom(...'abcxyzABC0189-_.'.split(''));

/** A valid label name part: 1..63 chars, alphanumeric at both ends. */
export const labelName = fc.oneof(
  alnum,
  fc.tuple(alnum, fc.array(inner, { maxLength: 10 }), alnum).map(([a, mid, b]) => a + mid.join('') + b),
);

/** A valid label key: pooled, or free-form with an optional DNS-subdomain prefix. */
export const labelKey = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 1, arbitrary: labelName },
  { weight: 1, arbitrary: fc.tuple(fc.domain(), labelName).map(([d, n]) => `${d.toLowerCase()}/${n}`).filter((k) => k.length - k.split('/')[1].length - 1 <= 253) },
);

/** A valid label value (possibly empty). */
export const labelValue = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...VALUES) }, { weight: 1, arbitrary: labelName });

/** An integer a selector compares with (gt/lt values must also be valid label values, so not negative). */
export const intValue = fc.integer({ min: 0, max: 20 }).map(String);

/** A label set: mostly pooled keys, so that selectors meet it. Values include integers, negative ones too. */
export const labelSet = fc.dictionary(labelKey, fc.oneof(labelValue, fc.integer({ min: -20, max: 20 }).map(String)), { maxKeys: 5 });

export type Op = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface Req {
  key: string;
  op: Op;
  values: string[];
}

/** One valid requirement. */
export const requirement: fc.Arbitrary<Req> = fc.oneof(
  fc.record({ key: labelKey, op: fc.constantFrom<Op>('=', '==', '!='), values: labelValue.map((v) => [v]) }),
  fc.record({ key: labelKey, op: fc.constantFrom<Op>('in', 'notin'), values: fc.uniqueArray(labelValue, { minLength: 1, maxLength: 4 }) }),
  fc.record({ key: labelKey, op: fc.constantFrom<Op>('exists', '!'), values: fc.constant<string[]>([]) }),
  fc.record({ key: labelKey, op: fc.constantFrom<Op>('gt', 'lt'), values: intValue.map((v) => [v]) }),
);

const sp = fc.constantFrom('', '', ' ', '  ');

/** Render a requirement as a user might type it, with random spacing. */
export function renderRequirement(r: Req, s: string[] = ['', '', '']): string {
  switch (r.op) {
    case 'exists':
      return `${s[0]}${r.key}${s[1]}`;
    case '!':
      return `${s[0]}!${s[1]}${r.key}`;
    case 'in':
    case 'notin':
      return `${s[0]}${r.key} ${r.op} ${s[1]}(${r.values.join(`,${s[2]}`)})`;
    case 'gt':
      return `${s[0]}${r.key}${s[1]}>${s[2]}${r.values[0]}`;
    case 'lt':
      return `${s[0]}${r.key}${s[1]}<${s[2]}${r.values[0]}`;
    default:
      return `${s[0]}${r.key}${s[1]}${r.op}${s[2]}${r.values[0]}`;
  }
}

/** A list of valid requirements with the selector string a user might type for them. */
export const validSelector = fc
  .array(fc.tuple(requirement, fc.array(sp, { minLength: 3, maxLength: 3 })), { maxLength: 4 })
  .map((rs) => ({ requirements: rs.map(([r]) => r), text: rs.map(([r, s]) => renderRequirement(r, s)).join(',') }));

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
      if (!has || !/^[+-]?\d+$/.test(v)) return false;
      return r.op === 'gt' ? Number(v) > Number(r.values[0]) : Number(v) < Number(r.values[0]);
    }
  }
}

const NOISE = ['a', 'b', 'app', 'env', '=', '==', '!=', '!', ',', '(', ')', ' ', 'in', 'notin', ' in ', '>', '<', '1', '-', '.', '/', '_', 'x.y/z', 'é', '"', '='];

/** Strings made of selector tokens and stray characters: mostly invalid, sometimes valid. */
export const selectorNoise = fc.array(fc.constantFrom(...NOISE), { minLength: 1, maxLength: 8 }).map((t) => t.join(''));
