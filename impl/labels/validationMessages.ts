// The message builders of k8s.io/apimachinery/pkg/api/validate/content (errors.go). Their exact
// wording (double space before `or`, `bytes`) is what users see, so it is reproduced verbatim.

/** `must be no more than <n> bytes` */
export const maxLenError = (length: number): string => `must be no more than ${length} bytes`;

/** `must be non-empty` */
export const emptyError = (): string => 'must be non-empty';

/** `<msg> (e.g. 'a',  or 'b', regex used for validation is '<re>')` */
export function regexError(msg: string, re: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${re}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${re}')`;
}
