// The Store conformance table: every case runs against every backend (memory, etcd).
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store, StoreEvent } from './store.ts';
import { isStoreError } from './storeError.ts';
import { testBackends } from './testBackends.ts';

/** Resolves with the first `count` events after `afterRevision` under `prefix`. */
async function collect(store: Store, prefix: string, afterRevision: number, count: number, during?: () => Promise<void>): Promise<StoreEvent[]> {
  const events: StoreEvent[] = [];
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const watch = await store.watch(prefix, afterRevision, { onEvent: (e) => (events.push(e), events.length >= count && done()) });
  if (count === 0) done();
  await during?.();
  const timer = setTimeout(done, 10_000);
  await finished;
  clearTimeout(timer);
  await watch.stop();
  return events;
}

const rejectsWith = (code: string) => (error: unknown) => isStoreError(error) && error.code === code;

interface Case {
  name: string;
  /** Memory history size for this case (memory backend only). */
  historySize?: number;
  run(store: Store): Promise<void>;
}

const cases: Case[] = [
  {
    name: 'create assigns increasing revisions and get returns the stored value',
    async run(store) {
      const a = await store.create('/pods/ns/a', { n: 1 });
      const b = await store.create('/pods/ns/b', { n: 2 });
      assert.ok(b.revision > a.revision);
      assert.ok((await store.currentRevision()) >= b.revision);
      assert.deepEqual(await store.get('/pods/ns/a'), { key: '/pods/ns/a', value: { n: 1 }, revision: a.revision });
      assert.equal(await store.get('/pods/ns/missing'), undefined);
    },
  },
  {
    name: 'creating an existing key fails with AlreadyExists and keeps the old value',
    async run(store) {
      await store.create('/k', { v: 'old' });
      await assert.rejects(store.create('/k', { v: 'new' }), rejectsWith('AlreadyExists'));
      assert.deepEqual((await store.get('/k'))?.value, { v: 'old' });
    },
  },
  {
    name: 'an update with the current revision succeeds and one with a stale revision fails with Conflict',
    async run(store) {
      const first = await store.create('/k', { v: 1 });
      const second = await store.update('/k', { v: 2 }, first.revision);
      assert.ok(second.revision > first.revision);
      await assert.rejects(store.update('/k', { v: 3 }, first.revision), rejectsWith('Conflict'));
      assert.deepEqual(await store.get('/k'), { key: '/k', value: { v: 2 }, revision: second.revision });
      const third = await store.update('/k', { v: 4 });
      assert.ok(third.revision > second.revision);
    },
  },
  {
    name: 'updating or deleting a missing key fails with NotFound',
    async run(store) {
      await assert.rejects(store.update('/nope', { v: 1 }), rejectsWith('NotFound'));
      await assert.rejects(store.delete('/nope'), rejectsWith('NotFound'));
    },
  },
  {
    name: 'delete honours its precondition and returns the last value at a new revision',
    async run(store) {
      const created = await store.create('/k', { v: 1 });
      const updated = await store.update('/k', { v: 2 });
      await assert.rejects(store.delete('/k', created.revision), rejectsWith('Conflict'));
      const deleted = await store.delete('/k', updated.revision);
      assert.deepEqual(deleted.value, { v: 2 });
      assert.ok(deleted.revision > updated.revision);
      assert.equal(await store.get('/k'), undefined);
    },
  },
  {
    name: 'list returns the keys under a prefix in key order and nothing from a sibling prefix',
    async run(store) {
      for (const key of ['/pods/b/2', '/pods/a/1', '/pods/ab/1', '/pods/b/1', '/nodes/x']) await store.create(key, { key });
      const all = await store.list('/pods/');
      assert.deepEqual(all.items.map((r) => r.key), ['/pods/a/1', '/pods/ab/1', '/pods/b/1', '/pods/b/2']);
      assert.deepEqual((await store.list('/pods/a/')).items.map((r) => r.key), ['/pods/a/1']);
      assert.equal(all.revision, await store.currentRevision());
    },
  },
  {
    name: 'a filtered list with a limit pages through a consistent snapshot',
    async run(store) {
      for (let i = 0; i < 10; i++) await store.create(`/p/${i}`, { i, even: i % 2 === 0 });
      const filter = (v: Record<string, unknown>) => v.even === true;
      const page1 = await store.list('/p/', { limit: 2, filter });
      assert.deepEqual(page1.items.map((r) => r.value.i), [0, 2]);
      assert.ok(page1.nextKey);
      await store.delete('/p/4');
      await store.update('/p/6', { i: 6, even: true, changed: true });
      await store.create('/p/88', { i: 88, even: true });
      const page2 = await store.list('/p/', { limit: 5, filter, startKey: page1.nextKey, revision: page1.revision });
      assert.deepEqual(page2.items.map((r) => r.value), [{ i: 4, even: true }, { i: 6, even: true }, { i: 8, even: true }]);
      assert.equal(page2.revision, page1.revision);
      assert.equal(page2.nextKey, undefined);
      const now = await store.list('/p/', { filter });
      assert.deepEqual(now.items.map((r) => r.value.i), [0, 2, 6, 8, 88]);
    },
  },
  {
    name: 'a watch from an old revision replays every later event once, in order, then live ones',
    async run(store) {
      const start = await store.currentRevision();
      const a = await store.create('/w/a', { v: 1 });
      const a2 = await store.update('/w/a', { v: 2 });
      await store.create('/other/x', { v: 0 });
      const events = await collect(store, '/w/', start, 4, async () => {
        await store.create('/w/b', { v: 3 });
        await store.delete('/w/a');
      });
      assert.deepEqual(events.map((e) => [e.type, e.key, e.value]), [
        ['ADDED', '/w/a', { v: 1 }],
        ['MODIFIED', '/w/a', { v: 2 }],
        ['ADDED', '/w/b', { v: 3 }],
        ['DELETED', '/w/a', { v: 2 }],
      ]);
      assert.equal(events[0].revision, a.revision);
      assert.equal(events[1].revision, a2.revision);
      assert.deepEqual(events[1].prevValue, { v: 1 });
      const revisions = events.map((e) => e.revision);
      assert.deepEqual(revisions, [...revisions].sort((x, y) => x - y));
    },
  },
  {
    name: 'a watch from the current revision sees only later events',
    async run(store) {
      await store.create('/w/a', { v: 1 });
      const now = await store.currentRevision();
      const events = await collect(store, '/w/', now, 1, async () => void (await store.update('/w/a', { v: 2 })));
      assert.deepEqual(events.map((e) => [e.type, e.value]), [['MODIFIED', { v: 2 }]]);
    },
  },
  {
    name: 'concurrent compare-and-swap increments lose no update',
    async run(store) {
      await store.create('/counter', { n: 0 });
      const increment = async () => {
        for (;;) {
          const current = (await store.get('/counter'))!;
          try {
            return await store.update('/counter', { n: (current.value.n as number) + 1 }, current.revision);
          } catch (error) {
            if (!isStoreError(error, 'Conflict')) throw error;
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, increment));
      assert.equal((await store.get('/counter'))?.value.n, 8);
    },
  },
  {
    name: 'after compaction a watch or snapshot read from before it fails with Gone',
    async run(store) {
      const first = await store.create('/g/a', { v: 1 });
      await store.update('/g/a', { v: 2 });
      const last = await store.update('/g/a', { v: 3 });
      await store.compact(last.revision);
      await assert.rejects(store.watch('/g/', first.revision, { onEvent: () => {} }), rejectsWith('Gone'));
      await assert.rejects(store.list('/g/', { revision: first.revision }), rejectsWith('Gone'));
      const events = await collect(store, '/g/', last.revision, 1, async () => void (await store.update('/g/a', { v: 4 })));
      assert.deepEqual(events.map((e) => e.value), [{ v: 4 }]);
    },
  },
  {
    name: 'a bounded history forgets the oldest events and answers Gone for them',
    historySize: 2,
    async run(store) {
      if (store.backend !== 'memory') return;
      const first = await store.create('/h/a', { v: 0 });
      for (let v = 1; v <= 6; v++) await store.update('/h/a', { v });
      await assert.rejects(store.watch('/h/', first.revision, { onEvent: () => {} }), rejectsWith('Gone'));
      const now = await store.currentRevision();
      const events = await collect(store, '/h/', now - 1, 1);
      assert.deepEqual(events.map((e) => e.value), [{ v: 6 }]);
    },
  },
];

const backends = await testBackends();
after(() => Promise.all(backends.map((b) => b.teardown())));

for (const backend of backends) {
  describe(`the ${backend.name} store`, { skip: backend.skip }, () => {
    for (const c of cases) {
      test(c.name, async () => {
        const store = backend.open({ historySize: c.historySize });
        try {
          await c.run(store);
        } finally {
          await store.close();
        }
      });
    }
  });
}
