// Field errors as Kubernetes' field.Error prints them: `<field>: <type text>[: <value>][: <detail>]`.

export interface FieldError {
  field: string;
  /** Upstream's reason: FieldValueInvalid, FieldValueRequired, FieldValueDuplicate, ... */
  type: string;
  /** The text after `<field>: `, e.g. `Invalid value: 80: provided port is already allocated`. */
  message: string;
}

/** A value rendered the way Go's field.Error prints it; `{ go }` passes a pre-rendered Go literal. */
export type GoValue = number | string | string[] | { go: string };

export function goValue(value: GoValue): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[]string{${value.map((v) => JSON.stringify(v)).join(', ')}}`;
  return value.go;
}

const withDetail = (head: string, detail?: string) => (detail ? `${head}: ${detail}` : head);

export const fieldErrors = {
  invalid: (field: string, value: GoValue, detail: string): FieldError => ({
    field,
    type: 'FieldValueInvalid',
    message: withDetail(`Invalid value: ${goValue(value)}`, detail),
  }),
  required: (field: string, detail?: string): FieldError => ({ field, type: 'FieldValueRequired', message: withDetail('Required value', detail) }),
  duplicate: (field: string, value: GoValue): FieldError => ({ field, type: 'FieldValueDuplicate', message: `Duplicate value: ${goValue(value)}` }),
  forbidden: (field: string, detail: string): FieldError => ({ field, type: 'FieldValueForbidden', message: `Forbidden: ${detail}` }),
  notSupported: (field: string, value: string, supported: string[]): FieldError => ({
    field,
    type: 'FieldValueNotSupported',
    message: `Unsupported value: ${JSON.stringify(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
  }),
  /** Not tied to a field: upstream answers with a plain InternalError status. */
  internal: (detail: string): FieldError => ({ field: '', type: 'InternalError', message: `Internal error occurred: ${detail}` }),
};

export function formatFieldError(error: FieldError): string {
  return error.field ? `${error.field}: ${error.message}` : error.message;
}

/** Thrown only for programming errors (bad configuration); user input yields FieldErrors instead. */
export class IpamConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpamConfigError';
  }
}

export type Allocation<T> = { ok: true; value: T } | { ok: false; error: FieldError };
