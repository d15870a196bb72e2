// The resources the garbage collector watches: every listed, watched and deletable resource the API
// server's discovery documents serve, except Events (upstream ignores them too: they are many and
// never own anything).
import type { ApiClient } from '../../client/index.ts';

export interface CollectableResource {
  kind: string;
  /** The plural resource name (`pods`). */
  resource: string;
  namespaced: boolean;
}

const IGNORED = new Set(['events']);
const NEEDED_VERBS = ['list', 'watch', 'delete'];

/** From /api and /apis (preferred versions), in discovery order; a kind served twice is listed once. */
export async function collectableResources(client: ApiClient): Promise<CollectableResource[]> {
  const paths: string[] = [];
  for (const v of (await client.getPath('/api')).versions ?? []) paths.push(`/api/${v}`);
  for (const g of (await client.getPath('/apis')).groups ?? []) if (g.preferredVersion?.groupVersion) paths.push(`/apis/${g.preferredVersion.groupVersion}`);
  const found = new Map<string, CollectableResource>();
  for (const path of paths) {
    for (const r of (await client.getPath(path)).resources ?? []) {
      const name = String(r.name);
      if (name.includes('/') || IGNORED.has(name) || found.has(r.kind)) continue;
      if (NEEDED_VERBS.every((v) => r.verbs?.includes(v))) found.set(r.kind, { kind: r.kind, resource: name, namespaced: !!r.namespaced });
    }
  }
  return [...found.values()];
}
