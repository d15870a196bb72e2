// Comparing statuses as the API server stores them: key order and condition order do not matter.

/** A deep copy with object keys sorted and `conditions` arrays sorted by type. */
export function canonical(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => canonical(v));
    return key === 'conditions' ? items.sort((a: any, b: any) => (a?.type < b?.type ? -1 : a?.type > b?.type ? 1 : 0)) : items;
  }
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k], k)]));
}

/** True when a merge patch of `next` would change `current` (fields absent from `next` are kept). */
export function statusChanged(current: object | undefined, next: object): boolean {
  return Object.entries(next).some(([k, v]) => JSON.stringify(canonical(v, k)) !== JSON.stringify(canonical((current as Record<string, unknown> | undefined)?.[k], k)));
}
