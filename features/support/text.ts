/**
 * Parse a label list as scenarios write it: `app=nginx, env=test`; `key=` is an empty value;
 * `(none)` or an empty string is no labels. A key's value runs to the next `, ` so values may hold commas only when the
 * list has one label.
 */
export function parseLabelList(s: string): Record<string, string> {
  const t = s.trim();
  if (t === '' || t === '(none)') return {};
  const out: Record<string, string> = {};
  for (const part of t.split(/,\s+|,$|^,/).filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    if (eq < 0) throw new Error(`label list "${s}": "${part}" is not key=value`);
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

/** `a, b, c` → ['a','b','c']; `(none)` or empty → []. */
export function parseNameList(s: string): string[] {
  const t = s.trim();
  return t === '' || t === '(none)' ? [] : t.split(',').map((x) => x.trim()).filter(Boolean);
}
