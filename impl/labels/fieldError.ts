// Field errors as k8s.io/apimachinery/pkg/util/validation/field builds and prints them.
//
// A FieldError has the same shape as the driver contract's: `field` is the path (`metadata.labels`,
// `spec.selector.matchExpressions[0].values`, or `<nil>` for upstream's nil path), `type` is the
// ErrorType's display text (`Invalid value`, `Required value`, ...; the wire schema's choice) and
// `message` is upstream's ErrorBody(), so that `${field}: ${message}` is exactly field.Error.Error().
import { goJson, goQuote, goSyntaxStrings } from './goText.ts';

export interface FieldError {
  field: string;
  type?: string;
  message: string;
}

/** Upstream's ErrorType constants (the values StatusCause.reason carries) → display text. */
export const ERROR_TYPES = {
  FieldValueInvalid: 'Invalid value',
  FieldValueRequired: 'Required value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueNotSupported: 'Unsupported value',
} as const;
export type ErrorTypeText = (typeof ERROR_TYPES)[keyof typeof ERROR_TYPES];

/** A field path; null is upstream's nil *field.Path, which prints as `<nil>`. */
export type FieldPath = string | null;

/** path.Child(name): `a.b`, or `b` under the nil path. */
export const child = (path: FieldPath, name: string): string => (path === null ? name : `${path}.${name}`);
/** path.Index(i) / path.Key(k): `a[0]`, `a[key]`. */
export const subscript = (path: FieldPath, index: number | string): string => `${path ?? ''}[${index}]`;
const render = (path: FieldPath): string => path ?? '<nil>';

/**
 * A bad value as ErrorBody (v0.32) renders it: a `string` with `%q`; a named string type without a
 * String() method (selection.Operator, metav1.LabelSelectorOperator) with `%#v`, which prints the
 * same; a []string with `%#v`, Go syntax.
 */
export type BadValue = { readonly quoted: string };
export const stringValue = (s: string): BadValue => ({ quoted: goQuote(s) });
/** A Go []string; null is a nil slice. */
export const stringsValue = (values: readonly string[] | null): BadValue => ({ quoted: goSyntaxStrings(values) });
/**
 * Encoding/json output. Not what v0.32's ErrorBody prints for any value the labels code reports;
 * kept for other packages (impl/apiserver) that import it.
 */
export const jsonValue = (v: unknown): BadValue => ({ quoted: goJson(v) });

function make(type: ErrorTypeText, path: FieldPath, value: BadValue | undefined, detail: string): FieldError {
  let body: string = type;
  if (value) body += `: ${value.quoted}`;
  if (detail) body += `: ${detail}`;
  return { field: render(path), type, message: body };
}

/** field.Invalid */
export const invalid = (path: FieldPath, value: BadValue, detail: string): FieldError => make('Invalid value', path, value, detail);
/** field.Required */
export const required = (path: FieldPath, detail: string): FieldError => make('Required value', path, undefined, detail);
/** field.Forbidden */
export const forbidden = (path: FieldPath, detail: string): FieldError => make('Forbidden', path, undefined, detail);
/** field.TooLong (v0.32): `may not be more than <n> bytes`, or `value is too long` for a negative limit. */
export const tooLong = (path: FieldPath, maxBytes: number): FieldError =>
  make('Too long', path, undefined, maxBytes >= 0 ? `may not be more than ${maxBytes} bytes` : 'value is too long');
/** field.NotSupported; `supported` are quoted as Go's strconv.Quote does. */
export const notSupported = (path: FieldPath, value: BadValue, supported: readonly string[]): FieldError =>
  make('Unsupported value', path, value, supported.length ? `supported values: ${supported.map(goQuote).join(', ')}` : '');

/** field.Error.Error(): `<field>: <type>: <value>: <detail>`. */
export function formatFieldError(e: FieldError): string {
  return `${e.field}: ${e.message}`;
}

/**
 * ErrorList.ToAggregate().Error(): duplicates dropped; one error prints bare, several print as
 * `[e1, e2]`. Returns '' for an empty list.
 */
export function aggregateMessage(errors: readonly FieldError[]): string {
  const msgs = [...new Set(errors.map(formatFieldError))];
  return msgs.length === 1 ? msgs[0] : msgs.length ? `[${msgs.join(', ')}]` : '';
}
