// The control plane as a whole: the Pod creation flow in the trace, FLOW-6, replay from a seed,
// authentication, and the same components in real time over HTTP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ControlPlane, type ComponentDefinition, type TraceEntry } from './index.ts';
import { node, pod } from './testing/fixturePlane.ts';
import { memoryStore, type Store } from '../store/index.ts';
import { RestClient, inProcessTransport, isStatus } from '../client/index.ts';

const describe = (e: TraceEntry) =>
  e.kind === 'request' ? `${e.actor} ${e.verb} ${e.resource}${e.subresource ? `/${e.subresource}` : ''} ${e.name ?? ''} ${e.code}`
  : e.kind === 'watch' ? `→${e.actor} ${e.type} ${e.resource} ${e.name ?? ''}`
  : e.kind === 'store' ? `${e.actor} store.${e.op} ${e.key}` : `${e.actor} error ${e.message}`;

async function podFlow(seed: number): Promise<{ plane: ControlPlane; lines: string[] }> {
  const plane = await ControlPlane.start({ seed });
  await plane.client.create(node('n1'));
  await plane.client.create(pod('web'));
  await plane.settle();
  return { plane, lines: plane.trace.since().map(describe) };
}

test('the Pod creation flow shows in the trace: stored, seen by the scheduler, bound', async () => {
  const { plane, lines } = await podFlow(1);
  try {
    const at = (line: string) => {
      const i = lines.indexOf(line);
      assert.ok(i >= 0, `trace has "${line}"`);
      return i;
    };
    const stored = at('kconform create pods web 201');
    const seen = at('→kube-scheduler ADDED pods web');
    const bound = at('kube-scheduler create pods/binding web 201');
    assert.ok(stored < seen && seen < bound, `stored ${stored} < seen ${seen} < bound ${bound}`);
    assert.equal((await plane.client.get('Pod', 'default', 'web')).spec.nodeName, 'n1');
  } finally {
    await plane.stop();
  }
});

test('the same seed replays the same run, entry for entry', async () => {
  const a = await podFlow(42);
  const b = await podFlow(42);
  await Promise.all([a.plane.stop(), b.plane.stop()]);
  assert.ok(a.lines.length > 100);
  assert.deepEqual(b.lines, a.lines);
  assert.deepEqual(b.plane.trace.since().map((e) => e.at), a.plane.trace.since().map((e) => e.at));
});

test('only the API server touches the store (FLOW-6), and a component that does is named', async () => {
  let leaked: Store | undefined;
  const rogue: ComponentDefinition = {
    name: 'rogue',
    description: 'reads the store behind the API server',
    async start(ctx) {
      const queue = ctx.queue(async () => void (await leaked!.get('/pods/default/web')));
      ctx.informer('Pod').on({ add: () => queue.add('x') }).start();
    },
  };
  const clean = await ControlPlane.start({ components: ['kube-scheduler', 'endpoints-controller'] });
  const dirty = await ControlPlane.start({ components: [rogue] });
  leaked = dirty.store;
  try {
    for (const plane of [clean, dirty]) {
      await plane.client.create(pod('web'));
      await plane.settle();
    }
    const actors = (plane: ControlPlane) => [...new Set(plane.trace.since().filter((e) => e.kind === 'store').map((e) => e.actor))];
    assert.deepEqual(actors(clean), ['kube-apiserver']);
    assert.deepEqual(actors(dirty), ['kube-apiserver', 'rogue']);
  } finally {
    await clean.stop();
    await dirty.stop();
  }
});

test('without anonymous admin a request needs the admin token or a service-account token', async () => {
  const plane = await ControlPlane.start({ anonymousAdmin: false, components: [] });
  try {
    const anonymous = new RestClient({ transport: inProcessTransport(plane.handler) });
    await assert.rejects(anonymous.list('Pod'), (e) => isStatus(e, 'Unauthorized') && e.code === 401 && e.message === 'Unauthorized');
    assert.equal((await plane.client.list('Namespace')).items.length, 4);
    assert.equal((await plane.handler.handle({ method: 'GET', url: '/healthz' })).status, 200);
  } finally {
    await plane.stop();
  }
});

test('the same components run in real time against the HTTP API server', { timeout: 30_000 }, async () => {
  const store = memoryStore();
  const plane = await ControlPlane.start({ store, clock: 'real', http: { port: 0 }, componentsOverHttp: true, anonymousAdmin: false });
  try {
    assert.match(plane.url!, /^http:\/\/127\.0\.0\.1:\d+$/);
    await plane.client.create(node('n1'));
    await plane.client.create(pod('web'));
    await plane.settle();
    for (let i = 0; i < 100 && !(await plane.client.get('Pod', 'default', 'web')).spec.nodeName; i++) await plane.advance(50);
    assert.equal((await plane.client.get('Pod', 'default', 'web')).spec.nodeName, 'n1');
    assert.ok((await plane.client.list('ServiceAccount', { namespace: 'default' })).items.length === 1);
  } finally {
    await plane.stop();
    await store.close();
  }
});
