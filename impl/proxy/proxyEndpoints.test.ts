import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Endpoints } from '../endpoints/types.ts';
import type { EndpointSlice } from '../endpointslices/types.ts';
import { sliceServiceKey } from '../endpointslices/types.ts';
import { fromEndpointSlice, fromEndpoints, mergeSources, usableEndpoints, type ProxyEndpoint } from './proxyEndpoints.ts';
import { KubeProxy } from './KubeProxy.ts';

const sliceOf = (extra: Partial<EndpointSlice>): EndpointSlice => ({
  metadata: { name: 'web-1', namespace: 'shop', labels: { 'kubernetes.io/service-name': 'web' } },
  addressType: 'IPv4',
  ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
  endpoints: [{ addresses: ['10.1.0.1'], conditions: {} }],
  ...extra,
});
/** Each endpoint as `ip:port ready,serving,terminating` (r/s/t or -). */
const show = (list: readonly ProxyEndpoint[] | undefined) => (list ?? []).map((e) => `${e.ip}:${e.port}${e.nodeName ? `@${e.nodeName}` : ''} ${e.ready ? 'r' : '-'}${e.serving ? 's' : '-'}${e.terminating ? 't' : '-'}`);

const sliceCases: { name: string; slice: Partial<EndpointSlice>; want: Record<string, string[]> }[] = [
  { name: 'missing conditions mean ready and serving, not terminating', slice: {}, want: { 'http/TCP': ['10.1.0.1:8080 rs-'] } },
  {
    name: 'conditions as written; only the first address counts; the node is kept',
    slice: { endpoints: [{ addresses: ['10.1.0.2', '10.1.0.3'], conditions: { ready: false, serving: true, terminating: true }, nodeName: 'n1' }] },
    want: { 'http/TCP': ['10.1.0.2:8080@n1 -st'] },
  },
  { name: 'an endpoint without addresses is skipped', slice: { endpoints: [{ addresses: [], conditions: {} }] }, want: {} },
  { name: 'a port without a name or without a number is skipped', slice: { ports: [{ port: 8080 }, { name: 'x' }, { name: '', port: 81, protocol: 'UDP' }] }, want: { '/UDP': ['10.1.0.1:81 rs-'] } },
  { name: 'a missing protocol is TCP', slice: { ports: [{ name: '', port: 80 }] }, want: { '/TCP': ['10.1.0.1:80 rs-'] } },
  { name: 'FQDN slices carry no IP and are skipped', slice: { addressType: 'FQDN' }, want: {} },
  { name: 'IPv6 slices are read', slice: { addressType: 'IPv6', endpoints: [{ addresses: ['fd00::1'], conditions: {} }] }, want: { 'http/TCP': ['fd00::1:8080 rs-'] } },
];

for (const c of sliceCases) {
  test(`from an EndpointSlice: ${c.name}`, () => {
    const got = fromEndpointSlice(sliceOf(c.slice));
    assert.deepEqual(Object.fromEntries([...got].map(([k, v]) => [k, show(v)])), c.want);
  });
}

test('a slice belongs to the service its kubernetes.io/service-name label names, in its own namespace', () => {
  assert.equal(sliceServiceKey(sliceOf({})), 'shop/web');
  assert.equal(sliceServiceKey(sliceOf({ metadata: { name: 'x' } })), undefined);
});

test('from Endpoints: addresses are ready and serving, notReadyAddresses neither, none terminating', () => {
  const endpoints: Endpoints = {
    apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'shop' },
    subsets: [{ addresses: [{ ip: '10.1.0.1', nodeName: 'n1' }], notReadyAddresses: [{ ip: '10.1.0.2' }], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }],
  };
  assert.deepEqual(show(fromEndpoints(endpoints).get('http/TCP')), ['10.1.0.1:8080@n1 rs-', '10.1.0.2:8080 ---']);
});

test('merging sources lists each ip:port once, the first source winning, sorted by IP then port', () => {
  const a = fromEndpointSlice(sliceOf({ endpoints: [{ addresses: ['10.1.0.9'], conditions: {} }, { addresses: ['10.1.0.2'], conditions: { ready: false } }] }));
  const b = fromEndpointSlice(sliceOf({ endpoints: [{ addresses: ['10.1.0.2'], conditions: {} }, { addresses: ['10.1.0.10'], conditions: {} }] }));
  assert.deepEqual(show(mergeSources([a, b], 'http/TCP')), ['10.1.0.10:8080 rs-', '10.1.0.2:8080 -s-', '10.1.0.9:8080 rs-']);
  assert.deepEqual(mergeSources([a, b], 'other/TCP'), []);
});

const e = (ip: string, ready: boolean, serving: boolean, terminating: boolean): ProxyEndpoint => ({ ip, port: 80, ready, serving, terminating });
const usableCases: { name: string; endpoints: ProxyEndpoint[]; want: string[] }[] = [
  { name: 'the ready ones when any is ready', endpoints: [e('a', true, true, false), e('b', false, true, true), e('c', false, false, false)], want: ['a'] },
  { name: 'a ready terminating endpoint counts as ready', endpoints: [e('a', true, true, true), e('b', false, true, true)], want: ['a'] },
  { name: 'else the serving terminating ones', endpoints: [e('b', false, true, true), e('c', false, false, true), e('d', false, true, false)], want: ['b'] },
  { name: 'else none', endpoints: [e('c', false, false, true), e('d', false, true, false)], want: [] },
];
for (const c of usableCases) {
  test(`usable endpoints: ${c.name}`, () => assert.deepEqual(usableEndpoints(c.endpoints).map((x) => x.ip), c.want));
}

test('a slice relabelled to another service moves its endpoints there; a deleted one takes them away', () => {
  const proxy = new KubeProxy();
  const svc = (name: string, clusterIP: string) => ({ apiVersion: 'v1' as const, kind: 'Service' as const, metadata: { name, namespace: 'shop' }, spec: { clusterIP, ports: [{ name: 'http', port: 80 }] } });
  proxy.sync([svc('web', '10.96.0.1'), svc('api', '10.96.0.2')], [], [sliceOf({})]);
  const to = (ip: string) => {
    const r = proxy.route({ ip, port: 80 });
    return r.routed ? r.podIP : r.reason;
  };
  assert.deepEqual([to('10.96.0.1'), to('10.96.0.2')], ['10.1.0.1', 'NoEndpoints']);
  proxy.onEndpointSliceChange(sliceOf({ metadata: { name: 'web-1', namespace: 'shop', labels: { 'kubernetes.io/service-name': 'api' } } }));
  assert.deepEqual([to('10.96.0.1'), to('10.96.0.2')], ['NoEndpoints', '10.1.0.1']);
  proxy.onEndpointSliceDelete('shop', 'web-1');
  assert.deepEqual([to('10.96.0.1'), to('10.96.0.2')], ['NoEndpoints', 'NoEndpoints']);
});
