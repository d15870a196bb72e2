// labels.Requirement: one `key <operator> values` condition, built and validated by newRequirement
// exactly as upstream's NewRequirement, and matched without allocating.
import { child, invalid, notSupported, stringsValue, stringValue, subscript, type FieldError, type FieldPath } from './fieldError.ts';
import { compareGo } from './goText.ts';
import { isQualifiedName } from './isQualifiedName.ts';
import { isValidLabelValue } from './isValidLabelValue.ts';
import { VALID_REQUIREMENT_OPERATORS, type Operator } from './operator.ts';
import { parseInt64 } from './parseInt64.ts';

export type Labels = Record<string, string>;

/** Above this many values, membership uses a Set instead of a scan. */
const SET_THRESHOLD = 8;

export class Requirement {
  readonly key: string;
  readonly operator: Operator;
  /** The values as given (the parser hands them over de-duplicated and sorted). */
  readonly values: readonly string[];
  private readonly set: ReadonlySet<string> | undefined;
  /** The integer operand of gt/lt, or undefined when there is not exactly one integer value. */
  private readonly bound: number | bigint | undefined;

  /** Unchecked: use newRequirement to get upstream's validation. */
  constructor(key: string, operator: Operator, values: readonly string[]) {
    this.key = key;
    this.operator = operator;
    this.values = values;
    this.set = values.length > SET_THRESHOLD ? new Set(values) : undefined;
    this.bound = values.length === 1 && (operator === 'gt' || operator === 'lt') ? parseInt64(values[0]) : undefined;
  }

  private hasValue(v: string): boolean {
    if (this.set) return this.set.has(v);
    const vs = this.values;
    for (let i = 0; i < vs.length; i++) if (vs[i] === v) return true;
    return false;
  }

  /**
   * Upstream's Requirement.Matches: `!=` and `notin` match when the key is absent; gt/lt need the
   * label to hold an int64 and never match otherwise. Only own string values count as present.
   */
  matches(labels: Labels): boolean {
    const v: unknown = labels[this.key];
    const present = typeof v === 'string';
    switch (this.operator) {
      case 'in':
      case '=':
      case '==':
        return present && this.hasValue(v);
      case 'notin':
      case '!=':
        return !present || !this.hasValue(v);
      case 'exists':
        return present;
      case '!':
        return !present;
      case 'gt':
      case 'lt': {
        if (!present || this.bound === undefined) return false;
        const n = parseInt64(v);
        if (n === undefined) return false;
        return this.operator === 'gt' ? n > this.bound : n < this.bound;
      }
    }
  }

  /** Upstream's Requirement.String(): `k=v`, `k in (a,b)`, `!k`, `k>1`; values of set operators sorted. */
  toString(): string {
    const { key, operator } = this;
    if (operator === 'exists') return key;
    if (operator === '!') return `!${key}`;
    const sorted = this.values.length === 1 ? this.values[0] : [...this.values].sort(compareGo).join(',');
    switch (operator) {
      case 'in':
        return `${key} in (${sorted})`;
      case 'notin':
        return `${key} notin (${sorted})`;
      case 'gt':
        return `${key}>${sorted}`;
      case 'lt':
        return `${key}<${sorted}`;
      default:
        return `${key}${operator}${sorted}`;
    }
  }
}

export type RequirementResult = { ok: true; requirement: Requirement } | { ok: false; errors: FieldError[] };

/**
 * labels.NewRequirement: checks the key (qualified name), the operator, the number of values the
 * operator needs, that gt/lt values are integers, and that every value is a valid label value.
 * Errors come in upstream's order; `path` is the optional field.PathOption (null = upstream's nil).
 */
export function newRequirement(key: string, operator: string, values: readonly string[], path: FieldPath = null): RequirementResult {
  const errors: FieldError[] = [];
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length) errors.push(invalid(child(path, 'key'), stringValue(key), keyErrs.join('; ')));
  const valuesPath = child(path, 'values');
  const expectCount = (ok: boolean, detail: string): void => {
    if (!ok) errors.push(invalid(valuesPath, stringsValue(values), detail));
  };
  switch (operator) {
    case 'in':
    case 'notin':
      expectCount(values.length !== 0, "for 'in', 'notin' operators, values set can't be empty");
      break;
    case '=':
    case '==':
    case '!=':
      expectCount(values.length === 1, 'exact-match compatibility requires one single value');
      break;
    case 'exists':
    case '!':
      expectCount(values.length === 0, 'values set must be empty for exists and does not exist');
      break;
    case 'gt':
    case 'lt':
      expectCount(values.length === 1, "for 'Gt', 'Lt' operators, exactly one value is required");
      values.forEach((v, i) => {
        if (parseInt64(v) === undefined)
          errors.push(invalid(subscript(valuesPath, i), stringValue(v), "for 'Gt', 'Lt' operators, the value must be an integer"));
      });
      break;
    default:
      errors.push(notSupported(child(path, 'operator'), stringValue(operator), VALID_REQUIREMENT_OPERATORS));
  }
  values.forEach((v, i) => {
    const msgs = isValidLabelValue(v);
    if (msgs.length) errors.push(invalid(subscript(subscript(valuesPath, i), key), stringValue(v), msgs.join('; ')));
  });
  if (errors.length) return { ok: false, errors };
  return { ok: true, requirement: new Requirement(key, operator as Operator, values) };
}
