// ApiClient over both transports, the informer (list+watch, re-list on 410 Gone) and the work queue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryStore } from '../store/index.ts';
import { createApiHandler, startApiServer } from '../apiserver/index.ts';
import { SeededScheduler } from '../clock/index.ts';
import { ApiStatusError, Informer, RestClient, TerminalError, WorkQueue, httpTransport, inProcessTransport, type ApiClient, type Transport } from './index.ts';

const cm = (name: string, data: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data });

/** The same conversation with the API server, whatever the transport. */
async function conversation(client: ApiClient): Promise<string[]> {
  const log: string[] = [];
  const made = await client.create(cm('a', { k: '1' }));
  log.push(`created ${made.metadata.name} ${made.kind}`);
  const patched = await client.patch('ConfigMap', 'default', 'a', { data: { k: '2' } });
  log.push(`patched ${patched.data.k}`);
  await client.update({ ...made, data: { k: 'stale' } }).catch((e: ApiStatusError) => log.push(`update ${e.code} ${e.reason}`));
  await client.get('ConfigMap', 'default', 'nope').catch((e: ApiStatusError) => log.push(`get ${e.code} ${e.reason}: ${e.message}`));
  log.push(`listed ${(await client.list('ConfigMap', { namespace: 'default' })).items.map((o) => `${o.kind}/${o.metadata.name}`).join()}`);
  await client.delete('ConfigMap', 'default', 'a');
  log.push(`left ${(await client.list('ConfigMap', {})).items.length}`);
  return log;
}

const WANT = ['created a ConfigMap', 'patched 2', 'update 409 Conflict', 'get 404 NotFound: configmaps "nope" not found', 'listed ConfigMap/a', 'left 0'];

test('the in-process client talks to the API handler like any client', async () => {
  const client = new RestClient({ transport: inProcessTransport(await createApiHandler(memoryStore())) });
  assert.deepEqual(await conversation(client), WANT);
});

test('the HTTP client says the same over a keep-alive connection, and watches a stream', { timeout: 20_000 }, async () => {
  const server = await startApiServer({ store: memoryStore() });
  const transport = httpTransport({ url: server.url });
  try {
    const client = new RestClient({ transport });
    assert.deepEqual(await conversation(client), WANT);
    const seen: string[] = [];
    let arrived!: () => void;
    const two = new Promise<void>((resolve) => (arrived = resolve));
    const watch = client.watch('ConfigMap', { namespace: 'default', resourceVersion: '0' }, {
      onEvent: (e) => (seen.push(`${e.type} ${e.object.metadata.name}`), seen.length === 2 && arrived()),
    });
    await client.create(cm('w1'));
    await client.delete('ConfigMap', 'default', 'w1');
    await two;
    watch.stop();
    assert.deepEqual(seen, ['ADDED w1', 'DELETED w1']);
  } finally {
    transport.close();
    await server.close();
  }
});

/** A transport whose open watches the test can end, as a dropped connection would. */
function cuttable(inner: Transport): Transport & { cut(): void } {
  const ends: (() => void)[] = [];
  return {
    request: (r) => inner.request(r),
    watch(r, onEvent, onEnd) {
      let open = true;
      const handle = inner.watch(r, (e) => open && onEvent(e), (e) => open && onEnd(e));
      ends.push(() => {
        if (!open) return;
        open = false;
        handle.stop();
        onEnd();
      });
      return handle;
    },
    cut: () => ends.splice(0).forEach((end) => end()),
  };
}

test('an informer keeps its cache from list+watch, and re-lists after 410 Gone', async () => {
  const store = memoryStore();
  const tasks = new SeededScheduler();
  const transport = cuttable(inProcessTransport(await createApiHandler(store)));
  const client = new RestClient({ transport, tasks });
  await client.create(cm('kept'));
  await client.create(cm('removed'));
  const informer = new Informer(client, 'ConfigMap', { namespace: 'default' }, tasks.clock);
  const seen: string[] = [];
  informer.on({ add: (o) => seen.push(`add ${o.metadata.name}`), update: (_, o) => seen.push(`update ${o.metadata.name}`), delete: (o) => seen.push(`delete ${o.metadata.name}`) });
  await informer.start();
  await client.create(cm('watched'));
  await tasks.settle();
  assert.deepEqual(seen, ['add kept', 'add removed', 'add watched']);
  assert.throws(() => void (informer.get('default/kept')!.data = {}), TypeError, 'cached objects are frozen');

  transport.cut();
  await client.patch('ConfigMap', 'default', 'kept', { data: { v: '2' } });
  await client.delete('ConfigMap', 'default', 'removed');
  await client.create(cm('missed'));
  await store.compact(await store.currentRevision());
  await tasks.settle();
  assert.equal(informer.lists, 2, 'listed again after Gone');
  assert.deepEqual(seen.slice(3).sort(), ['add missed', 'delete removed', 'update kept']);
  assert.deepEqual(informer.list().map((o) => o.metadata.name).sort(), ['kept', 'missed', 'watched']);
  informer.stop();
});

function queueWith(reconcile: (key: string) => unknown) {
  const tasks = new SeededScheduler();
  const queue = new WorkQueue({ name: 'q', tasks, clock: tasks.clock, reconcile: reconcile as never });
  return { tasks, queue };
}

test('a key added many times before it is processed is processed once', async () => {
  const done: string[] = [];
  const { tasks, queue } = queueWith((k) => void done.push(k));
  for (const k of ['a', 'b', 'a', 'a']) queue.add(k);
  await tasks.settle();
  assert.deepEqual(done, ['a', 'b']);
});

test('a key added while it is processed is processed again afterwards, never concurrently', async () => {
  const done: string[] = [];
  let active = 0;
  const { tasks, queue } = queueWith(async (k) => {
    assert.equal(active++, 0);
    if (done.length === 0) queue.add(k);
    await tasks.clock.sleep(10);
    done.push(k);
    active--;
  });
  queue.add('a');
  await tasks.advance(100);
  assert.deepEqual(done, ['a', 'a']);
});

test('a failure is retried with exponential backoff on the clock; a terminal one is not', async () => {
  const attempts: Record<string, number[]> = { soft: [], hard: [] };
  const { tasks, queue } = queueWith((k) => {
    attempts[k].push(tasks.clock.now() - 1735689600000);
    if (k === 'hard') throw new TerminalError('no');
    if (attempts[k].length < 4) throw new Error('again');
  });
  queue.add('soft');
  queue.add('hard');
  await tasks.advance(1000);
  assert.deepEqual(attempts, { soft: [0, 5, 15, 35], hard: [0] });
  assert.equal(queue.numRequeues('soft'), 0, 'success forgets the failures');
});

test('a reconcile can ask to be run again later', async () => {
  const at: number[] = [];
  const { tasks, queue } = queueWith(() => (at.push(tasks.clock.now() - 1735689600000), at.length < 3 ? { requeueAfterMs: 500 } : undefined));
  queue.add('k');
  await tasks.advance(5000);
  assert.deepEqual(at, [0, 500, 1000]);
});
