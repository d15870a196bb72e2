// The reference driver's `objects` capability: answers and errors in the protocol's shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DriverError } from '../../contract/driver.ts';
import { memoryStore } from '../../../impl/store/index.ts';
import { createApiHandler } from '../../../impl/apiserver/index.ts';
import { createObjectsHandlers } from './objects.ts';

const fresh = () => {
  const api = createApiHandler(memoryStore());
  return createObjectsHandlers(() => api);
};
const pod = (name: string, namespace?: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'i' }] } });
const code = (expected: string) => (e: unknown) => e instanceof DriverError && e.code === expected;
const rejects = (answer: unknown, check: (e: unknown) => boolean) => assert.rejects(Promise.resolve(answer), check);

test('create, get and list answer objects with kind, defaulting to the default namespace', async () => {
  const h = fresh();
  const created = (await h['objects.create']({ object: pod('a') })).object;
  assert.deepEqual([created.kind, created.metadata.namespace], ['Pod', 'default']);
  assert.equal((await h['objects.get']({ kind: 'Pod', namespace: 'default', name: 'a' })).object.metadata.uid, created.metadata.uid);
  const list = await h['objects.list']({ kind: 'Pod', labelSelector: 'app=a' });
  assert.deepEqual(list.items.map((o) => [o.kind, o.metadata.name]), [['Pod', 'a']]);
});

test('a stale update fails with Conflict and an invalid object with Invalid and causes', async () => {
  const h = fresh();
  const created = (await h['objects.create']({ object: pod('a') })).object;
  await h['objects.patch']({ kind: 'Pod', namespace: 'default', name: 'a', patch: { metadata: { labels: { x: 'y' } } } });
  await rejects(h['objects.update']({ object: created }), code('Conflict'));
  const bad = pod('b');
  bad.spec.containers[0].image = '';
  await rejects(h['objects.create']({ object: bad }), (e: unknown) => code('Invalid')(e) && (e as DriverError).causes?.[0].field === 'spec.containers[0].image');
  await rejects(h['objects.get']({ kind: 'Pod', namespace: 'default', name: 'zz' }), code('NotFound'));
  await rejects(h['objects.create']({ object: pod('c', 'missing') }), code('NotFound'));
});

test('events since a resourceVersion come in order, and delete honours its precondition', async () => {
  const h = fresh();
  const created = (await h['objects.create']({ object: pod('a') })).object;
  await h['objects.patch']({ kind: 'Pod', namespace: 'default', name: 'a', patch: { metadata: { labels: { v: '2' } } } });
  await rejects(h['objects.delete']({ kind: 'Pod', namespace: 'default', name: 'a', resourceVersion: created.metadata.resourceVersion }), code('Conflict'));
  await h['objects.delete']({ kind: 'Pod', namespace: 'default', name: 'a' });
  const got = await h['objects.events']({ kind: 'Pod', namespace: 'default', resourceVersion: created.metadata.resourceVersion!, timeoutMs: 2000 });
  assert.deepEqual(got.events.map((e) => e.type), ['MODIFIED', 'DELETED']);
  assert.equal(got.resourceVersion, got.events[1].object.metadata.resourceVersion);
});
