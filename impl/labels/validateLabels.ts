// metav1validation.ValidateLabels: every key a qualified name, every value a valid label value.
import { invalid, stringValue, type FieldError } from './fieldError.ts';
import { isQualifiedName } from './isQualifiedName.ts';
import { isValidLabelValue } from './isValidLabelValue.ts';
import type { Labels } from './requirement.ts';

/** metav1validation.ValidateLabelName: one Invalid error per failed rule of the key. */
export function validateLabelName(key: string, fieldPath: string): FieldError[] {
  return isQualifiedName(key).map((msg) => invalid(fieldPath, stringValue(key), msg));
}

/**
 * One `Invalid value` error per failed rule, all at `fieldPath` itself (upstream does not key the
 * path by label). Labels are visited in insertion order, where upstream's map order is random.
 */
export function validateLabels(labels: Labels | null | undefined, fieldPath = 'metadata.labels'): FieldError[] {
  const errors: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    errors.push(...validateLabelName(k, fieldPath));
    for (const msg of isValidLabelValue(v)) errors.push(invalid(fieldPath, stringValue(v), msg));
  }
  return errors;
}
