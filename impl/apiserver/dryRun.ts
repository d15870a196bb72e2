// Server-side dry run (`?dryRun=All`, or DeleteOptions.dryRun in a DELETE body). A dry-run write
// goes through decoding, defaulting, admission and validation like a real one and fails the same
// way, but is answered from a Store view that checks each write against the real store (the key
// exists or not, the expected revision) and applies none of them: nothing is stored, the revision
// does not move and no watch event is produced. Side effects outside the store (a Service's cluster
// IP and node ports) are the ResourceStore hooks' business: they get `dryRun` and must not commit.
import { StoreError, type Store, type StoreRecord } from '../store/index.ts';
import { notSupported, stringsValue } from './fieldErrors.ts';
import { invalid } from './status.ts';

export const DRY_RUN_ALL = 'All';

/** The options kind upstream decodes a write's query (or DELETE body) into, by HTTP method. */
const OPTIONS_KIND: Record<string, string> = { POST: 'CreateOptions', PUT: 'UpdateOptions', PATCH: 'PatchOptions', DELETE: 'DeleteOptions' };

/**
 * Whether a request is a dry run, given its dryRun values (every `dryRun` query parameter, or a
 * DELETE body's `dryRun` list). Reads never are: their options have no dryRun, so it is ignored.
 * A write with any value other than `All` throws upstream's 422, e.g.
 * `CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"Foo"}: supported values: "All"`.
 */
export function isDryRun(method: string, values: readonly string[]): boolean {
  const kind = OPTIONS_KIND[method.toUpperCase()];
  if (kind === undefined || values.length === 0) return false;
  if (values.some((v) => v !== DRY_RUN_ALL)) throw invalid(kind, 'meta.k8s.io', '', [notSupported('dryRun', stringsValue(values), [DRY_RUN_ALL])]);
  return true;
}

/** A DELETE body's DeleteOptions.dryRun as a list of strings (absent: none). */
export const deleteOptionsDryRun = (options: unknown): string[] => {
  const value = typeof options === 'object' && options !== null ? (options as { dryRun?: unknown }).dryRun : undefined;
  return Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)];
};

/**
 * `store` for dry-run writes: reads, watches and compaction go to `store`; create, update and
 * delete fail exactly as `store` would (AlreadyExists, NotFound, Conflict) and otherwise return the
 * record they would have produced without writing it. A created record has revision 0 (it has no
 * resourceVersion, as upstream's dry-run create answers); an updated one keeps the current
 * revision; a deleted one is the current record. `close` leaves `store` open.
 */
export function dryRunStore(store: Store): Store {
  const current = async (key: string, expectedRevision?: number): Promise<StoreRecord> => {
    const record = await store.get(key);
    if (!record) throw new StoreError('NotFound', key, `key not found: ${key}`);
    if (expectedRevision !== undefined && expectedRevision !== record.revision)
      throw new StoreError('Conflict', key, `revision mismatch on ${key}: expected ${expectedRevision}, found ${record.revision}`);
    return record;
  };
  return {
    backend: store.backend,
    async create(key, value) {
      if (await store.get(key)) throw new StoreError('AlreadyExists', key, `key exists: ${key}`);
      return { key, value, revision: 0 };
    },
    async update(key, value, expectedRevision) {
      const record = await current(key, expectedRevision);
      return { key, value, revision: record.revision };
    },
    delete: (key, expectedRevision) => current(key, expectedRevision),
    get: (key) => store.get(key),
    list: (prefix, options) => store.list(prefix, options),
    watch: (prefix, afterRevision, handlers) => store.watch(prefix, afterRevision, handlers),
    compact: (revision) => store.compact(revision),
    currentRevision: () => store.currentRevision(),
    close: async () => {},
  };
}
