// A Store that records every call in the trace with the actor that made it (FLOW-6: only the API
// server may appear). Behaviour is otherwise the wrapped store's.
import type { Store } from '../store/index.ts';
import { currentActor } from './actor.ts';
import type { Trace } from './Trace.ts';

export function recordingStore(store: Store, trace: Trace): Store {
  const note = (op: 'create' | 'get' | 'list' | 'update' | 'delete' | 'watch' | 'compact', key: string) =>
    trace.record({ kind: 'store', actor: currentActor(), op, key });
  return {
    backend: store.backend,
    create: (key, value) => (note('create', key), store.create(key, value)),
    get: (key) => (note('get', key), store.get(key)),
    list: (prefix, options) => (note('list', prefix), store.list(prefix, options)),
    update: (key, value, rev) => (note('update', key), store.update(key, value, rev)),
    delete: (key, rev) => (note('delete', key), store.delete(key, rev)),
    watch: (prefix, after, handlers) => (note('watch', prefix), store.watch(prefix, after, handlers)),
    compact: (rev) => (note('compact', String(rev)), store.compact(rev)),
    currentRevision: () => store.currentRevision(),
    close: () => store.close(),
  };
}
