// The API server over real HTTP, on every store backend: status codes, Status bodies with causes,
// conflicts, paging, watch resume and Gone, patches, subresources and namespace admission.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../store/index.ts';
import { testBackends } from '../store/testBackends.ts';
import { startApiServer } from './apiServer.ts';

type Reply = { status: number; body: any };
type Api = (method: string, path: string, body?: unknown, contentType?: string) => Promise<Reply>;

function client(url: string): Api {
  return async (method, path, body, contentType = 'application/json') => {
    const init: RequestInit = { method, headers: { 'content-type': contentType } };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const response = await fetch(url + path, init);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* plain text */
    }
    return { status: response.status, body: parsed };
  };
}

/** Reads `count` watch events from a streaming GET. */
async function watchEvents(url: string, path: string, count: number, during?: () => Promise<unknown>): Promise<any[]> {
  const controller = new AbortController();
  const response = await fetch(url + path, { signal: controller.signal });
  const reader = response.body!.getReader();
  const events: any[] = [];
  let buffer = '';
  const duringDone = during?.();
  const guard = setTimeout(() => controller.abort(), 10_000);
  try {
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += Buffer.from(value).toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) events.push(JSON.parse(buffer.slice(0, nl))), (buffer = buffer.slice(nl + 1));
    }
  } catch {
    /* aborted by the guard */
  } finally {
    clearTimeout(guard);
    controller.abort();
  }
  await duringDone;
  return events;
}

const pod = (name: string, extra: Record<string, unknown> = {}, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] }, ...extra,
});
const PODS = '/api/v1/namespaces/default/pods';

interface Ctx {
  api: Api;
  url: string;
  store: Store;
}

const cases: { name: string; run(ctx: Ctx): Promise<void> }[] = [
  {
    name: 'discovery lists pods with their short name and subresources, and apps/v1 deployments',
    async run({ api }) {
      const core = await api('GET', '/api/v1');
      const podsEntry = core.body.resources.find((r: any) => r.name === 'pods');
      assert.deepEqual([podsEntry.kind, podsEntry.namespaced, podsEntry.shortNames], ['Pod', true, ['po']]);
      assert.ok(core.body.resources.some((r: any) => r.name === 'pods/binding'));
      const apps = await api('GET', '/apis/apps/v1');
      assert.ok(apps.body.resources.some((r: any) => r.name === 'deployments'));
      assert.equal((await api('GET', '/apis')).body.groups[0].name, 'apps');
      assert.equal((await api('GET', '/healthz')).body, 'ok');
    },
  },
  {
    name: '/metrics counts the requests answered so far by verb and code, in the Prometheus text format',
    async run({ api }) {
      const before = await api('GET', '/metrics');
      await api('GET', `${PODS}/none`);
      await api('GET', `${PODS}/none`);
      const after = await api('GET', '/metrics');
      assert.equal(after.status, 200);
      assert.match(after.body, /^# TYPE apiserver_request_total counter$/m);
      const count = (text: string) => Number(/^apiserver_request_total\{verb="GET",code="404"\} (\d+)$/m.exec(text)?.[1] ?? 0);
      assert.equal(count(after.body) - count(before.body), 2);
      assert.equal((await api('POST', '/metrics', {})).status, 405);
    },
  },
  {
    name: 'a created pod gets uid, resourceVersion, generation and defaults; a second create is AlreadyExists',
    async run({ api }) {
      const created = await api('POST', PODS, pod('p1'));
      assert.equal(created.status, 201);
      assert.ok(created.body.metadata.uid && created.body.metadata.resourceVersion);
      assert.equal(created.body.metadata.generation, 1);
      assert.equal(created.body.status.phase, 'Pending');
      const again = await api('POST', PODS, pod('p1'));
      assert.equal(again.status, 409);
      assert.equal(again.body.reason, 'AlreadyExists');
      assert.equal(again.body.message, 'pods "p1" already exists');
    },
  },
  {
    name: 'an out-of-range container port is 422 Invalid with the field cause upstream gives',
    async run({ api }) {
      const bad = pod('bad');
      (bad.spec.containers[0] as any).ports = [{ containerPort: 70000 }];
      const reply = await api('POST', PODS, bad);
      assert.equal(reply.status, 422);
      assert.equal(reply.body.message, 'Pod "bad" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive');
      assert.deepEqual(reply.body.details.causes, [{ reason: 'FieldValueInvalid', message: 'Invalid value: 70000: must be between 1 and 65535, inclusive', field: 'spec.containers[0].ports[0].containerPort' }]);
    },
  },
  {
    name: 'a name that is not a DNS-1123 subdomain and a missing image are both reported',
    async run({ api }) {
      const bad = pod('Bad_Name');
      delete (bad.spec.containers[0] as any).image;
      const reply = await api('POST', PODS, bad);
      assert.equal(reply.status, 422);
      assert.deepEqual(reply.body.details.causes.map((c: any) => [c.field, c.reason]), [['metadata.name', 'FieldValueInvalid'], ['spec.containers[0].image', 'FieldValueRequired']]);
      assert.match(reply.body.message, /^Pod "Bad_Name" is invalid: \[metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
    },
  },
  {
    name: 'creating in a missing namespace is 404 and in a terminating one 403 Forbidden',
    async run({ api }) {
      const missing = await api('POST', '/api/v1/namespaces/nope/pods', pod('p'));
      assert.deepEqual([missing.status, missing.body.message], [404, 'namespaces "nope" not found']);
      assert.equal((await api('POST', '/api/v1/namespaces', { metadata: { name: 'doomed' } })).status, 201);
      const deleting = await api('DELETE', '/api/v1/namespaces/doomed');
      assert.equal(deleting.body.status.phase, 'Terminating');
      const refused = await api('POST', '/api/v1/namespaces/doomed/pods', pod('p'));
      assert.equal(refused.status, 403);
      assert.equal(refused.body.message, 'pods "p" is forbidden: unable to create new content in namespace doomed because it is being terminated');
      const finalized = await api('PUT', '/api/v1/namespaces/doomed/finalize', { metadata: { name: 'doomed' }, spec: { finalizers: [] } });
      assert.equal(finalized.status, 200);
      assert.equal((await api('GET', '/api/v1/namespaces/doomed')).status, 404);
      assert.equal((await api('DELETE', '/api/v1/namespaces/kube-system')).status, 403);
    },
  },
  {
    name: 'an update with a stale resourceVersion is 409 Conflict and generation moves only with spec',
    async run({ api }) {
      const created = (await api('POST', PODS, pod('u'))).body;
      const relabeled = await api('PUT', `${PODS}/u`, { ...created, metadata: { ...created.metadata, labels: { a: 'b' } } });
      assert.equal(relabeled.status, 200);
      assert.equal(relabeled.body.metadata.generation, 1);
      assert.ok(Number(relabeled.body.metadata.resourceVersion) > Number(created.metadata.resourceVersion));
      const stale = await api('PUT', `${PODS}/u`, created);
      assert.equal(stale.status, 409);
      assert.equal(stale.body.message, 'Operation cannot be fulfilled on pods "u": the object has been modified; please apply your changes to the latest version and try again');
      const respec = await api('PUT', `${PODS}/u`, { ...relabeled.body, spec: { ...relabeled.body.spec, activeDeadlineSeconds: 5 } });
      assert.equal(respec.body.metadata.generation, 2);
    },
  },
  {
    name: 'malformed, oversized and unsupported bodies are refused without changing stored data',
    async run({ api }) {
      const before = (await api('GET', PODS)).body.items;
      const replies = await Promise.all([
        api('POST', PODS, '{"metadata":'),
        api('POST', PODS, '[1,2]'),
        api('POST', PODS, { kind: 'Node', metadata: { name: 'x' } }),
        api('POST', PODS, { metadata: { name: 7 } }),
        api('POST', PODS, 'name: x', 'text/plain'),
        api('POST', PODS, JSON.stringify({ metadata: { name: 'big', annotations: { a: 'x'.repeat(1_600_000) } } })),
        api('POST', PODS, '['.repeat(5000) + ']'.repeat(5000)),
        api('PATCH', `${PODS}/nope`, '{}', 'application/json'),
        api('GET', '/api/v1/namespaces/default/widgets'),
        api('POST', '/api/v1/pods', pod('x')),
      ]);
      assert.deepEqual(replies.map((r) => r.status), [400, 400, 400, 400, 415, 413, 400, 415, 404, 405]);
      for (const r of replies) assert.equal(r.body.kind, 'Status');
      assert.deepEqual((await api('GET', PODS)).body.items, before);
    },
  },
  {
    name: 'label and field selectors filter lists, and bad selectors are 400',
    async run({ api }) {
      await api('POST', PODS, pod('s1', {}, { app: 'a' }));
      await api('POST', PODS, pod('s2', {}, { app: 'b' }));
      await api('POST', '/api/v1/namespaces', { metadata: { name: 'other' } });
      await api('POST', '/api/v1/namespaces/other/pods', pod('s1', {}, { app: 'a' }));
      const names = async (path: string) => (await api('GET', path)).body.items.map((p: any) => `${p.metadata.namespace}/${p.metadata.name}`);
      assert.deepEqual(await names(`${PODS}?labelSelector=app%3Da`), ['default/s1']);
      assert.deepEqual(await names('/api/v1/pods?labelSelector=app%20in%20(a)'), ['default/s1', 'other/s1']);
      assert.deepEqual(await names('/api/v1/pods?fieldSelector=metadata.namespace%3Dother'), ['other/s1']);
      assert.deepEqual(await names(`${PODS}?fieldSelector=metadata.name%3Ds2,status.phase%3DPending`), ['default/s2']);
      assert.equal((await api('GET', `${PODS}?labelSelector=a%20b`)).status, 400);
      const unknown = await api('GET', `${PODS}?fieldSelector=spec.foo%3Dx`);
      assert.deepEqual([unknown.status, unknown.body.message], [400, 'field label not supported: spec.foo']);
    },
  },
  {
    name: 'limit and continue page through one snapshot',
    async run({ api }) {
      for (let i = 0; i < 5; i++) await api('POST', PODS, pod(`page-${i}`));
      const first = await api('GET', `${PODS}?limit=2`);
      assert.deepEqual(first.body.items.map((p: any) => p.metadata.name), ['page-0', 'page-1']);
      await api('DELETE', `${PODS}/page-3`);
      const second = await api('GET', `${PODS}?limit=10&continue=${first.body.metadata.continue}`);
      assert.deepEqual(second.body.items.map((p: any) => p.metadata.name), ['page-2', 'page-3', 'page-4']);
      assert.equal(second.body.metadata.continue, undefined);
      assert.equal((await api('GET', `${PODS}?limit=2&continue=garbage`)).status, 400);
    },
  },
  {
    name: 'a watch resumes from a resourceVersion with every later event, and a compacted one ends in 410 Expired',
    async run({ api, url, store }) {
      const created = (await api('POST', PODS, pod('w', {}, { app: 'w' }))).body;
      await api('PATCH', `${PODS}/w`, { metadata: { labels: { app: 'w', v: '2' } } }, 'application/merge-patch+json');
      const events = await watchEvents(url, `${PODS}?watch=true&labelSelector=app%3Dw&resourceVersion=${created.metadata.resourceVersion}`, 2, () => api('DELETE', `${PODS}/w`));
      assert.deepEqual(events.map((e) => [e.type, e.object.metadata.name]), [['MODIFIED', 'w'], ['DELETED', 'w']]);
      await store.compact(await store.currentRevision());
      const gone = await watchEvents(url, `${PODS}?watch=true&resourceVersion=${created.metadata.resourceVersion}`, 1);
      assert.equal(gone[0].type, 'ERROR');
      assert.deepEqual([gone[0].object.code, gone[0].object.reason], [410, 'Expired']);
    },
  },
  {
    name: 'every watch event names its object\'s apiVersion and kind, also for an object posted without them',
    async run({ api, url }) {
      const { apiVersion: _v, kind: _k, ...bare } = pod('bare', {}, { app: 'bare' });
      await api('POST', PODS, bare);
      const events = await watchEvents(url, `${PODS}?watch=true&labelSelector=app%3Dbare`, 3, async () => {
        await api('PATCH', `${PODS}/bare`, { metadata: { labels: { app: 'bare', v: '2' } } }, 'application/merge-patch+json');
        await api('DELETE', `${PODS}/bare`);
      });
      assert.deepEqual(events.map((e) => [e.type, e.object.apiVersion, e.object.kind]), [['ADDED', 'v1', 'Pod'], ['MODIFIED', 'v1', 'Pod'], ['DELETED', 'v1', 'Pod']]);
    },
  },
  {
    name: 'merge, strategic and JSON patches change what they name',
    async run({ api }) {
      const base = pod('pt');
      base.spec.containers.push({ name: 'side', image: 'busybox' });
      await api('POST', PODS, base);
      const strategic = await api('PATCH', `${PODS}/pt`, { spec: { containers: [{ name: 'side', image: 'busybox:2' }] } }, 'application/strategic-merge-patch+json');
      assert.deepEqual(strategic.body.spec.containers.map((c: any) => c.image), ['nginx', 'busybox:2']);
      const merge = await api('PATCH', `${PODS}/pt`, { metadata: { annotations: { a: '1' } } }, 'application/merge-patch+json');
      assert.deepEqual(merge.body.metadata.annotations, { a: '1' });
      const json = await api('PATCH', `${PODS}/pt`, [{ op: 'add', path: '/metadata/labels/x', value: 'y' }], 'application/json-patch+json');
      assert.equal(json.body.metadata.labels.x, 'y');
      const stale = await api('PATCH', `${PODS}/pt`, { metadata: { resourceVersion: '1', labels: { z: 'z' } } }, 'application/merge-patch+json');
      assert.equal(stale.status, 409);
    },
  },
  {
    name: 'binding assigns a node once, and status is written only through the status subresource',
    async run({ api }) {
      await api('POST', PODS, pod('b'));
      const binding = { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'b' }, target: { kind: 'Node', name: 'n1' } };
      assert.equal((await api('POST', `${PODS}/b/binding`, binding)).status, 201);
      const again = await api('POST', `${PODS}/b/binding`, { ...binding, target: { kind: 'Node', name: 'n2' } });
      assert.deepEqual([again.status, again.body.message], [409, 'Operation cannot be fulfilled on pods/binding "b": pod b is already assigned to node "n1"']);
      const bound = (await api('GET', `${PODS}/b`)).body;
      assert.equal(bound.spec.nodeName, 'n1');
      const ignored = await api('PUT', `${PODS}/b`, { ...bound, status: { phase: 'Running' } });
      assert.equal(ignored.body.status.phase, 'Pending');
      const running = await api('PATCH', `${PODS}/b/status`, { status: { phase: 'Running' } }, 'application/merge-patch+json');
      assert.equal(running.body.status.phase, 'Running');
      assert.deepEqual((await api('GET', `${PODS}?fieldSelector=spec.nodeName%3Dn1,status.phase%3DRunning`)).body.items.map((p: any) => p.metadata.name), ['b']);
    },
  },
];

const backends = await testBackends();
after(() => Promise.all(backends.map((b) => b.teardown())));

for (const backend of backends) {
  describe(`the API server over HTTP on the ${backend.name} store`, { skip: backend.skip }, () => {
    for (const c of cases) {
      test(c.name, async () => {
        const store = backend.open();
        const server = await startApiServer({ store });
        try {
          await c.run({ api: client(server.url), url: server.url, store });
        } finally {
          await server.close();
          await store.close();
        }
      });
    }
  });
}
