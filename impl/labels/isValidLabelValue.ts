// validation.IsValidLabelValue: empty, or at most 63 bytes of `[-A-Za-z0-9_.]` starting and ending with an
// alphanumeric character.
import { utf8Length } from './goText.ts';
import { matchesQualifiedNamePart, QUALIFIED_NAME_FMT } from './isQualifiedName.ts';
import { maxLenError, regexError } from './validationMessages.ts';

export const LABEL_VALUE_MAX_LENGTH = 63;
export const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const ERR_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** The error messages for `value` as a label value; empty when valid. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > LABEL_VALUE_MAX_LENGTH) errs.push(maxLenError(LABEL_VALUE_MAX_LENGTH));
  if (value.length !== 0 && !matchesQualifiedNamePart(value)) errs.push(regexError(ERR_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}
