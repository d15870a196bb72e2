// `?watch=true`: the store's events for one collection, filtered by the selectors, as
// Kubernetes watch events. An object that stops matching is sent as DELETED, one that starts
// matching as ADDED. A too old resourceVersion ends the stream with an ERROR event (410 Expired).
// Each event's object carries apiVersion and kind, as upstream encodes every watch event's object.
import type { StoreEvent, StoreWatch } from '../store/index.ts';
import type { Obj, ResourceType } from './resourceType.ts';
import type { ResourceStore } from './resourceStore.ts';
import { collectionKey, translate } from './resourceStore.ts';
import { served, withTypeMeta } from './objectMeta.ts';
import type { Predicate } from './selectors.ts';

export interface WatchEventOut {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'ERROR' | 'BOOKMARK';
  object: Obj;
}

/** A started watch: events go to `send`; `end` is called once when the stream ends by itself. */
export interface WatchStream {
  start(send: (event: WatchEventOut) => void, end: () => void): Promise<void>;
  /** Stops delivery; idempotent. */
  stop(): Promise<void>;
}

export interface WatchOptions {
  match: Predicate;
  /** Empty or "0": start with ADDED events for the current state. */
  resourceVersion: string;
  timeoutSeconds?: number;
}

export function watchStream(rs: ResourceStore, type: ResourceType, namespace: string | undefined, options: WatchOptions): WatchStream {
  let handle: StoreWatch | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let finish: (() => void) | undefined;
  const stop = async () => {
    stopped = true;
    if (finish) rs.openWatches.delete(finish);
    if (timer) clearTimeout(timer);
    await handle?.stop();
  };
  return {
    stop,
    async start(send, end) {
      const ends = () => {
        if (stopped) return;
        void stop();
        end();
      };
      finish = ends;
      rs.openWatches.add(ends);
      const fail = (error: unknown) => {
        if (stopped) return;
        send({ type: 'ERROR', object: translate(error).body });
        ends();
      };
      try {
        let after = Number(options.resourceVersion);
        if (!options.resourceVersion || options.resourceVersion === '0') {
          const initial = await rs.list(type, namespace, options.match);
          for (const item of initial.items) send({ type: 'ADDED', object: withTypeMeta(type, item) });
          after = initial.revision;
        }
        const onEvent = (e: StoreEvent) => {
          if (stopped) return;
          const out = translateEvent(type, e, options.match);
          if (out) send(out);
        };
        handle = await rs.store.watch(collectionKey(type, namespace), after, { onEvent, onError: fail });
        if (stopped) await handle.stop();
        if (options.timeoutSeconds && options.timeoutSeconds > 0) timer = setTimeout(ends, options.timeoutSeconds * 1000);
      } catch (error) {
        fail(error);
      }
    },
  };
}

function translateEvent(type: ResourceType, e: StoreEvent, match: Predicate): WatchEventOut | undefined {
  const object = withTypeMeta(type, served({ value: e.value, revision: e.revision }));
  const now = e.type !== 'DELETED' && match(e.value as Obj);
  const before = e.type === 'DELETED' ? match(e.value as Obj) : e.prevValue !== undefined && match(e.prevValue as Obj);
  if (e.type === 'DELETED') return before ? { type: 'DELETED', object } : undefined;
  if (now && before) return { type: 'MODIFIED', object };
  if (now) return { type: 'ADDED', object };
  if (before) return { type: 'DELETED', object };
  return undefined;
}
