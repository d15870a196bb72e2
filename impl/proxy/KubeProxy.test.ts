import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { pod, service } from '../endpoints/_fixtures.ts';
import { computeEndpoints } from '../endpoints/computeEndpoints.ts';
import type { Pod, Service } from '../endpoints/types.ts';
import { KubeProxy } from './KubeProxy.ts';

const nodes = { 'node-1': '192.168.0.1', 'node-2': '192.168.0.2' };
function proxyFor(svc: Service, pods: Pod[]): KubeProxy {
  const proxy = new KubeProxy({ nodes });
  proxy.sync([svc], [computeEndpoints(svc, pods)!]);
  return proxy;
}
const web = (extra: Record<string, unknown> = {}) =>
  service('web', { ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }], type: 'NodePort', ...extra });

test('a connection to the cluster IP reaches a ready pod on the target port', () => {
  const got = proxyFor(web(), [pod('a', { ip: '10.1.0.4' })]).route({ ip: '10.0.0.10', port: 80 });
  assert.deepEqual(got, { routed: true, service: 'default/web', portName: 'default/web:http', via: 'clusterIP', podIP: '10.1.0.4', port: 8080, nodeName: 'node-1' });
});

test('a connection to any node IP on the node port reaches the same backends', () => {
  const got = proxyFor(web(), [pod('a', { ip: '10.1.0.4' })]).route({ ip: '192.168.0.2', port: 30080 });
  assert.equal(got.routed && `${got.via} ${got.podIP}:${got.port}`, 'nodePort 10.1.0.4:8080');
});

test('a service with only not-ready pods rejects with upstream\'s "has no endpoints"', () => {
  const got = proxyFor(web(), [pod('a', { ip: '10.1.0.4', ready: false })]).route({ ip: '10.0.0.10', port: 80 });
  assert.deepEqual(got, { routed: false, reason: 'NoEndpoints', message: 'default/web:http has no endpoints' });
});

test('an address nobody serves, a wrong protocol or a headless service is not routed', () => {
  const proxy = proxyFor(web(), [pod('a')]);
  assert.equal(proxy.route({ ip: '10.0.0.10', port: 81 }).routed, false);
  assert.equal(proxy.route({ ip: '10.0.0.10', port: 80, protocol: 'UDP' }).routed, false);
  const headless = service('h', { clusterIP: 'None' });
  proxy.onServiceChange(headless);
  assert.equal(proxy.route({ ip: 'None', port: 80 }).routed, false);
});

test('externalTrafficPolicy Local sends node port traffic only to pods on that node', () => {
  const proxy = proxyFor(web({ externalTrafficPolicy: 'Local' }), [pod('a', { ip: '10.1.0.4', node: 'node-1' })]);
  assert.equal(proxy.route({ ip: '192.168.0.1', port: 30080 }).routed, true);
  assert.deepEqual(proxy.route({ ip: '192.168.0.2', port: 30080 }), { routed: false, reason: 'NoLocalEndpoints', message: 'default/web:http has no local endpoints' });
});

test('ClientIP affinity keeps a client on its backend until the timeout passes', () => {
  const svc = web({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10 } } });
  const proxy = proxyFor(svc, [pod('a', { ip: '10.1.0.4' }), pod('b', { ip: '10.1.0.5' })]);
  const at = (clientIP: string, now: number) => {
    const r = proxy.route({ ip: '10.0.0.10', port: 80, clientIP, now });
    return r.routed ? r.podIP : r.reason;
  };
  assert.equal(at('1.1.1.1', 0), '10.1.0.4');
  assert.equal(at('2.2.2.2', 0), '10.1.0.5');
  assert.equal(at('1.1.1.1', 9_000), '10.1.0.4');
  assert.equal(at('1.1.1.1', 19_000), '10.1.0.4', 'each use refreshes the timer');
  assert.equal(at('1.1.1.1', 29_001), '10.1.0.4', 'expired: round-robin happens to pick a again');
  assert.equal(at('2.2.2.2', 29_001), '10.1.0.5', 'expired: round-robin continues');
});

test('ClientIP affinity moves a client off a backend that is no longer ready', () => {
  const svc = web({ sessionAffinity: 'ClientIP' });
  const proxy = proxyFor(svc, [pod('a', { ip: '10.1.0.4' }), pod('b', { ip: '10.1.0.5' })]);
  const first = proxy.route({ ip: '10.0.0.10', port: 80, clientIP: '1.1.1.1' });
  assert.equal(first.routed && first.podIP, '10.1.0.4');
  proxy.onEndpointsChange(computeEndpoints(svc, [pod('a', { ip: '10.1.0.4', ready: false }), pod('b', { ip: '10.1.0.5' })])!);
  const next = proxy.route({ ip: '10.0.0.10', port: 80, clientIP: '1.1.1.1' });
  assert.equal(next.routed && next.podIP, '10.1.0.5');
});

test('load is spread within one connection of even and never reaches a not-ready or deleted pod', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('ready', 'notReady', 'deleted'), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 200 }), (states, n) => {
      const pods = states.map((s, i) => pod(`p${i}`, { ip: `10.1.0.${i + 1}`, ready: s === 'ready', deleting: s === 'deleted' }));
      const proxy = proxyFor(web(), pods);
      const ready = new Set(pods.filter((_, i) => states[i] === 'ready').map((p) => p.status!.podIP!));
      const counts = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const r = proxy.route({ ip: '10.0.0.10', port: 80 });
        if (ready.size === 0) return assert.equal(r.routed, false);
        assert.ok(r.routed && ready.has(r.podIP), 'routed to a ready pod');
        counts.set(r.podIP, (counts.get(r.podIP) ?? 0) + 1);
      }
      for (const ip of ready) {
        const c = counts.get(ip) ?? 0;
        assert.ok(c >= Math.floor(n / ready.size) && c <= Math.ceil(n / ready.size), `${ip} got ${c} of ${n}`);
      }
    }),
    { numRuns: 200, seed: 3 },
  );
});

test('an Endpoints port written without a protocol counts as TCP', () => {
  const svc = service('db', { selector: null, ports: [{ port: 5432 }] });
  const endpoints = { apiVersion: 'v1' as const, kind: 'Endpoints' as const, metadata: { name: 'db', namespace: 'default' }, subsets: [{ addresses: [{ ip: '10.9.0.1' }], ports: [{ port: 5432 } as { port: number; protocol: string }] }] };
  const proxy = new KubeProxy();
  proxy.sync([svc], [endpoints]);
  const got = proxy.route({ ip: svc.spec!.clusterIP!, port: 5432 });
  assert.equal(got.routed && `${got.podIP}:${got.port}`, '10.9.0.1:5432');
});
