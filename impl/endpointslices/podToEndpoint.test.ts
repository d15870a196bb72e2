import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pod, service } from '../endpoints/_fixtures.ts';
import { addressTypesForService, endpointPorts, podToEndpoint } from './podToEndpoint.ts';
import type { Service } from '../endpoints/index.ts';

const web = service('web');
const conditionCases = [
  { name: 'a ready pod is ready and serving', pod: pod('a'), svc: web, want: { ready: true, serving: true, terminating: false } },
  { name: 'a pod that is not ready is neither ready nor serving', pod: pod('a', { ready: false }), svc: web, want: { ready: false, serving: false, terminating: false } },
  { name: 'a ready terminating pod is serving but not ready', pod: pod('a', { deleting: true }), svc: web, want: { ready: false, serving: true, terminating: true } },
  { name: 'a terminating pod that is not ready is not serving either', pod: pod('a', { deleting: true, ready: false }), svc: web, want: { ready: false, serving: false, terminating: true } },
  {
    name: 'publishNotReadyAddresses makes even a terminating, unready pod ready',
    pod: pod('a', { deleting: true, ready: false }), svc: service('web', { publishNotReadyAddresses: true }), want: { ready: true, serving: false, terminating: true },
  },
];
for (const c of conditionCases) test(c.name, () => assert.deepEqual(podToEndpoint(c.pod, undefined, c.svc, 'IPv4').conditions, c.want));

test('an endpoint carries the pod address of the type, node, zone and target', () => {
  const got = podToEndpoint(pod('a', { ips: ['10.1.0.1', 'fd00::1'], node: 'n1' }), { metadata: { name: 'n1', labels: { 'topology.kubernetes.io/zone': 'z1' } } }, web, 'IPv6');
  assert.deepEqual(got, {
    addresses: ['fd00::1'], conditions: { ready: true, serving: true, terminating: false },
    targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'uid-a' }, nodeName: 'n1', zone: 'z1',
  });
});

test('the hostname is set only when the pod subdomain names the service', () => {
  assert.equal(podToEndpoint(pod('a', { hostname: 'h', subdomain: 'web' }), undefined, web, 'IPv4').hostname, 'h');
  assert.equal(podToEndpoint(pod('a', { hostname: 'h', subdomain: 'other' }), undefined, web, 'IPv4').hostname, undefined);
});

test('a pod without podIPs is read as holding its podIP', () => {
  const p = pod('a');
  delete p.status!.podIPs;
  assert.deepEqual(podToEndpoint(p, undefined, web, 'IPv4').addresses, ['10.1.0.1']);
});

test('ports resolve per pod, keep an empty name and skip what does not resolve', () => {
  const svc = service('web', { ports: [{ port: 80, targetPort: 'http' }, { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53, appProtocol: 'dns' }] });
  assert.deepEqual(endpointPorts(svc, pod('a', { ports: [{ name: 'http', containerPort: 8080 }] })), [
    { name: '', port: 8080, protocol: 'TCP' }, { name: 'dns', port: 53, protocol: 'UDP', appProtocol: 'dns' },
  ]);
  assert.deepEqual(endpointPorts(svc, pod('b')), [{ name: 'dns', port: 53, protocol: 'UDP', appProtocol: 'dns' }]);
});

const typeCases: { name: string; spec: Service['spec']; want: string[] }[] = [
  { name: 'ipFamilies decide the address types', spec: { ipFamilies: ['IPv6', 'IPv4'] }, want: ['IPv6', 'IPv4'] },
  { name: 'without ipFamilies the cluster IP decides', spec: { clusterIP: 'fd00::10' }, want: ['IPv6'] },
  { name: 'a headless service without ipFamilies gets both', spec: { clusterIP: 'None' }, want: ['IPv4', 'IPv6'] },
];
for (const c of typeCases) test(c.name, () => assert.deepEqual(addressTypesForService({ metadata: { name: 's' }, spec: c.spec }), c.want));
