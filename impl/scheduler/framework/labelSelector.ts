// metav1.LabelSelector compiled once per pod: matchLabels plus matchExpressions, ANDed.
// A nil selector matches nothing; an empty one ({}) matches everything.
import { InvalidObjectError } from '../errors.ts';

export type Labels = Readonly<Record<string, string>>;

interface Requirement {
  key: string;
  op: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: readonly string[];
}

export interface Selector {
  /** True for `{}`: every label set matches. */
  readonly empty: boolean;
  matches(labels: Labels): boolean;
}

export const NOTHING: Selector = { empty: false, matches: () => false };
export const EVERYTHING: Selector = { empty: true, matches: () => true };

type RawSelector = { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };

function requirementsMatch(reqs: readonly Requirement[], labels: Labels): boolean {
  for (let i = 0; i < reqs.length; i++) {
    const r = reqs[i];
    const v = labels[r.key];
    switch (r.op) {
      case 'In':
        if (v === undefined || !r.values.includes(v)) return false;
        break;
      case 'NotIn':
        if (v !== undefined && r.values.includes(v)) return false;
        break;
      case 'Exists':
        if (v === undefined) return false;
        break;
      case 'DoesNotExist':
        if (v !== undefined) return false;
        break;
    }
  }
  return true;
}

export function selectorFromRequirements(reqs: Requirement[]): Selector {
  if (reqs.length === 0) return EVERYTHING;
  return { empty: false, matches: (labels) => requirementsMatch(reqs, labels) };
}

/** Requirements of a selector; throws InvalidObjectError (field path `field`) on a bad operator. */
export function selectorRequirements(raw: RawSelector, field: string): Requirement[] {
  const reqs: Requirement[] = [];
  for (const [key, value] of Object.entries(raw.matchLabels ?? {})) reqs.push({ key, op: 'In', values: [value] });
  (raw.matchExpressions ?? []).forEach((e, i) => {
    const op = e.operator;
    if (op !== 'In' && op !== 'NotIn' && op !== 'Exists' && op !== 'DoesNotExist') {
      throw InvalidObjectError.invalid(`${field}.matchExpressions[${i}].operator`, op, `"${op}" is not a valid label selector operator`);
    }
    reqs.push({ key: e.key, op, values: e.values ?? [] });
  });
  return reqs;
}

/** LabelSelectorAsSelector: nil → NOTHING, `{}` → EVERYTHING. */
export function compileLabelSelector(raw: unknown, field: string): Selector {
  if (raw === undefined || raw === null) return NOTHING;
  return selectorFromRequirements(selectorRequirements(raw as RawSelector, field));
}
