// resource.Quantity as the scheduler reads it: `100m`, `1Gi`, `1e3`, `500M`, `1.5`.
// Values are exact (BigInt while parsing) and rounded up like Quantity.Value()/MilliValue().
import { InvalidObjectError } from '../errors.ts';

const PATTERN = /^([+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
export const QUANTITY_DETAIL = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** A parsed quantity: `digits × 10^exp10 × 2^exp2`. */
interface Parsed {
  digits: bigint;
  exp10: number;
  exp2: number;
}

const cache = new Map<string, Parsed | null>();

function parse(text: string): Parsed | null {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  let parsed: Parsed | null = null;
  const m = PATTERN.exec(text);
  if (m) {
    const [int, frac = ''] = m[1].replace(/^\+/, '').split('.');
    const suffix = m[2] ?? '';
    let exp10 = -frac.length;
    let exp2 = 0;
    if (suffix in BINARY) exp2 = BINARY[suffix];
    else if (suffix in DECIMAL) exp10 += DECIMAL[suffix];
    else exp10 += Number(suffix.slice(1));
    const sign = int.startsWith('-') ? -1n : 1n;
    const body = `${int.replace('-', '')}${frac}` || '0';
    parsed = { digits: sign * BigInt(body), exp10, exp2 };
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(text, parsed);
  return parsed;
}

/** ceil(q × 10^scale) as a number; rounds away from zero like Quantity.ScaledValue. */
function scaled(p: Parsed, scale: number): number {
  let num = p.digits * (1n << BigInt(p.exp2));
  let den = 1n;
  const e = p.exp10 + scale;
  if (e >= 0) num *= 10n ** BigInt(e);
  else den = 10n ** BigInt(-e);
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const q = (abs + den - 1n) / den;
  return Number(negative ? -q : q);
}

function parseOrThrow(value: unknown, field: string): Parsed {
  const text = typeof value === 'number' ? String(value) : value;
  const p = typeof text === 'string' ? parse(text) : null;
  if (!p) throw InvalidObjectError.invalid(field, value, QUANTITY_DETAIL);
  return p;
}

/** Quantity.Value(): the integer value rounded up. Throws InvalidObjectError naming `field`. */
export function quantityValue(value: unknown, field: string): number {
  return scaled(parseOrThrow(value, field), 0);
}

/** Quantity.MilliValue(): thousandths rounded up (cpu is counted in millicores). */
export function quantityMilliValue(value: unknown, field: string): number {
  return scaled(parseOrThrow(value, field), 3);
}
