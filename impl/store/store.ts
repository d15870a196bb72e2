// The versioned object store behind the API server. Only the API server may hold a Store.
//
// Every successful write (create, update, delete) gets a new cluster-wide revision, strictly
// greater than every earlier one. A record's `revision` is the revision of the write that produced
// it (etcd's mod revision); the API server publishes it as metadata.resourceVersion.
// Values are JSON objects. A Store never mutates a value it was given after the call returns and
// hands out values that callers must treat as read-only (the memory backend freezes them).

export type JsonObject = { [key: string]: unknown };

export interface StoreRecord {
  key: string;
  value: JsonObject;
  /** The revision of the write that last changed this key. */
  revision: number;
}

export interface ListOptions {
  /** Read the snapshot at this revision (0 or omitted: the current one). Older than history: Gone. */
  revision?: number;
  /** First key to return (inclusive); keys sort by UTF-16 code unit, like etcd's byte order for ASCII. */
  startKey?: string;
  /** Stop after this many matching records (0 or omitted: no limit). */
  limit?: number;
  /** Keep only the records whose value passes; applied before `limit`. Must not throw. */
  filter?: (value: JsonObject) => boolean;
}

export interface ListResult {
  items: StoreRecord[];
  /** The revision of the snapshot the items were read at. */
  revision: number;
  /** When `limit` cut the list short: the startKey of the next page (same revision). */
  nextKey?: string;
}

export interface StoreEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  key: string;
  /** The new value; for DELETED the last value before deletion. */
  value: JsonObject;
  /** The revision of this write (for DELETED, the revision of the deletion). */
  revision: number;
  /** The value before this write (absent for ADDED). */
  prevValue?: JsonObject;
}

export interface StoreWatch {
  /** Stops delivery; idempotent. No event is delivered after the returned promise settles. */
  stop(): Promise<void>;
}

export interface WatchHandlers {
  /** Called once per event, in revision order, never concurrently. */
  onEvent(event: StoreEvent): void;
  /** Called at most once, after which no more events come (e.g. Gone after compaction). */
  onError?(error: Error): void;
}

export interface Store {
  /** A short name for reports: `memory` or `etcd`. */
  readonly backend: string;
  /** Fails with AlreadyExists when the key exists. */
  create(key: string, value: JsonObject): Promise<StoreRecord>;
  get(key: string): Promise<StoreRecord | undefined>;
  /** The records whose key starts with `prefix`, sorted by key, from one consistent snapshot. */
  list(prefix: string, options?: ListOptions): Promise<ListResult>;
  /**
   * Replaces the value. NotFound when the key is absent; Conflict when `expectedRevision` is given
   * and differs from the record's current revision.
   */
  update(key: string, value: JsonObject, expectedRevision?: number): Promise<StoreRecord>;
  /** Removes the key and returns its last value with the deletion's revision. NotFound / Conflict as update. */
  delete(key: string, expectedRevision?: number): Promise<StoreRecord>;
  /**
   * Delivers every event on keys under `prefix` with revision > `afterRevision`, each exactly once
   * and in order, then live events until stopped. Rejects with Gone when history after
   * `afterRevision` is no longer kept.
   */
  watch(prefix: string, afterRevision: number, handlers: WatchHandlers): Promise<StoreWatch>;
  /** Drops the history below `revision`: reads at older revisions and watches needing it get Gone. */
  compact(revision: number): Promise<void>;
  /** The revision of the latest write (the current snapshot). */
  currentRevision(): Promise<number>;
  /** Stops all watches and releases connections. */
  close(): Promise<void>;
}
