/** A property failure that carries what was wanted and what was got, for the report. */
export class Mismatch extends Error {
  override name = 'Mismatch';
  constructor(
    message: string,
    readonly want: unknown,
    readonly got: unknown,
  ) {
    super(`${message}\n  want: ${JSON.stringify(want)}\n  got:  ${JSON.stringify(got)}`);
  }
}

/** Throw a Mismatch unless got and want are equal as JSON. */
export function expectEqual(what: string, got: unknown, want: unknown): void {
  if (JSON.stringify(got) !== JSON.stringify(want)) throw new Mismatch(what, want, got);
}

/** Narrow a selector verdict to the valid case, or throw a Mismatch naming the selector. */
export function mustBeValid<T extends { valid: boolean }>(selector: string, r: T): asserts r is T & { valid: true } {
  if (!r.valid) throw new Mismatch(`the valid selector ${JSON.stringify(selector)} was rejected`, 'valid', r);
}
