// metav1.LabelSelector: validation (metav1validation.ValidateLabelSelector, with label values
// checked as for new objects) and conversion (metav1.LabelSelectorAsSelector).
import { child, forbidden, invalid, required, stringValue, subscript, type FieldError } from './fieldError.ts';
import { isValidLabelValue } from './isValidLabelValue.ts';
import type { Operator } from './operator.ts';
import { newRequirement, type Labels, type Requirement } from './requirement.ts';
import { EVERYTHING, Selector } from './selector.ts';
import { validateLabelName, validateLabels } from './validateLabels.ts';

export interface LabelSelectorRequirementObject {
  key: string;
  operator: string;
  values?: string[];
}

export interface LabelSelectorObject {
  matchLabels?: Labels;
  matchExpressions?: LabelSelectorRequirementObject[];
}

/**
 * Where a selector's errors are reported when the caller names no path: `spec.selector`, the field
 * the API server reports for ReplicaSets, Deployments, DaemonSets, StatefulSets and Jobs.
 */
export const DEFAULT_SELECTOR_PATH = 'spec.selector';

const OPERATORS: Record<string, Operator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

/** ValidateLabelSelectorRequirement: operator/values agreement, then the key, then each value. */
export function validateLabelSelectorRequirement(expr: LabelSelectorRequirementObject, fieldPath: string): FieldError[] {
  const errors: FieldError[] = [];
  const values = expr.values ?? [];
  const valuesPath = child(fieldPath, 'values');
  switch (expr.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errors.push(required(valuesPath, "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errors.push(forbidden(valuesPath, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    default:
      errors.push(invalid(child(fieldPath, 'operator'), stringValue(expr.operator), 'not a valid selector operator'));
  }
  errors.push(...validateLabelName(expr.key, child(fieldPath, 'key')));
  values.forEach((v, i) => {
    for (const msg of isValidLabelValue(v)) errors.push(invalid(subscript(valuesPath, i), stringValue(v), msg));
  });
  return errors;
}

/** ValidateLabelSelector: no errors for a null selector. */
export function validateLabelSelector(ls: LabelSelectorObject | null | undefined, fieldPath = DEFAULT_SELECTOR_PATH): FieldError[] {
  if (!ls) return [];
  const errors = validateLabels(ls.matchLabels, child(fieldPath, 'matchLabels'));
  (ls.matchExpressions ?? []).forEach((expr, i) => {
    errors.push(...validateLabelSelectorRequirement(expr, subscript(child(fieldPath, 'matchExpressions'), i)));
  });
  return errors;
}

export type LabelSelectorResult = { ok: true; selector: Selector | 'nothing' } | { ok: false; errors: FieldError[] };

/**
 * Validates `ls`, then converts it as LabelSelectorAsSelector does: null selects nothing, a
 * selector without labels or expressions selects everything, otherwise matchLabels become `=`
 * requirements and matchExpressions In/NotIn/Exists/DoesNotExist requirements, ANDed.
 */
export function labelSelectorAsSelector(ls: LabelSelectorObject | null | undefined, fieldPath = DEFAULT_SELECTOR_PATH): LabelSelectorResult {
  const errors = validateLabelSelector(ls, fieldPath);
  if (errors.length) return { ok: false, errors };
  if (!ls) return { ok: true, selector: 'nothing' };
  const labels = Object.entries(ls.matchLabels ?? {});
  const exprs = ls.matchExpressions ?? [];
  if (labels.length + exprs.length === 0) return { ok: true, selector: EVERYTHING };
  const requirements: Requirement[] = [];
  const built = [
    ...labels.map(([k, v]) => newRequirement(k, '=', [v])),
    ...exprs.map((e) => newRequirement(e.key, OPERATORS[e.operator], [...(e.values ?? [])])),
  ];
  for (const r of built) {
    if (!r.ok) return { ok: false, errors: r.errors }; // unreachable once validation passed
    requirements.push(r.requirement);
  }
  return { ok: true, selector: new Selector(requirements) };
}
