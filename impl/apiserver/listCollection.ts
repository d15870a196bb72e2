// GET on a collection: selectors, limit/continue paging over one snapshot, List or Table output.
import type { Obj, ResourceType } from './resourceType.ts';
import { groupVersion } from './resourceType.ts';
import type { ResourceStore } from './resourceStore.ts';
import { collectionKey, objectKey } from './resourceStore.ts';
import { fieldPredicate, labelPredicate, pinnedName, type Predicate } from './selectors.ts';
import { badRequest, expired, ApiError } from './status.ts';

const CONTINUE_TOO_OLD =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

interface ContinueToken {
  rv: number;
  start: string;
}

export const encodeContinue = (t: ContinueToken) => Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', ...t })).toString('base64url');

function decodeContinue(token: string, prefix: string): ContinueToken {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (t.v === 'meta.k8s.io/v1' && Number.isSafeInteger(t.rv) && t.rv > 0 && typeof t.start === 'string' && t.start.startsWith(prefix)) return { rv: t.rv, start: t.start };
  } catch {
    /* falls through */
  }
  throw badRequest(`continue key is not valid: ${token.length > 64 ? `${token.slice(0, 64)}...` : token}`);
}

/** The selector predicate of a list or watch request (400 when a selector is malformed). */
export function selection(type: ResourceType, query: URLSearchParams): Predicate {
  const labels = labelPredicate(query.get('labelSelector'));
  const fields = fieldPredicate(type, query.get('fieldSelector'));
  return (object) => labels(object) && fields(object);
}

export function positiveInt(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d{1,15}$/.test(raw)) throw badRequest(`invalid value for ${name}: ${JSON.stringify(raw)}: must be a non-negative integer`);
  return Number(raw);
}

export interface ListOutcome {
  items: Obj[];
  listMeta: Obj;
}

export async function listCollection(rs: ResourceStore, type: ResourceType, namespace: string | undefined, query: URLSearchParams): Promise<ListOutcome> {
  const match = selection(type, query);
  const limit = positiveInt(query, 'limit') || undefined;
  const prefix = collectionKey(type, namespace);
  const token = query.get('continue') ? decodeContinue(query.get('continue')!, prefix) : undefined;
  const name = pinnedName(query.get('fieldSelector'));
  let page;
  try {
    if (token && token.rv > (await rs.store.currentRevision())) throw badRequest(`continue key is not valid: too large resource version`);
    page = name !== undefined && namespace !== undefined && !token && !limit
      ? await rs.list(type, namespace, match, { startKey: objectKey(type, namespace, name), limit: 1 }).then((p) => ({ ...p, items: p.items.filter((o) => o.metadata.name === name), nextKey: undefined }))
      : await rs.list(type, namespace, match, { limit, startKey: token?.start, revision: token?.rv });
  } catch (error) {
    if (error instanceof ApiError && error.code === 410 && token) throw expired(CONTINUE_TOO_OLD);
    throw error;
  }
  const listMeta: Obj = { resourceVersion: String(page.revision) };
  if (page.nextKey) listMeta.continue = encodeContinue({ rv: page.revision, start: page.nextKey });
  return { items: page.items, listMeta };
}

export const listObject = (type: ResourceType, outcome: ListOutcome): Obj => ({
  kind: `${type.kind}List`,
  apiVersion: groupVersion(type),
  metadata: outcome.listMeta,
  items: outcome.items,
});
