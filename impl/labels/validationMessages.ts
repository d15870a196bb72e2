// The message builders of k8s.io/apimachinery/pkg/util/validation (validation.go, v0.32). Their
// exact wording is what users see, so it is reproduced verbatim: the double space before `or`, and
// `characters` in maxLenError although every caller measures the length in bytes (Go's len()).

/** `must be no more than <n> characters` */
export const maxLenError = (length: number): string => `must be no more than ${length} characters`;

/** `must be non-empty` */
export const emptyError = (): string => 'must be non-empty';

/** `<msg> (e.g. 'a',  or 'b', regex used for validation is '<re>')` */
export function regexError(msg: string, re: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${re}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${re}')`;
}
