// Server-side dry run through the API handler, on every store backend: each write verb answers as
// a real one would, fails as a real one would, and leaves the store (contents, revision, watch
// events) and the Service allocator untouched.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store, StoreEvent } from '../store/index.ts';
import { testBackends } from '../store/testBackends.ts';
import { testApi, type TestApi } from './testApi.ts';
import { DRY_RUN_CLUSTER_IP } from './kinds/services.ts';

const PODS = '/api/v1/namespaces/default/pods';
const DRY = '?dryRun=All';
const MERGE = 'application/merge-patch+json';
const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
const deployment = (name: string) => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name },
  spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
});

interface Ctx {
  api: TestApi;
  /** Runs `action`, then checks the store's contents and revision are as before and no watch event came. */
  unchanged(action: () => Promise<void>): Promise<void>;
}

/** Every record under `/` with its revision, and the store's revision. */
async function snapshot(store: Store) {
  const { items } = await store.list('/');
  return { revision: await store.currentRevision(), items: items.map((r) => [r.key, r.revision, r.value]) };
}

function unchangedOn(store: Store, api: TestApi): Ctx['unchanged'] {
  let sentinels = 0;
  return async (action) => {
    const before = await snapshot(store);
    const events: StoreEvent[] = [];
    const name = `sentinel-${++sentinels}`;
    let sawSentinel!: () => void;
    const sentinelSeen = new Promise<void>((resolve) => (sawSentinel = resolve));
    const watch = await store.watch('/', before.revision, {
      onEvent: (event) => (event.key.endsWith(`/${name}`) ? sawSentinel() : events.push(event)),
    });
    try {
      await action();
      assert.deepEqual(await snapshot(store), before, 'the store changed');
      // A real write after the dry ones: its event arriving first proves none came before it.
      assert.equal((await api('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name } })).status, 201);
      await sentinelSeen;
      assert.deepEqual(events.map((e) => `${e.type} ${e.key}`), [], 'dry-run writes produced watch events');
    } finally {
      await watch.stop();
    }
  };
}

const cases: { name: string; run(ctx: Ctx): Promise<void> }[] = [
  {
    name: 'a dry-run create answers the object as stored (uid, creationTimestamp, generation, defaults) without a resourceVersion, and stores nothing',
    async run({ api, unchanged }) {
      await unchanged(async () => {
        const created = await api('POST', PODS + DRY, pod('p'));
        assert.equal(created.status, 201);
        assert.deepEqual([created.body.kind, created.body.metadata.name, created.body.metadata.namespace, created.body.metadata.generation], ['Pod', 'p', 'default', 1]);
        assert.match(created.body.metadata.uid, /^[0-9a-f-]{36}$/);
        assert.match(created.body.metadata.creationTimestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        assert.equal(created.body.metadata.resourceVersion, undefined);
        assert.equal(created.body.status.phase, 'Pending');
        const generated = await api('POST', PODS + DRY, { ...pod(''), metadata: { generateName: 'web-' } });
        assert.match(generated.body.metadata.name, /^web-[a-z0-9]{5}$/);
      });
      assert.equal((await api('GET', `${PODS}/p`)).status, 404);
    },
  },
  {
    name: 'a dry-run create fails exactly as a real one: existing name 409, invalid object 422, missing namespace 404, bad body 400',
    async run({ api, unchanged }) {
      await api('POST', PODS, pod('taken'));
      const bad = pod('bad');
      (bad.spec.containers[0] as any).ports = [{ containerPort: 70000 }];
      const requests: [string, unknown][] = [[PODS, pod('taken')], [PODS, bad], ['/api/v1/namespaces/nope/pods', pod('x')], [PODS, { kind: 'Node', metadata: { name: 'x' } }]];
      await unchanged(async () => {
        const dry = await Promise.all(requests.map(([path, body]) => api('POST', path + DRY, body)));
        assert.deepEqual(dry.map((r) => r.status), [409, 422, 404, 400]);
        assert.equal(dry[0].body.message, 'pods "taken" already exists');
        for (const [i, [path, body]] of requests.entries()) assert.deepEqual(dry[i], await api('POST', path, body));
      });
    },
  },
  {
    name: 'a dry-run update answers the new object with the current resourceVersion and next generation, keeps the stored one, and a stale resourceVersion is 409',
    async run({ api, unchanged }) {
      const stored = (await api('POST', PODS, pod('u'))).body;
      const changed = { ...stored, metadata: { ...stored.metadata, labels: { a: 'b' } }, spec: { ...stored.spec, activeDeadlineSeconds: 5 } };
      await unchanged(async () => {
        const updated = await api('PUT', `${PODS}/u${DRY}`, changed);
        assert.equal(updated.status, 200);
        assert.deepEqual([updated.body.metadata.labels, updated.body.metadata.generation, updated.body.metadata.resourceVersion, updated.body.spec.activeDeadlineSeconds], [{ a: 'b' }, 2, stored.metadata.resourceVersion, 5]);
        const stale = await api('PUT', `${PODS}/u${DRY}`, { ...changed, metadata: { ...changed.metadata, resourceVersion: '1' } });
        assert.deepEqual([stale.status, stale.body.reason], [409, 'Conflict']);
        assert.equal((await api('PUT', `${PODS}/missing${DRY}`, pod('missing'))).status, 404);
      });
      assert.deepEqual((await api('GET', `${PODS}/u`)).body, stored);
    },
  },
  {
    name: 'dry-run merge, strategic and JSON patches answer the patched object and change nothing; a stale patch is 409',
    async run({ api, unchanged }) {
      const stored = (await api('POST', PODS, pod('pt'))).body;
      await unchanged(async () => {
        const merge = await api('PATCH', `${PODS}/pt${DRY}`, { metadata: { annotations: { a: '1' } } }, MERGE);
        assert.deepEqual([merge.status, merge.body.metadata.annotations], [200, { a: '1' }]);
        const strategic = await api('PATCH', `${PODS}/pt${DRY}`, { spec: { containers: [{ name: 'c', image: 'nginx:2' }] } }, 'application/strategic-merge-patch+json');
        assert.equal(strategic.body.spec.containers[0].image, 'nginx:2');
        const json = await api('PATCH', `${PODS}/pt${DRY}`, [{ op: 'add', path: '/metadata/labels', value: { x: 'y' } }], 'application/json-patch+json');
        assert.deepEqual(json.body.metadata.labels, { x: 'y' });
        assert.equal(json.body.metadata.resourceVersion, stored.metadata.resourceVersion);
        const stale = await api('PATCH', `${PODS}/pt${DRY}`, { metadata: { resourceVersion: '1', labels: { z: 'z' } } }, MERGE);
        assert.equal(stale.status, 409);
      });
      assert.deepEqual((await api('GET', `${PODS}/pt`)).body, stored);
    },
  },
  {
    name: 'a dry-run delete answers the object and keeps it, with dryRun in the query or in DeleteOptions; a missing object is 404 and a failed precondition 409',
    async run({ api, unchanged }) {
      const stored = (await api('POST', PODS, pod('d'))).body;
      await unchanged(async () => {
        const byQuery = await api('DELETE', `${PODS}/d${DRY}`);
        assert.deepEqual([byQuery.status, byQuery.body.metadata.uid], [200, stored.metadata.uid]);
        const byBody = await api('DELETE', `${PODS}/d`, { kind: 'DeleteOptions', apiVersion: 'v1', dryRun: ['All'] });
        assert.deepEqual([byBody.status, byBody.body.metadata.name], [200, 'd']);
        assert.equal((await api('DELETE', `${PODS}/gone${DRY}`)).status, 404);
        const precondition = await api('DELETE', `${PODS}/d`, { dryRun: ['All'], preconditions: { uid: 'other' } });
        assert.deepEqual([precondition.status, precondition.body.message], [409, `Operation cannot be fulfilled on pods "d": Precondition failed: UID in precondition: other, UID in object meta: ${stored.metadata.uid}`]);
      });
      assert.deepEqual((await api('GET', `${PODS}/d`)).body, stored);
    },
  },
  {
    name: 'a dry-run delete of an object with finalizers answers it marked for deletion, of a namespace Terminating, and marks neither',
    async run({ api, unchanged }) {
      await api('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'kept', finalizers: ['example.com/keep'] } });
      await api('POST', '/api/v1/namespaces', { metadata: { name: 'dry-ns' } });
      await unchanged(async () => {
        const marked = await api('DELETE', `/api/v1/namespaces/default/configmaps/kept${DRY}`);
        assert.ok(marked.body.metadata.deletionTimestamp, 'the answer carries a deletionTimestamp');
        const ns = await api('DELETE', `/api/v1/namespaces/dry-ns${DRY}`);
        assert.equal(ns.body.status.phase, 'Terminating');
      });
      assert.equal((await api('GET', '/api/v1/namespaces/default/configmaps/kept')).body.metadata.deletionTimestamp, undefined);
      assert.equal((await api('GET', '/api/v1/namespaces/dry-ns')).body.status.phase, 'Active');
    },
  },
  {
    name: 'a dry-run deletecollection answers the list it would delete and deletes nothing',
    async run({ api, unchanged }) {
      for (const name of ['c1', 'c2']) await api('POST', PODS, pod(name));
      await unchanged(async () => {
        const reply = await api('DELETE', PODS + DRY);
        assert.deepEqual([reply.status, reply.body.items.map((p: any) => p.metadata.name)], [200, ['c1', 'c2']]);
      });
      assert.equal((await api('GET', PODS)).body.items.length, 2);
    },
  },
  {
    name: 'dry-run writes through status, scale, binding and finalize answer as real ones and change nothing',
    async run({ api, unchanged }) {
      await api('POST', PODS, pod('s'));
      await api('POST', '/apis/apps/v1/namespaces/default/deployments', deployment('web'));
      await api('POST', '/api/v1/namespaces', { metadata: { name: 'ending' } });
      await api('DELETE', '/api/v1/namespaces/ending');
      await unchanged(async () => {
        const status = await api('PATCH', `${PODS}/s/status${DRY}`, { status: { phase: 'Running' } }, MERGE);
        assert.deepEqual([status.status, status.body.status.phase], [200, 'Running']);
        const scale = await api('PUT', `/apis/apps/v1/namespaces/default/deployments/web/scale${DRY}`, { kind: 'Scale', apiVersion: 'autoscaling/v1', metadata: { name: 'web' }, spec: { replicas: 5 } });
        assert.deepEqual([scale.status, scale.body.spec.replicas], [200, 5]);
        const binding = await api('POST', `${PODS}/s/binding${DRY}`, { kind: 'Binding', apiVersion: 'v1', metadata: { name: 's' }, target: { kind: 'Node', name: 'n1' } });
        assert.equal(binding.status, 201);
        const finalize = await api('PUT', `/api/v1/namespaces/ending/finalize${DRY}`, { metadata: { name: 'ending' }, spec: { finalizers: [] } });
        assert.equal(finalize.status, 200);
      });
      const stored = (await api('GET', `${PODS}/s`)).body;
      assert.deepEqual([stored.status.phase, stored.spec.nodeName], ['Pending', undefined]);
      assert.equal((await api('GET', '/apis/apps/v1/namespaces/default/deployments/web')).body.spec.replicas, 1);
      assert.equal((await api('GET', '/api/v1/namespaces/ending')).status, 200);
    },
  },
  {
    name: 'a dry-run Service create shows upstream\'s placeholder cluster IP and node ports and takes none of the real ones',
    async run({ api, unchanged }) {
      const SVCS = '/api/v1/namespaces/default/services';
      const svc = (name: string) => ({ metadata: { name }, spec: { type: 'NodePort', selector: { app: name }, ports: [{ name: 'a', port: 80 }, { name: 'b', port: 81 }] } });
      const first = (await api('POST', SVCS, svc('first'))).body.spec;
      await unchanged(async () => {
        const dry = (await api('POST', SVCS + DRY, svc('dry'))).body.spec;
        assert.deepEqual([dry.clusterIP, dry.clusterIPs, dry.ports.map((p: any) => p.nodePort)], [DRY_RUN_CLUSTER_IP, [DRY_RUN_CLUSTER_IP], [32769, 32770]]);
      });
      const next = (await api('POST', SVCS, svc('next'))).body.spec;
      const lastOctet = (ip: string) => Number(ip.split('.')[3]);
      assert.equal(lastOctet(next.clusterIP), lastOctet(first.clusterIP) + 1, 'the next real Service gets the address after the first one');
      assert.deepEqual(next.ports.map((p: any) => p.nodePort), first.ports.map((p: any) => p.nodePort + 2));
    },
  },
  {
    name: 'dryRun values other than All are 422 with upstream\'s message for each options kind, and reads ignore dryRun',
    async run({ api, unchanged }) {
      await api('POST', PODS, pod('v'));
      const message = (kind: string, values: string) => `${kind}.meta.k8s.io "" is invalid: dryRun: Unsupported value: ${values}: supported values: "All"`;
      await unchanged(async () => {
        const replies = [
          await api('POST', `${PODS}?dryRun=Foo`, pod('w')),
          await api('PUT', `${PODS}/v?dryRun=All&dryRun=x`, pod('v')),
          await api('PATCH', `${PODS}/v?dryRun=`, {}, MERGE),
          await api('DELETE', `${PODS}/v`, { dryRun: ['Foo'] }),
        ];
        assert.deepEqual(replies.map((r) => [r.status, r.body.reason, r.body.message]), [
          [422, 'Invalid', message('CreateOptions', '[]string{"Foo"}')],
          [422, 'Invalid', message('UpdateOptions', '[]string{"All", "x"}')],
          [422, 'Invalid', message('PatchOptions', '[]string{""}')],
          [422, 'Invalid', message('DeleteOptions', '[]string{"Foo"}')],
        ]);
        assert.deepEqual(replies[0].body.details.causes, [{ reason: 'FieldValueNotSupported', message: 'Unsupported value: []string{"Foo"}: supported values: "All"', field: 'dryRun' }]);
        assert.equal((await api('GET', `${PODS}/v?dryRun=Foo`)).status, 200);
      });
    },
  },
];

const backends = await testBackends();
after(() => Promise.all(backends.map((b) => b.teardown())));

for (const backend of backends) {
  describe(`dry run on the ${backend.name} store`, { skip: backend.skip }, () => {
    for (const c of cases) {
      test(c.name, { timeout: 30_000 }, async () => {
        const store = backend.open();
        try {
          const api = await testApi(store);
          await c.run({ api, unchanged: unchangedOn(store, api) });
        } finally {
          await store.close();
        }
      });
    }
  });
}
