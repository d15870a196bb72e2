/**
 * The existing step patterns closest to a step that matched none. Quoted strings and numbers in
 * the step are compared as the `{string}`/`{int}` parameters they would fill.
 */
export function closestSteps(text: string, patterns: string[], max = 3): string[] {
  const shape = (s: string) =>
    s
      .replace(/"[^"]*"/g, '{string}')
      .replace(/\b-?\d+(\.\d+)?\b/g, '{int}')
      .replace(/\{(float|word)\}/g, '{int}')
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean);
  const want = shape(text);
  return patterns
    .map((p) => ({ p, d: distance(want, shape(p)) / Math.max(want.length, shape(p).length, 1) }))
    .sort((a, b) => a.d - b.d || a.p.localeCompare(b.p))
    .slice(0, max)
    .map((x) => x.p);
}

/** Word-level edit distance. */
function distance(a: string[], b: string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
