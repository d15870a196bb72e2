// The flow trace: every API request, every watch event the API server sent, every Store call and
// every component failure, in the order they happened, stamped with the control plane's clock.
// Scenarios read it to check documented orders (stored → bound → running) and that only the API
// server touched the store (FLOW-6). Bounded: the oldest entries are dropped past `capacity`.

interface Base {
  /** 1, 2, 3, ... in recording order; never reused. */
  seq: number;
  /** The clock's time, ms since the epoch (virtual under virtual time). */
  at: number;
  /** Who acted: a request's or watcher's User-Agent; for store calls the component running. */
  actor: string;
}

/**
 * A request, recorded when the API server received it (so it sorts before the watch events it
 * caused) and completed with `code` (and a create's `name`) once answered.
 * verb as in audit logs: get list watch create update patch delete deletecollection.
 */
export interface RequestEntry extends Base {
  kind: 'request';
  verb: string;
  /** Plural resource, e.g. `pods`; for non-resource paths the path itself. */
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** The HTTP status code of the answer (0 while in progress). */
  code: number;
}

/** A watch event the API server sent to a watcher. */
export interface WatchEntry extends Base {
  kind: 'watch';
  type: string;
  resource: string;
  namespace?: string;
  name?: string;
  resourceVersion?: string;
}

/** A call on the Store. */
export interface StoreEntry extends Base {
  kind: 'store';
  op: 'create' | 'get' | 'list' | 'update' | 'delete' | 'watch' | 'compact';
  key: string;
}

/** A component's task failed (reconcile error, handler exception). */
export interface ErrorEntry extends Base {
  kind: 'error';
  message: string;
}

export type TraceEntry = RequestEntry | WatchEntry | StoreEntry | ErrorEntry;
type Unstamped<E> = E extends TraceEntry ? Omit<E, 'seq' | 'at'> : never;

export interface TraceOptions {
  /** Most entries kept (default 200,000). */
  capacity?: number;
  /** Record Store calls (default true). */
  store?: boolean;
  /** Record nothing at all (default true = record). */
  enabled?: boolean;
}

export class Trace {
  private entries: TraceEntry[] = [];
  private seq = 0;
  readonly capacity: number;
  readonly recordsStore: boolean;
  enabled: boolean;

  constructor(private readonly now: () => number, options: TraceOptions = {}) {
    this.capacity = Math.max(1, options.capacity ?? 200_000);
    this.recordsStore = options.store ?? true;
    this.enabled = options.enabled ?? true;
  }

  /** Appends the entry stamped with seq and time, and returns it (undefined when disabled). */
  record<E extends Unstamped<TraceEntry>>(entry: E): (E & { seq: number; at: number }) | undefined {
    if (!this.enabled) return undefined;
    const stamped = { ...entry, seq: ++this.seq, at: this.now() };
    this.entries.push(stamped as unknown as TraceEntry);
    if (this.entries.length > this.capacity * 1.25) this.entries = this.entries.slice(this.entries.length - this.capacity);
    return stamped;
  }

  /** Entries with seq > `since` (default 0: all kept), oldest first. */
  since(since = 0): TraceEntry[] {
    if (since <= 0) return [...this.entries];
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.entries[mid].seq <= since) lo = mid + 1;
      else hi = mid;
    }
    return this.entries.slice(lo);
  }

  /** The seq of the latest entry (0 when none). */
  get last(): number {
    return this.seq;
  }

  clear(): void {
    this.entries = [];
  }
}
