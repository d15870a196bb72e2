// Asking upstream whether labels are valid, through the selector parser.
//
// kubectl validates no label key client-side (`kubectl label` checks values only; create, apply
// and run check nothing). labels.Parse does: for `k=v` it checks the key with IsQualifiedName and
// the value with IsValidLabelValue, the same functions metadata validation (ValidateLabels) uses.
// Only the wrapping differs: the parser joins one key's or value's messages with "; " inside
// `unable to parse requirement: <path>: Invalid value: "<k or v>": <messages>`, where <path> is
// `<nil>` for a key and `values[0][<k>]` for a value; ValidateLabels reports one field error per
// message at `metadata.labels`.

import type { Labels } from '../contract/capabilities/selectors.ts';

// The bytes the selector lexer treats as whitespace or operators: a key or value holding one
// cannot be written as a single selector identifier.
const NOT_IN_IDENTIFIER = /[\0 \t\r\n=!(),<>]/;

/** The selector `k1=v1,k2=v2,…` that makes labels.Parse validate `labels`, or why none exists. */
export function labelsAsSelector(labels: Labels): { selector: string } | { reason: string } {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(labels)) {
    if (key === '') return { reason: 'an empty label key cannot be written in a selector' };
    if (NOT_IN_IDENTIFIER.test(key)) return { reason: `label key ${JSON.stringify(key)} holds a character the selector lexer splits on` };
    if (NOT_IN_IDENTIFIER.test(value)) return { reason: `label value ${JSON.stringify(value)} holds a character the selector lexer splits on` };
    parts.push(`${key}=${value}`);
  }
  return { selector: parts.join(',') };
}

export interface LabelErrorDetail {
  subject: 'key' | 'value';
  /** The messages of IsQualifiedName (key) or IsValidLabelValue (value), in upstream's order. */
  messages: string[];
}

/**
 * Splits labels.Parse's error for one `k=v` requirement into the subject and the validator's
 * messages, or undefined when the error is not a key or value validation error.
 */
export function labelErrorDetail(error: string): LabelErrorDetail | undefined {
  const m = /^unable to parse requirement: (<nil>|values\[0\]\[.*?\]): Invalid value: "/.exec(error);
  if (!m) return undefined;
  let i = m[0].length;
  while (i < error.length && error[i] !== '"') i += error[i] === '\\' ? 2 : 1;
  if (!error.startsWith('": ', i)) return undefined;
  return { subject: m[1] === '<nil>' ? 'key' : 'value', messages: error.slice(i + 3).split('; ') };
}
