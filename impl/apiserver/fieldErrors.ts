// The one door to impl/labels for field errors, labels and selectors, so a change of that
// package's surface is one edit here. The field error builders and message helpers are not on
// its export surface yet, hence the deep imports.
export type { FieldError } from '../labels/index.ts';
export { validateLabels, validateAnnotations, parseSelector, type Selector } from '../labels/index.ts';
export { invalid, required, forbidden, notSupported, tooLong, stringValue, stringsValue, jsonValue, child, subscript } from '../labels/fieldError.ts';
export { isDNS1123Subdomain, labelSelectorAsSelector } from '../labels/index.ts';
export { goQuote } from '../labels/goText.ts';
import { maxLenError as maxLen, regexError as regex } from '../labels/validationMessages.ts';

/** validation.IsDNS1123Label */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (Buffer.byteLength(value) > 63) errs.push(maxLen(63));
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value))
    errs.push(regex("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", '[a-z0-9]([-a-z0-9]*[a-z0-9])?', 'my-name', '123-abc'));
  return errs;
}

/** validation.IsDNS1035Label */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (Buffer.byteLength(value) > 63) errs.push(maxLen(63));
  if (!/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(value))
    errs.push(regex("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character", '[a-z]([-a-z0-9]*[a-z0-9])?', 'my-name', 'abc-123'));
  return errs;
}
