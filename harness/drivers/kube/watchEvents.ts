// objects.events over HTTP: a watch from a resourceVersion, through @kubernetes/client-node's
// Watch. With `max`: keeps what arrives until there are `max` events or timeoutMs has passed.
// Without: waits up to timeoutMs for the first event, then keeps what arrives until the stream has
// been quiet for `quietMs` (the server writes a replay of its history back to back, but a loaded
// machine can pause in the middle of it, so callers that know how many events to expect pass `max`).
import './node20.ts';
import { Watch, type KubeConfig } from '@kubernetes/client-node';
import { DriverError } from '../../contract/driver.ts';
import type { WatchEvent } from '../../contract/methods.ts';
import { statusError } from './statusError.ts';

export interface CollectOptions {
  path: string;
  query: Record<string, string | undefined>;
  timeoutMs: number;
  max?: number;
  quietMs: number;
}

/** The events, oldest first; an ERROR event (e.g. 410 Expired) or a refused watch rejects with its DriverError. */
export async function collectEvents(kc: KubeConfig, o: CollectOptions): Promise<WatchEvent[]> {
  const events: WatchEvent[] = [];
  let failure: DriverError | undefined;
  let controller: AbortController | undefined;
  let closed = false;
  await new Promise<void>((resolve) => {
    let timer = setTimeout(() => finish(), o.timeoutMs);
    const finish = () => {
      closed = true;
      clearTimeout(timer);
      resolve();
    };
    const onEvent = (type: string, object: any) => {
      if (type === 'ERROR') {
        failure = statusError(object, Number(object?.code) || 500);
        return finish();
      }
      events.push({ type: type as WatchEvent['type'], object });
      if (o.max !== undefined) return void (events.length >= o.max && finish());
      clearTimeout(timer);
      timer = setTimeout(finish, o.quietMs);
    };
    const onDone = (err: any) => {
      if (closed) return;
      if (err && err.name !== 'AbortError') {
        const code = Number(err.statusCode);
        failure = code ? statusError(undefined, code) : new DriverError({ code: 'Internal', message: `watch ${o.path} failed: ${err.message ?? err}` });
      }
      finish();
    };
    new Watch(kc).watch(o.path, o.query, (type, object) => !closed && onEvent(type, object), onDone).then((c) => {
      controller = c;
      if (closed) c.abort();
    }, onDone);
  });
  controller?.abort();
  if (failure) throw failure;
  return o.max === undefined ? events : events.slice(0, o.max);
}
