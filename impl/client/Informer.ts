// A list+watch cache of one kind, as client-go's informer: list, then watch from the list's
// resourceVersion; on 410 Gone re-list and reconcile the cache (delivering the differences as
// add/update/delete); when the stream ends, watch again from the last seen resourceVersion.
// Cached objects are frozen: handlers and workers must copy before changing one.
import type { Clock } from '../clock/index.ts';
import type { ApiClient, KubeObject, Selection, WatchHandle } from './ApiClient.ts';
import { isGone } from './ApiStatusError.ts';

export interface InformerHandlers<T extends KubeObject = KubeObject> {
  add?(object: T): void;
  update?(old: T, current: T): void;
  delete?(object: T): void;
}

/** `namespace/name`, or `name` for cluster-scoped objects. */
export const keyOf = (object: KubeObject): string =>
  object.metadata.namespace ? `${object.metadata.namespace}/${object.metadata.name}` : String(object.metadata.name);

/** Splits a key made by keyOf. */
export function splitKey(key: string): { namespace?: string; name: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Delay before re-opening a watch or re-listing after a failure. */
const RETRY_MS = 1000;

export class Informer<T extends KubeObject = KubeObject> {
  private readonly cache = new Map<string, T>();
  private readonly handlers: InformerHandlers<T>[] = [];
  private resourceVersion = '';
  private watchHandle: WatchHandle | undefined;
  private cancelRetry: (() => void) | undefined;
  private stopped = false;
  /** True once the first list has been delivered to the handlers. */
  synced = false;
  /** How many times the informer listed (1 + re-lists after Gone or failures). */
  lists = 0;

  constructor(
    private readonly client: ApiClient,
    readonly kind: string,
    private readonly selection: Selection,
    private readonly clock: Clock,
  ) {}

  /** Handlers added after start() get add() for every cached object first. */
  on(handlers: InformerHandlers<T>): this {
    this.handlers.push(handlers);
    if (this.synced) for (const object of this.cache.values()) handlers.add?.(object);
    return this;
  }

  /** Lists, fills the cache, delivers add() for each object, then watches. Rejects if the first list fails. */
  async start(): Promise<void> {
    await this.relist();
    this.synced = true;
  }

  stop(): void {
    this.stopped = true;
    this.watchHandle?.stop();
    this.cancelRetry?.();
  }

  get(key: string): T | undefined {
    return this.cache.get(key);
  }

  list(): T[] {
    return [...this.cache.values()];
  }

  get size(): number {
    return this.cache.size;
  }

  private async relist(): Promise<void> {
    this.watchHandle?.stop();
    this.lists++;
    const list = await this.client.list<T>(this.kind, this.selection);
    if (this.stopped) return;
    const seen = new Set<string>();
    for (const item of list.items) {
      const key = keyOf(item);
      seen.add(key);
      this.apply(key, deepFreeze(item));
    }
    for (const [key, old] of [...this.cache]) if (!seen.has(key)) this.remove(key, old);
    this.resourceVersion = list.resourceVersion;
    this.watch();
  }

  private watch(): void {
    if (this.stopped) return;
    this.watchHandle = this.client.watch<T>(this.kind, { ...this.selection, resourceVersion: this.resourceVersion }, {
      onEvent: (event) => {
        if (event.type === 'ERROR') {
          this.watchHandle?.stop();
          const status = event.object as unknown as { code?: number };
          if (status.code === 410) void this.relist().catch(() => this.retry(() => this.relist()));
          else this.retry(() => this.watch());
          return;
        }
        const object = deepFreeze(event.object);
        if (object.metadata?.resourceVersion) this.resourceVersion = object.metadata.resourceVersion;
        if (event.type === 'BOOKMARK') return;
        const key = keyOf(object);
        if (event.type === 'DELETED') {
          const old = this.cache.get(key);
          if (old) this.remove(key, object);
        } else this.apply(key, object);
      },
      onEnd: (error) => {
        if (this.stopped) return;
        if (error && isGone(error)) return void this.relist().catch(() => this.retry(() => this.relist()));
        if (error) this.retry(() => this.watch());
        else this.watch();
      },
    });
  }

  private retry(fn: () => void | Promise<void>): void {
    if (this.stopped) return;
    this.cancelRetry = this.clock.setTimer(RETRY_MS, () => {
      void Promise.resolve(fn()).catch(() => this.retry(fn));
    }, `informer ${this.kind} retry`);
  }

  private apply(key: string, object: T): void {
    const old = this.cache.get(key);
    if (old && old.metadata.resourceVersion === object.metadata.resourceVersion) return;
    this.cache.set(key, object);
    for (const h of this.handlers) {
      if (old) h.update?.(old, object);
      else h.add?.(object);
    }
  }

  private remove(key: string, object: T): void {
    this.cache.delete(key);
    for (const h of this.handlers) h.delete?.(object);
  }
}
