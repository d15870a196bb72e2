import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pod, service } from './_fixtures.ts';
import { computeEndpoints } from './computeEndpoints.ts';
import type { Endpoints, EndpointSubset, Pod, Service } from './types.ts';

const ref = (name: string, ns = 'default') => ({ kind: 'Pod' as const, namespace: ns, name, uid: `uid-${name}` });
const addr = (name: string, ip: string, extra: Record<string, unknown> = {}) => ({ ip, ...extra, nodeName: 'node-1', targetRef: ref(name) });
const tcp = (port: number, name?: string) => ({ ...(name ? { name } : {}), port, protocol: 'TCP' });

interface Case {
  name: string;
  service: Service;
  pods: Pod[];
  subsets?: EndpointSubset[] | null;
  check?: (e: Endpoints | null) => void;
}

const cases: Case[] = [
  {
    name: 'a ready pod matching the selector becomes an address on the numeric target port',
    service: service('web'),
    pods: [pod('a', { ip: '10.1.0.4' })],
    subsets: [{ addresses: [addr('a', '10.1.0.4')], ports: [tcp(8080)] }],
  },
  {
    name: 'a pod whose Ready condition is not True goes to notReadyAddresses',
    service: service('web'),
    pods: [pod('a', { ip: '10.1.0.4', ready: false })],
    subsets: [{ notReadyAddresses: [addr('a', '10.1.0.4')], ports: [tcp(8080)] }],
  },
  {
    name: 'ready and not-ready pods on the same port share one subset',
    service: service('web'),
    pods: [pod('a', { ip: '10.1.0.4' }), pod('b', { ip: '10.1.0.5', ready: false })],
    subsets: [{ addresses: [addr('a', '10.1.0.4')], notReadyAddresses: [addr('b', '10.1.0.5')], ports: [tcp(8080)] }],
  },
  {
    name: 'publishNotReadyAddresses lists not-ready and terminating pods as addresses',
    service: service('web', { publishNotReadyAddresses: true }),
    pods: [pod('a', { ip: '10.1.0.4', ready: false }), pod('b', { ip: '10.1.0.5', deleting: true })],
    subsets: [{ addresses: [addr('a', '10.1.0.4'), addr('b', '10.1.0.5')], ports: [tcp(8080)] }],
  },
  {
    name: 'pods without an IP, terminating pods and terminal pods are left out',
    service: service('web'),
    pods: [
      pod('noip', { ip: null }),
      pod('deleting', { ip: '10.1.0.2', deleting: true }),
      pod('done', { ip: '10.1.0.3', phase: 'Succeeded' }),
      pod('failed', { ip: '10.1.0.4', phase: 'Failed', restartPolicy: 'Always' }),
      pod('ok', { ip: '10.1.0.5' }),
    ],
    subsets: [{ addresses: [addr('ok', '10.1.0.5')], ports: [tcp(8080)] }],
  },
  {
    name: 'pods in other namespaces or with other labels are not selected',
    service: service('web'),
    pods: [pod('other-ns', { ns: 'prod', ip: '10.1.0.2' }), pod('other-app', { labels: { app: 'db' }, ip: '10.1.0.3' })],
    subsets: null,
  },
  {
    name: 'a named target port resolves per pod, so different numbers make different subsets',
    service: service('web', { ports: [{ name: 'http', port: 80, targetPort: 'web', protocol: 'TCP' }] }),
    pods: [
      pod('a', { ip: '10.1.0.4', ports: [{ name: 'web', containerPort: 8080, protocol: 'TCP' }] }),
      pod('b', { ip: '10.1.0.5', ports: [{ name: 'web', containerPort: 9090 }] }),
    ],
    subsets: [
      { addresses: [addr('a', '10.1.0.4')], ports: [tcp(8080, 'http')] },
      { addresses: [addr('b', '10.1.0.5')], ports: [tcp(9090, 'http')] },
    ],
  },
  {
    name: 'a pod lacking a named target port is left out of that port only',
    service: service('web', {
      ports: [
        { name: 'http', port: 80, targetPort: 'web', protocol: 'TCP' },
        { name: 'metrics', port: 9100, targetPort: 9100, protocol: 'TCP' },
      ],
    }),
    pods: [pod('a', { ip: '10.1.0.4', ports: [{ name: 'web', containerPort: 8080 }] }), pod('b', { ip: '10.1.0.5' })],
    subsets: [
      { addresses: [addr('a', '10.1.0.4')], ports: [tcp(8080, 'http')] },
      { addresses: [addr('a', '10.1.0.4'), addr('b', '10.1.0.5')], ports: [tcp(9100, 'metrics')] },
    ],
  },
  {
    name: 'a named target port must match the protocol as well as the name',
    service: service('dns', { ports: [{ name: 'dns', port: 53, targetPort: 'dns', protocol: 'UDP' }] }),
    pods: [pod('a', { ip: '10.1.0.4', ports: [{ name: 'dns', containerPort: 53, protocol: 'TCP' }] })],
    subsets: null,
  },
  {
    name: 'a sidecar (init container with restartPolicy Always) offers named ports',
    service: service('web', { ports: [{ port: 80, targetPort: 'proxy' }] }),
    pods: [pod('a', { ip: '10.1.0.4', sidecarPorts: [{ name: 'proxy', containerPort: 15001 }] })],
    subsets: [{ addresses: [addr('a', '10.1.0.4')], ports: [tcp(15001)] }],
  },
  {
    name: 'addresses sort by IP as bytes, so 10.1.0.10 comes before 10.1.0.9',
    service: service('web'),
    pods: [pod('nine', { ip: '10.1.0.9' }), pod('ten', { ip: '10.1.0.10' })],
    subsets: [{ addresses: [addr('ten', '10.1.0.10'), addr('nine', '10.1.0.9')], ports: [tcp(8080)] }],
  },
  {
    name: 'the hostname is set when the pod subdomain names the service',
    service: service('web', { clusterIP: 'None' }),
    pods: [pod('a', { ip: '10.1.0.4', hostname: 'a0', subdomain: 'web' }), pod('b', { ip: '10.1.0.5', hostname: 'b0', subdomain: 'other' })],
    subsets: [{ addresses: [addr('a', '10.1.0.4', { hostname: 'a0' }), addr('b', '10.1.0.5')], ports: [tcp(8080)] }],
  },
  {
    name: 'a headless service without ports gets a portless subset and the headless label',
    service: service('web', { clusterIP: 'None', ports: [] }),
    pods: [pod('a', { ip: '10.1.0.4' })],
    subsets: [{ addresses: [addr('a', '10.1.0.4')] }],
    check: (e) => assert.deepEqual(e?.metadata.labels, { 'service.kubernetes.io/headless': '' }),
  },
  {
    name: 'an empty selector selects every pod of the namespace',
    service: service('web', { selector: {} }),
    pods: [pod('a', { ip: '10.1.0.4', labels: {} }), pod('b', { ns: 'prod', ip: '10.1.0.5' })],
    subsets: [{ addresses: [addr('a', '10.1.0.4')], ports: [tcp(8080)] }],
  },
  {
    name: 'a service without a selector is left untouched',
    service: service('web', { selector: null }),
    pods: [pod('a')],
    check: (e) => assert.equal(e, null),
  },
  {
    name: 'an ExternalName service is left untouched',
    service: service('web', { type: 'ExternalName', externalName: 'example.com' }),
    pods: [pod('a')],
    check: (e) => assert.equal(e, null),
  },
  {
    name: 'the address takes the pod IP of the service IP family',
    service: service('web', { ipFamilies: ['IPv6'], clusterIP: 'fd00::10' }),
    pods: [pod('a', { ip: '10.1.0.4', ips: ['10.1.0.4', 'fd00::4'] })],
    subsets: [{ addresses: [addr('a', 'fd00::4')], ports: [tcp(8080)] }],
  },
  {
    name: 'not ready wins when two pods share an IP and UID',
    service: service('web'),
    pods: [pod('a', { ip: '10.1.0.4', uid: 'same' }), pod('b', { ip: '10.1.0.4', uid: 'same', ready: false })],
    subsets: [{ notReadyAddresses: [{ ip: '10.1.0.4', nodeName: 'node-1', targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'same' } }], ports: [tcp(8080)] }],
  },
  {
    name: 'the service labels are copied onto the Endpoints and no capacity annotation is set',
    service: { ...service('web'), metadata: { name: 'web', namespace: 'default', labels: { tier: 'front' } } },
    pods: [pod('a', { ip: '10.1.0.4' })],
    check: (e) => {
      assert.deepEqual(e?.metadata, { name: 'web', namespace: 'default', labels: { tier: 'front' } });
    },
  },
];

for (const c of cases) {
  test(c.name, () => {
    const got = computeEndpoints(c.service, c.pods);
    if (c.subsets !== undefined) {
      assert.notEqual(got, null);
      assert.deepEqual(got!.subsets, c.subsets ?? undefined);
    }
    c.check?.(got);
  });
}

const many = (n: number, ready: boolean, from = 0) =>
  Array.from({ length: n }, (_, i) => pod(`p${String(from + i).padStart(5, '0')}`, { ip: `10.2.${(from + i) >> 8}.${(from + i) & 255}`, ready }));

test('more than 1000 ready pods are truncated to the first 1000 addresses with the over-capacity annotation', () => {
  const got = computeEndpoints(service('web'), many(1001, true))!;
  assert.equal(got.subsets![0].addresses!.length, 1000);
  assert.equal(got.metadata.annotations?.['endpoints.kubernetes.io/over-capacity'], 'truncated');
  const sorted = many(1001, true).map((p) => p.status!.podIP!).sort();
  assert.deepEqual(got.subsets![0].addresses!.map((a) => a.ip), sorted.slice(0, 1000));
});

test('truncation keeps every ready address and fills the rest with not-ready ones', () => {
  const got = computeEndpoints(service('web'), [...many(990, true), ...many(20, false, 990)])!;
  assert.equal(got.subsets![0].addresses!.length, 990);
  assert.equal(got.subsets![0].notReadyAddresses!.length, 10);
});

test('exactly 1000 addresses are not truncated', () => {
  const got = computeEndpoints(service('web'), many(1000, true))!;
  assert.equal(got.metadata.annotations, undefined);
  assert.equal(got.subsets![0].addresses!.length, 1000);
});
