/** `c{N}` or `(abc){N}` stands for N repetitions: "a{3}" is "aaa". */
export function expandRepeats(s: string): string {
  return s.replace(/(\(([^()]*)\)|([^\\{}]))\{(\d+)\}/g, (_m, _g, group: string | undefined, ch: string | undefined, n: string) => (group ?? ch ?? '').repeat(Number(n)));
}
