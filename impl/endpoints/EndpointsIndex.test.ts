import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { pod, service } from './_fixtures.ts';
import { compareWithRebuild } from './compareWithRebuild.ts';
import { computeEndpoints } from './computeEndpoints.ts';
import { EndpointsIndex } from './EndpointsIndex.ts';
import type { Pod } from './types.ts';

test('a pod change returns only the services that select it', () => {
  const index = new EndpointsIndex();
  index.onServiceChange(service('web'));
  index.onServiceChange(service('db', { selector: { app: 'db' } }));
  index.onServiceChange(service('all', { selector: {} }));
  assert.deepEqual([...index.onPodChange(null, pod('a', { ip: '10.1.0.4' }))].sort(), ['default/all', 'default/web']);
  assert.equal(index.endpoints('default/web')!.subsets![0].addresses![0].ip, '10.1.0.4');
});

test('a readiness change moves the address and reports the service', () => {
  const index = new EndpointsIndex();
  index.onServiceChange(service('web'));
  const ready = pod('a', { ip: '10.1.0.4' });
  index.onPodChange(null, ready);
  const notReady = pod('a', { ip: '10.1.0.4', ready: false });
  assert.deepEqual([...index.onPodChange(ready, notReady)], ['default/web']);
  assert.equal(index.endpoints('default/web')!.subsets![0].notReadyAddresses![0].ip, '10.1.0.4');
});

test('a pod update that changes nothing the endpoints show reports no service', () => {
  const index = new EndpointsIndex();
  index.onServiceChange(service('web'));
  const a = pod('a', { ip: '10.1.0.4' });
  index.onPodChange(null, a);
  const annotated = { ...a, metadata: { ...a.metadata, annotations: { note: 'x' } } };
  assert.deepEqual([...index.onPodChange(a, annotated)], []);
});

test('relabelling a pod moves it from one service to another', () => {
  const index = new EndpointsIndex();
  index.onServiceChange(service('web'));
  index.onServiceChange(service('db', { selector: { app: 'db' } }));
  const a = pod('a', { ip: '10.1.0.4' });
  index.onPodChange(null, a);
  const moved = pod('a', { ip: '10.1.0.4', labels: { app: 'db' } });
  assert.deepEqual([...index.onPodChange(a, moved)].sort(), ['default/db', 'default/web']);
  assert.equal(index.endpoints('default/web')!.subsets, undefined);
  assert.equal(index.endpoints('default/db')!.subsets![0].addresses!.length, 1);
});

test('a service without a selector reads as untouched, and an unknown one as undefined', () => {
  const index = new EndpointsIndex();
  index.onServiceChange(service('manual', { selector: null }));
  assert.equal(index.endpoints('default/manual'), null);
  assert.equal(index.endpoints('default/nope'), undefined);
});

test('deleting a service forgets it and frees its pods', () => {
  const index = new EndpointsIndex();
  index.onServiceChange(service('web'));
  const a = pod('a');
  index.onPodChange(null, a);
  index.onServiceDelete('default', 'web');
  assert.equal(index.endpoints('default/web'), undefined);
  assert.deepEqual([...index.onPodChange(a, null)], []);
});

// Random sequences of pod and service changes over a small world; after each sequence the
// index must equal a from-scratch rebuild.
const podArb = fc.record({
  name: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
  ns: fc.constantFrom('default', 'default', 'default', 'prod'),
  app: fc.constantFrom('web', 'web', 'db'),
  ip: fc.constantFrom('10.1.0.1', '10.1.0.2', '10.1.0.10', '10.1.0.10', null),
  sameUid: fc.boolean(),
  ready: fc.boolean(),
  deleting: fc.constantFrom(false, false, false, true),
  phase: fc.constantFrom('Running', 'Running', 'Running', 'Succeeded'),
  webPort: fc.option(fc.constantFrom(8080, 9090), { nil: undefined }),
  hostname: fc.boolean(),
});
const serviceArb = fc.record({
  name: fc.constantFrom('web', 'db', 'any'),
  ns: fc.constantFrom('default', 'default', 'prod'),
  selector: fc.constantFrom<Record<string, string> | null>({ app: 'web' }, { app: 'db' }, {}, null),
  named: fc.boolean(),
  publish: fc.boolean(),
  headless: fc.boolean(),
});
const opArb = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('pod' as const), p: podArb }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('delete-pod' as const), p: podArb }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('service' as const), s: serviceArb }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('delete-service' as const), s: serviceArb }), weight: 1 },
);

test('after any sequence of changes the index equals a from-scratch rebuild', () => {
  fc.assert(
    fc.property(fc.array(opArb, { minLength: 5, maxLength: 40, size: 'large' }), (ops) => {
      const index = new EndpointsIndex({ capacity: 3 });
      const pods = new Map<string, Pod>();
      for (const op of ops) {
        if (op.kind === 'pod' || op.kind === 'delete-pod') {
          const p = op.p;
          const key = `${p.ns}/${p.name}`;
          const next =
            op.kind === 'delete-pod'
              ? null
              : pod(p.name, {
                  ns: p.ns, labels: { app: p.app }, ip: p.ip, ready: p.ready, deleting: p.deleting, phase: p.phase,
                  uid: p.sameUid ? 'shared' : undefined,
                  ports: p.webPort ? [{ name: 'web', containerPort: p.webPort }] : [],
                  ...(p.hostname ? { hostname: p.name, subdomain: 'web' } : {}),
                });
          index.onPodChange(pods.get(key) ?? null, next);
          if (next) pods.set(key, next);
          else pods.delete(key);
        } else if (op.kind === 'service') {
          const s = op.s;
          index.onServiceChange(
            service(s.name, {
              ns: s.ns, selector: s.selector, publishNotReadyAddresses: s.publish, clusterIP: s.headless ? 'None' : '10.0.0.1',
              ports: s.named ? [{ name: 'http', port: 80, targetPort: 'web' }, { name: 'raw', port: 81, targetPort: 8080 }] : [{ port: 80, targetPort: 8080 }],
            }),
          );
        } else index.onServiceDelete(op.s.ns, op.s.name);
      }
      assert.deepEqual(compareWithRebuild(index, { capacity: 3 }), []);
    }),
    { numRuns: 300, seed: 20240501 },
  );
});

test('compareWithRebuild reports a service whose kept endpoints went stale', () => {
  const index = new EndpointsIndex();
  const svc = service('web');
  index.onServiceChange(svc);
  index.onPodChange(null, pod('a', { ip: '10.1.0.4' }));
  const stale = index.endpoints('default/web')!;
  stale.subsets![0].addresses![0].ip = '10.9.9.9';
  const diffs = compareWithRebuild(index);
  assert.equal(diffs.length, 1);
  assert.deepEqual(diffs[0].expected, computeEndpoints(svc, [pod('a', { ip: '10.1.0.4' })]));
});
