/**
 * A Kubernetes object the scheduler cannot read (a malformed quantity, a bad selector operator).
 * The message reads like a field.ErrorList entry: `<path>: Invalid value: <value>: <detail>`.
 */
export class InvalidObjectError extends Error {
  readonly field: string;
  readonly value: unknown;
  readonly detail: string;

  constructor(field: string, value: unknown, detail: string) {
    super(`${field}: Invalid value: ${JSON.stringify(value)}: ${detail}`);
    this.name = 'InvalidObjectError';
    this.field = field;
    this.value = value;
    this.detail = detail;
  }
}
