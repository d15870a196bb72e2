// A key set answering "the keys under this prefix, sorted, from this key on" without scanning
// every key: each key is filed under every ancestor directory (each prefix ending in `/`).

interface Directory {
  keys: Set<string>;
  /** The keys sorted, or undefined when a change made it stale. */
  sorted?: string[];
}

export class KeyIndex {
  readonly #dirs = new Map<string, Directory>();

  add(key: string): void {
    for (const dir of ancestors(key)) {
      let entry = this.#dirs.get(dir);
      if (!entry) this.#dirs.set(dir, (entry = { keys: new Set() }));
      entry.keys.add(key);
      entry.sorted = undefined;
    }
  }

  remove(key: string): void {
    for (const dir of ancestors(key)) {
      const entry = this.#dirs.get(dir);
      if (!entry) continue;
      entry.keys.delete(key);
      entry.sorted = undefined;
      if (entry.keys.size === 0) this.#dirs.delete(dir);
    }
  }

  /** The keys starting with `prefix` that are >= `startKey`, in ascending order. */
  *keysFrom(prefix: string, startKey: string): Iterable<string> {
    const dir = prefix.slice(0, prefix.lastIndexOf('/') + 1);
    const entry = this.#dirs.get(dir);
    if (!entry) return;
    const sorted = (entry.sorted ??= [...entry.keys].sort());
    for (let i = lowerBound(sorted, startKey > prefix ? startKey : prefix); i < sorted.length; i++) {
      if (!sorted[i].startsWith(prefix)) return;
      yield sorted[i];
    }
  }
}

function ancestors(key: string): string[] {
  const dirs = [''];
  for (let i = key.indexOf('/'); i !== -1; i = key.indexOf('/', i + 1)) dirs.push(key.slice(0, i + 1));
  return dirs;
}

function lowerBound(sorted: string[], target: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
