// The etcd Store: values are JSON under `<prefix><key>`, a record's revision is etcd's mod
// revision, snapshot reads are etcd reads at a revision, and watch is etcd's watch (compaction → Gone).
import { Etcd3, Range, type IKeyValue, type Namespace } from 'etcd3';
import type { JsonObject, ListOptions, ListResult, Store, StoreEvent, StoreRecord, StoreWatch, WatchHandlers } from './store.ts';
import { StoreError, alreadyExists, conflict, gone, notFound } from './storeError.ts';

export interface EtcdStoreOptions {
  /** Client URLs, e.g. `http://127.0.0.1:2379` (default: $KCONFORM_ETCD or that). */
  endpoints?: string | string[];
  /** Every key is stored under this prefix (default `/registry`); lets several stores share one etcd. */
  prefix?: string;
  /** Per-call deadline in milliseconds (default 10,000). */
  timeoutMs?: number;
}

export const defaultEtcdEndpoint = (): string => process.env.KCONFORM_ETCD || 'http://127.0.0.1:2379';

/** The page size used to fill a filtered list. */
const BATCH = 1000;

export function etcdStore(options: EtcdStoreOptions = {}): Store {
  const hosts = options.endpoints ?? defaultEtcdEndpoint();
  const client = new Etcd3({ hosts, dialTimeout: options.timeoutMs ?? 10_000, defaultCallOptions: () => ({ deadline: Date.now() + (options.timeoutMs ?? 10_000) }) });
  const keyPrefix = options.prefix ?? '/registry';
  const kv: Namespace = client.namespace(keyPrefix);
  const unprefix = (key: string) => (key.startsWith(keyPrefix) ? key.slice(keyPrefix.length) : key);
  const watches = new Set<StoreWatch>();

  const record = (kvPair: IKeyValue): StoreRecord => ({
    key: unprefix(kvPair.key.toString()),
    value: JSON.parse(kvPair.value.toString()) as JsonObject,
    revision: Number(kvPair.mod_revision),
  });

  async function read(key: string): Promise<StoreRecord | undefined> {
    const response = await call(key, () => kv.get(key).exec());
    return response.kvs.length ? record(response.kvs[0]) : undefined;
  }

  /** Writes `value` if the key's mod revision is still `revision`; undefined when it changed. */
  async function swap(key: string, value: JsonObject | undefined, revision: number): Promise<number | undefined> {
    const op = value === undefined ? kv.delete().key(key) : kv.put(key).value(JSON.stringify(value));
    const response = await call(key, () => kv.if(key, 'Mod', '==', revision).then(op).commit());
    return response.succeeded ? Number(response.header.revision) : undefined;
  }

  /** Update or delete against the current record, retrying lost races unless a revision is expected. */
  async function change(key: string, value: JsonObject | undefined, expectedRevision?: number): Promise<StoreRecord> {
    for (;;) {
      const current = await read(key);
      if (!current) throw notFound(key);
      if (expectedRevision !== undefined && current.revision !== expectedRevision) throw conflict(key, expectedRevision, current.revision);
      const revision = await swap(key, value, current.revision);
      if (revision !== undefined) return { key, value: value ?? current.value, revision };
    }
  }

  async function list(prefix: string, options: ListOptions = {}): Promise<ListResult> {
    const end = Range.prefix(prefix).end;
    let start = options.startKey && options.startKey > prefix ? options.startKey : prefix;
    let revision = options.revision && options.revision > 0 ? options.revision : 0;
    const limit = options.limit && options.limit > 0 ? options.limit : Infinity;
    const items: StoreRecord[] = [];
    for (;;) {
      const builder = kv.getAll().inRange(new Range(start, end)).limit(BATCH);
      if (revision) builder.revision(revision);
      const response = await call(prefix, () => builder.exec(), revision);
      revision ||= Number(response.header.revision);
      for (const kvPair of response.kvs) {
        const item = record(kvPair);
        if (options.filter && !options.filter(item.value)) continue;
        if (items.length === limit) return { items, revision, nextKey: item.key };
        items.push(item);
      }
      if (!response.more || response.kvs.length === 0) return { items, revision };
      start = unprefix(response.kvs[response.kvs.length - 1].key.toString()) + '\0';
    }
  }

  async function watch(prefix: string, afterRevision: number, handlers: WatchHandlers): Promise<StoreWatch> {
    const current = await currentRevision();
    if (afterRevision < current) await list(prefix, { revision: afterRevision + 1, limit: 1 });
    const watcher = await call(prefix, () => kv.watch().prefix(prefix).startRevision(String(afterRevision + 1)).withPreviousKV().create(), afterRevision);
    let stopped = false;
    watcher.on('data', (response) => {
      for (const event of response.events) {
        if (stopped) return;
        const revision = Number(event.kv.mod_revision);
        const prev = event.prev_kv && event.prev_kv.value.length ? (JSON.parse(event.prev_kv.value.toString()) as JsonObject) : undefined;
        const key = event.kv.key.toString();
        const out: StoreEvent = event.type === 'Delete'
          ? { type: 'DELETED', key, value: prev ?? {}, revision, prevValue: prev }
          : { type: Number(event.kv.create_revision) === revision ? 'ADDED' : 'MODIFIED', key, value: JSON.parse(event.kv.value.toString()) as JsonObject, revision, ...(prev ? { prevValue: prev } : {}) };
        handlers.onEvent(out);
      }
    });
    watcher.on('error', (error) => {
      if (stopped) return;
      stopped = true;
      void watcher.cancel().catch(() => undefined);
      handlers.onError?.(translate(error, prefix, afterRevision));
    });
    const handle: StoreWatch = {
      stop: async () => {
        if (stopped) return;
        stopped = true;
        watches.delete(handle);
        await watcher.cancel().catch(() => undefined);
      },
    };
    watches.add(handle);
    return handle;
  }

  async function currentRevision(): Promise<number> {
    const response = await call('', () => kv.getAll().prefix('\0').limit(1).exec());
    return Number(response.header.revision);
  }

  return {
    backend: 'etcd',
    async create(key, value) {
      const response = await call(key, () => kv.if(key, 'Create', '==', 0).then(kv.put(key).value(JSON.stringify(value))).commit());
      if (!response.succeeded) throw alreadyExists(key);
      return { key, value, revision: Number(response.header.revision) };
    },
    get: read,
    list,
    update: (key, value, expectedRevision) => change(key, value, expectedRevision),
    delete: (key, expectedRevision) => change(key, undefined, expectedRevision),
    watch,
    async compact(revision) {
      await call('', () => client.kv.compact({ revision: String(revision), physical: true }), revision).catch((error: unknown) => {
        if (!(error instanceof StoreError && error.code === 'Gone')) throw error;
      });
    },
    currentRevision,
    async close() {
      await Promise.all([...watches].map((w) => w.stop()));
      client.close();
    },
  };
}

/** Runs one etcd call, turning client errors into StoreErrors. */
async function call<T>(key: string, fn: () => Promise<T>, revision = 0): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw translate(error, key, revision);
  }
}

function translate(error: unknown, key: string, revision: number): StoreError {
  if (error instanceof StoreError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/compacted/.test(message)) return gone(key, revision);
  return new StoreError('Unavailable', key, `etcd: ${message}`);
}
