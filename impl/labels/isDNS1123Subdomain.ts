// validation.IsDNS1123Subdomain: lower-case RFC 1123 labels joined by dots, at most 253 bytes.
import { utf8Length } from './goText.ts';
import { maxLenError, regexError } from './validationMessages.ts';

export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
const LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
export const DNS1123_SUBDOMAIN_FMT = `${LABEL_FMT}(\\.${LABEL_FMT})*`;
const ERR_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

const isLowerAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** Linear-time equivalent of `^DNS1123_SUBDOMAIN_FMT$` (a backtracking regex is quadratic here). */
export function matchesDNS1123Subdomain(value: string): boolean {
  let labelStart = 0;
  for (let i = 0; i <= value.length; i++) {
    const c = i < value.length ? value.charCodeAt(i) : 46;
    if (c === 46) {
      if (i === labelStart || !isLowerAlnum(value.charCodeAt(labelStart)) || !isLowerAlnum(value.charCodeAt(i - 1))) return false;
      labelStart = i + 1;
    } else if (!isLowerAlnum(c) && c !== 45) return false;
  }
  return true;
}

/** The error messages for `value` as a DNS-1123 subdomain; empty when valid. */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!matchesDNS1123Subdomain(value)) errs.push(regexError(ERR_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}
