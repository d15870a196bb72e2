import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pod, service } from '../endpoints/_fixtures.ts';
import { computeEndpoints } from '../endpoints/computeEndpoints.ts';
import type { EndpointSlice } from '../endpointslices/types.ts';
import { ClusterDnsZone } from './ClusterDnsZone.ts';
import { formatResolvConf, podDnsConfig } from './podDnsConfig.ts';
import { candidateNames, resolveName } from './resolveName.ts';

const web = service('web', { ns: 'shop', clusterIP: '10.0.0.20', ports: [{ name: 'http', port: 80, targetPort: 8080 }, { port: 81 }] });
const db = service('db', { ns: 'shop', selector: { app: 'db' }, clusterIP: 'None', ports: [{ name: 'pg', port: 5432 }] });
const dbPods = [
  pod('db-0', { ns: 'shop', ip: '10.1.0.7', labels: { app: 'db' }, hostname: 'db-0', subdomain: 'db' }),
  pod('db-x', { ns: 'shop', ip: '10.1.0.8', labels: { app: 'db' } }),
  pod('db-slow', { ns: 'shop', ip: '10.1.0.9', labels: { app: 'db' }, ready: false }),
];
const ext = service('mail', { ns: 'shop', type: 'ExternalName', externalName: 'Mail.Example.com.', selector: null });
const zone = new ClusterDnsZone([web, db, ext], [computeEndpoints(db, dbPods)!]);
const clientPod = pod('client', { ns: 'shop' });
const conf = podDnsConfig(clientPod, { clusterDNS: ['10.0.0.10'] });

const records: { name: string; lookup: [string, 'A' | 'SRV' | 'CNAME']; want: unknown[] }[] = [
  { name: 'a ClusterIP service name resolves to its cluster IP', lookup: ['web.shop.svc.cluster.local', 'A'], want: [{ type: 'A', name: 'web.shop.svc.cluster.local', ip: '10.0.0.20' }] },
  {
    name: 'a named port has an SRV record pointing at the service name',
    lookup: ['_http._tcp.web.shop.svc.cluster.local.', 'SRV'],
    want: [{ type: 'SRV', name: '_http._tcp.web.shop.svc.cluster.local', priority: 0, weight: 100, port: 80, target: 'web.shop.svc.cluster.local' }],
  },
  {
    name: 'a headless service name resolves to its ready pod IPs only',
    lookup: ['db.shop.svc.cluster.local', 'A'],
    want: [
      { type: 'A', name: 'db.shop.svc.cluster.local', ip: '10.1.0.7' },
      { type: 'A', name: 'db.shop.svc.cluster.local', ip: '10.1.0.8' },
    ],
  },
  { name: 'a headless pod with a hostname has its own name', lookup: ['db-0.db.shop.svc.cluster.local', 'A'], want: [{ type: 'A', name: 'db-0.db.shop.svc.cluster.local', ip: '10.1.0.7' }] },
  {
    name: 'headless SRV records point at each endpoint, by hostname or dashed IP',
    lookup: ['_pg._tcp.db.shop.svc.cluster.local', 'SRV'],
    want: [
      { type: 'SRV', name: '_pg._tcp.db.shop.svc.cluster.local', priority: 0, weight: 100, port: 5432, target: 'db-0.db.shop.svc.cluster.local' },
      { type: 'SRV', name: '_pg._tcp.db.shop.svc.cluster.local', priority: 0, weight: 100, port: 5432, target: '10-1-0-8.db.shop.svc.cluster.local' },
    ],
  },
  { name: 'an ExternalName service is a CNAME', lookup: ['mail.shop.svc.cluster.local', 'CNAME'], want: [{ type: 'CNAME', name: 'mail.shop.svc.cluster.local', target: 'mail.example.com' }] },
  { name: 'an unnamed port has no SRV record', lookup: ['_81._tcp.web.shop.svc.cluster.local', 'SRV'], want: [] },
];
for (const c of records) test(c.name, () => assert.deepEqual(zone.lookup(...c.lookup), c.want));

// The same headless service as CoreDNS reads it today: from its EndpointSlices (split in two here).
const dbSlice = (name: string, endpoints: EndpointSlice['endpoints']): EndpointSlice => ({
  metadata: { name, namespace: 'shop', labels: { 'kubernetes.io/service-name': 'db' } },
  addressType: 'IPv4',
  ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }],
  endpoints,
});
const sliceZone = new ClusterDnsZone([web, db, ext], [
  dbSlice('db-a', [{ addresses: ['10.1.0.7'], hostname: 'db-0', conditions: { ready: true } }, { addresses: ['10.1.0.9'], conditions: { ready: false, serving: false } }]),
  dbSlice('db-b', [{ addresses: ['10.1.0.8'], conditions: {} }]),
  { ...dbSlice('stray', [{ addresses: ['10.1.0.66'], conditions: {} }]), metadata: { name: 'stray', namespace: 'shop' } },
  { ...dbSlice('fqdn', [{ addresses: ['db.example.com'], conditions: {} }]), addressType: 'FQDN' },
]);
test('from EndpointSlices (ready not false; unlabelled and FQDN slices ignored) the zone holds the same records', () => {
  assert.deepEqual(sliceZone.names(), zone.names());
  for (const c of records) assert.deepEqual(sliceZone.lookup(...c.lookup), c.want, c.name);
});

test('a ClusterFirst pod gets the cluster DNS, its namespace search path and ndots:5', () => {
  assert.equal(formatResolvConf(conf), 'nameserver 10.0.0.10\nsearch shop.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n');
});

const shortNames: { name: string; query: string; answer: string | null; tried?: string[] }[] = [
  { name: 'a bare service name resolves in the pod namespace', query: 'web', answer: 'web.shop.svc.cluster.local' },
  { name: '<svc>.<ns> resolves through svc.cluster.local', query: 'web.shop', answer: 'web.shop.svc.cluster.local', tried: ['web.shop.shop.svc.cluster.local', 'web.shop.svc.cluster.local'] },
  { name: '<svc>.<ns>.svc resolves through cluster.local', query: 'web.shop.svc', answer: 'web.shop.svc.cluster.local' },
  { name: 'a fully qualified name with a dot is tried only as is', query: 'web.shop.svc.cluster.local.', answer: 'web.shop.svc.cluster.local', tried: ['web.shop.svc.cluster.local'] },
  { name: 'a service of another namespace is not found by its bare name', query: 'kube-dns', answer: null },
];
for (const c of shortNames) {
  test(c.name, () => {
    const got = resolveName(zone, c.query, conf);
    assert.equal(got.found ? got.name : null, c.answer);
    if (c.tried) assert.deepEqual(got.tried, c.tried);
  });
}

test('with five dots or more a name is tried as is before the search path', () => {
  assert.deepEqual(candidateNames('a.b.c.d.e.f', { nameservers: [], searches: ['x'], options: [{ name: 'ndots', value: '5' }] }), ['a.b.c.d.e.f', 'a.b.c.d.e.f.x']);
});

const policies: { name: string; spec: Record<string, unknown>; clusterDNS?: string[]; want: string }[] = [
  { name: 'a host-network ClusterFirst pod falls back to the node resolv.conf', spec: { hostNetwork: true }, want: 'nameserver 8.8.8.8\nsearch corp.example\n' },
  {
    name: 'ClusterFirstWithHostNet gives a host-network pod the cluster DNS, then the node searches',
    spec: { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' },
    want: 'nameserver 10.0.0.10\nsearch shop.svc.cluster.local svc.cluster.local cluster.local corp.example\noptions ndots:5\n',
  },
  { name: 'ClusterFirst without cluster DNS configured falls back to Default', spec: {}, clusterDNS: [], want: 'nameserver 8.8.8.8\nsearch corp.example\n' },
  {
    name: 'dnsPolicy None uses only the pod dnsConfig',
    spec: { dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1'], searches: ['a.example'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } },
    want: 'nameserver 1.1.1.1\nsearch a.example\noptions ndots:2 edns0\n',
  },
  {
    name: 'a dnsConfig is appended to ClusterFirst and its options replace by name',
    spec: { dnsConfig: { nameservers: ['10.0.0.10', '1.1.1.1'], searches: ['svc.cluster.local', 'b.example'], options: [{ name: 'ndots', value: '1' }] } },
    want: 'nameserver 10.0.0.10\nnameserver 1.1.1.1\nsearch shop.svc.cluster.local svc.cluster.local cluster.local corp.example b.example\noptions ndots:1\n',
  },
];
for (const c of policies) {
  test(c.name, () => {
    const p = { ...clientPod, spec: { ...clientPod.spec, ...c.spec } };
    const host = { nameservers: ['8.8.8.8'], searches: ['corp.example'], options: [] };
    assert.equal(formatResolvConf(podDnsConfig(p, { clusterDNS: c.clusterDNS ?? ['10.0.0.10'], host })), c.want);
  });
}
