/**
 * Why the kubectl oracle gave no verdict.
 * - `Unrepresentable`: the input cannot reach kubectl unchanged (a NUL or a lone UTF-16
 *   surrogate in a selector, label key or value: argv and Go's decoders would alter it).
 * - `KubectlFailed`: kubectl crashed, timed out or printed something the oracle does not know;
 *   `detail` holds its exit code and stderr.
 */
export class OracleError extends Error {
  constructor(
    readonly code: 'Unrepresentable' | 'KubectlFailed',
    message: string,
    readonly detail?: string,
  ) {
    super(detail ? `${message}\n${detail}` : message);
    this.name = 'OracleError';
  }
}
