// validation.IsQualifiedName (v0.32), the rule for label and annotation keys: `[prefix/]name`,
// where the optional prefix is a DNS-1123 subdomain and the name is at most 63 bytes of
// `[-A-Za-z0-9_.]`, starting and ending with an alphanumeric character.
import { utf8Length } from './goText.ts';
import { isDNS1123Subdomain } from './isDNS1123Subdomain.ts';
import { emptyError, maxLenError, regexError } from './validationMessages.ts';

export const QUALIFIED_NAME_MAX_LENGTH = 63;
export const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
export const QUALIFIED_NAME_ERR_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const EXAMPLES = ['MyName', 'my.name', '123-abc'];

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isNameChar = (c: number): boolean => isAlnum(c) || c === 45 || c === 95 || c === 46;

/** Linear-time equivalent of `^QUALIFIED_NAME_FMT$`. */
export function matchesQualifiedNamePart(s: string): boolean {
  const n = s.length;
  if (n === 0 || !isAlnum(s.charCodeAt(0)) || !isAlnum(s.charCodeAt(n - 1))) return false;
  for (let i = 1; i < n - 1; i++) if (!isNameChar(s.charCodeAt(i))) return false;
  return true;
}

/** The error messages for `value` as a label key; empty when valid. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0];
  else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push(`prefix part ${emptyError()}`);
    else for (const msg of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${msg}`);
  } else {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_ERR_MSG, QUALIFIED_NAME_FMT, ...EXAMPLES)}` +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errs.push(`name part ${emptyError()}`);
  else if (utf8Length(name) > QUALIFIED_NAME_MAX_LENGTH) errs.push(`name part ${maxLenError(QUALIFIED_NAME_MAX_LENGTH)}`);
  if (!matchesQualifiedNamePart(name)) errs.push(`name part ${regexError(QUALIFIED_NAME_ERR_MSG, QUALIFIED_NAME_FMT, ...EXAMPLES)}`);
  return errs;
}
