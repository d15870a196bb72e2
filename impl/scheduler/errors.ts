/**
 * A Kubernetes object the scheduler cannot read (a malformed quantity, a bad selector operator,
 * a missing name). The message reads like a field.ErrorList entry, `<field>: <problem>`, where
 * the problem is `Invalid value: <value>: <detail>` or `Required value`.
 */
export class InvalidObjectError extends Error {
  readonly field: string;
  /** The message without the field path. */
  readonly problem: string;

  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`);
    this.name = 'InvalidObjectError';
    this.field = field;
    this.problem = problem;
  }

  static invalid(field: string, value: unknown, detail: string): InvalidObjectError {
    return new InvalidObjectError(field, `Invalid value: ${JSON.stringify(value)}: ${detail}`);
  }

  static required(field: string): InvalidObjectError {
    return new InvalidObjectError(field, 'Required value');
  }

  /** The same problem with the field path under `prefix` (`pods[2]` + `spec.x` → `pods[2].spec.x`). */
  at(prefix: string): InvalidObjectError {
    return new InvalidObjectError(`${prefix}.${this.field}`, this.problem);
  }
}
