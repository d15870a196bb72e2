// The embedded Store: everything in one process, bounded event history, no I/O.
// Values handed to it become owned by it and are deep-frozen.
import type { JsonObject, ListOptions, ListResult, Store, StoreEvent, StoreRecord, StoreWatch, WatchHandlers } from './store.ts';
import { alreadyExists, conflict, gone, notFound } from './storeError.ts';
import { KeyIndex } from './keyIndex.ts';
import { deepFreeze } from './deepFreeze.ts';

export interface MemoryStoreOptions {
  /** How many events are kept for watch resume and snapshot reads (default 100,000). */
  historySize?: number;
}

/** A history entry: the event plus the revision the key had before it, for snapshot reads. */
type Entry = StoreEvent & { prevRevision: number };

interface Watcher {
  prefix: string;
  after: number;
  queue: StoreEvent[];
  scheduled: boolean;
  stopped: boolean;
  handlers: WatchHandlers;
}

export function memoryStore(options: MemoryStoreOptions = {}): Store {
  const historySize = Math.max(1, options.historySize ?? 100_000);
  const records = new Map<string, StoreRecord>();
  const index = new KeyIndex();
  let history: Entry[] = [];
  let revision = 1;
  /** Every revision up to this one has been dropped from history. */
  let compactedThrough = 0;
  const watchers = new Set<Watcher>();
  let closed = false;

  /** Delivers queued events; a handler that throws ends its own watch (reported to onError). */
  function flush(watcher: Watcher): void {
    watcher.scheduled = false;
    while (watcher.queue.length > 0 && !watcher.stopped) {
      try {
        watcher.handlers.onEvent(watcher.queue.shift()!);
      } catch (error) {
        watcher.stopped = true;
        watchers.delete(watcher);
        watcher.handlers.onError?.(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  function enqueue(watcher: Watcher, event: StoreEvent): void {
    watcher.queue.push(event);
    if (!watcher.scheduled) {
      watcher.scheduled = true;
      queueMicrotask(() => flush(watcher));
    }
  }

  function commit(entry: Entry): void {
    history.push(entry);
    if (history.length > historySize * 2) {
      const dropped = history.length - historySize;
      compactedThrough = Math.max(compactedThrough, history[dropped - 1].revision);
      history = history.slice(dropped);
    }
    const { prevRevision: _, ...event } = entry;
    for (const watcher of watchers) if (entry.revision > watcher.after && entry.key.startsWith(watcher.prefix)) enqueue(watcher, event);
  }

  function write(key: string, value: JsonObject, previous: StoreRecord | undefined): StoreRecord {
    const record: StoreRecord = { key, value: deepFreeze(value), revision: ++revision };
    records.set(key, record);
    if (!previous) index.add(key);
    commit(previous
      ? { type: 'MODIFIED', key, value: record.value, revision, prevValue: previous.value, prevRevision: previous.revision }
      : { type: 'ADDED', key, value: record.value, revision, prevRevision: 0 });
    return record;
  }

  function existing(key: string, expectedRevision: number | undefined): StoreRecord {
    const current = records.get(key);
    if (!current) throw notFound(key);
    if (expectedRevision !== undefined && expectedRevision !== current.revision) throw conflict(key, expectedRevision, current.revision);
    return current;
  }

  /** The records under prefix at an older revision: today's state with later history undone. */
  function snapshotAt(prefix: string, startKey: string, at: number): StoreRecord[] {
    if (at <= compactedThrough) throw gone(prefix, at, compactedThrough + 1);
    const state = new Map<string, StoreRecord | undefined>();
    for (const key of index.keysFrom(prefix, startKey)) state.set(key, records.get(key));
    for (let i = history.length - 1; i >= 0 && history[i].revision > at; i--) {
      const e = history[i];
      if (!e.key.startsWith(prefix) || e.key < startKey) continue;
      state.set(e.key, e.type === 'ADDED' ? undefined : { key: e.key, value: e.prevValue!, revision: e.prevRevision });
    }
    return [...state.keys()].sort().flatMap((key) => (state.get(key) ? [state.get(key)!] : []));
  }

  function list(prefix: string, options: ListOptions = {}): ListResult {
    const at = options.revision && options.revision < revision ? options.revision : revision;
    const startKey = options.startKey && options.startKey > prefix ? options.startKey : prefix;
    const limit = options.limit && options.limit > 0 ? options.limit : Infinity;
    const items: StoreRecord[] = [];
    const candidates: Iterable<StoreRecord> = at === revision
      ? mapKeys(index.keysFrom(prefix, startKey), (key) => records.get(key)!)
      : snapshotAt(prefix, startKey, at);
    for (const record of candidates) {
      if (options.filter && !options.filter(record.value)) continue;
      if (items.length === limit) return { items, revision: at, nextKey: record.key };
      items.push(record);
    }
    return { items, revision: at };
  }

  const guard = <T>(fn: () => T): Promise<T> => {
    if (closed) return Promise.reject(new Error('memoryStore: the store is closed'));
    try {
      return Promise.resolve(fn());
    } catch (error) {
      return Promise.reject(error);
    }
  };

  return {
    backend: 'memory',
    create: (key, value) =>
      guard(() => {
        if (records.has(key)) throw alreadyExists(key);
        return write(key, value, undefined);
      }),
    get: (key) => guard(() => records.get(key)),
    list: (prefix, options) => guard(() => list(prefix, options)),
    update: (key, value, expectedRevision) => guard(() => write(key, value, existing(key, expectedRevision))),
    delete: (key, expectedRevision) =>
      guard(() => {
        const previous = existing(key, expectedRevision);
        records.delete(key);
        index.remove(key);
        const deleted: StoreRecord = { key, value: previous.value, revision: ++revision };
        commit({ type: 'DELETED', key, value: previous.value, revision, prevValue: previous.value, prevRevision: previous.revision });
        return deleted;
      }),
    watch: (prefix, afterRevision, handlers) =>
      guard((): StoreWatch => {
        if (afterRevision < compactedThrough) throw gone(prefix, afterRevision, compactedThrough + 1);
        const watcher: Watcher = { prefix, after: afterRevision, queue: [], scheduled: false, stopped: false, handlers };
        for (const { prevRevision: _, ...event } of history) {
          if (event.revision > afterRevision && event.key.startsWith(prefix)) enqueue(watcher, event);
        }
        watchers.add(watcher);
        return {
          stop: async () => {
            watcher.stopped = true;
            watchers.delete(watcher);
          },
        };
      }),
    compact: (upTo) =>
      guard(() => {
        const through = Math.min(upTo, revision) - 1;
        if (through <= compactedThrough) return;
        compactedThrough = through;
        history = history.filter((entry) => entry.revision > through);
      }),
    currentRevision: () => guard(() => revision),
    close: async () => {
      closed = true;
      for (const watcher of watchers) watcher.stopped = true;
      watchers.clear();
    },
  };
}

function* mapKeys<T>(keys: Iterable<string>, fn: (key: string) => T): Iterable<T> {
  for (const key of keys) yield fn(key);
}
