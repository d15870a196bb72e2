// apimachinery validation.ValidateAnnotations: keys are qualified names compared case-insensitively,
// and keys plus values may not exceed 256 KiB in all.
import { invalid, stringValue, tooLong, type FieldError } from './fieldError.ts';
import { goToLower, utf8Length } from './goText.ts';
import { isQualifiedName } from './isQualifiedName.ts';

/** TotalAnnotationSizeLimitB: 256 KiB, counted in UTF-8 bytes of keys and values. */
export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;

/** The total size upstream counts: the UTF-8 bytes of every key and value. */
export function annotationsSize(annotations: Record<string, string>): number {
  let total = 0;
  for (const [k, v] of Object.entries(annotations)) total += utf8Length(k) + utf8Length(v);
  return total;
}

/**
 * A key is checked lower-cased but reported as given; one error per failed rule, then one
 * `Too long: may not be more than 262144 bytes` if the total is over the limit. Keys are visited in
 * insertion order (upstream's map order is random).
 */
export function validateAnnotations(annotations: Record<string, string> | null | undefined, fieldPath = 'metadata.annotations'): FieldError[] {
  const a = annotations ?? {};
  const errors: FieldError[] = [];
  for (const k of Object.keys(a)) {
    for (const msg of isQualifiedName(goToLower(k))) errors.push(invalid(fieldPath, stringValue(k), msg));
  }
  if (annotationsSize(a) > TOTAL_ANNOTATION_SIZE_LIMIT_B) errors.push(tooLong(fieldPath, TOTAL_ANNOTATION_SIZE_LIMIT_B));
  return errors;
}
