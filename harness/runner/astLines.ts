/** Every Gherkin AST node's id → its line, for locating scenarios, example rows and steps. */
export function astLines(root: unknown, into = new Map<string, number>()): Map<string, number> {
  if (!root || typeof root !== 'object') return into;
  const n = root as { id?: string; location?: { line: number } };
  if (n.id && n.location) into.set(n.id, n.location.line);
  for (const v of Object.values(root)) {
    if (Array.isArray(v)) v.forEach((x) => astLines(x, into));
    else astLines(v, into);
  }
  return into;
}
