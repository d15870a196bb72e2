import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Service } from '../endpoints/types.ts';
import { formatFieldError } from './fieldError.ts';
import { ServiceAllocator } from './ServiceAllocator.ts';

const svc = (spec: Record<string, unknown>): Service => ({ metadata: { name: 'web', namespace: 'default' }, spec: { ports: [{ port: 80 }], ...spec } });

test('a ClusterIP service gets a cluster IP and no node port', () => {
  const got = new ServiceAllocator().allocate(svc({}));
  assert.ok(got.ok);
  assert.equal(got.service.spec!.clusterIP, '10.0.0.17');
  assert.deepEqual(got.service.spec!.clusterIPs, ['10.0.0.17']);
  assert.equal(got.service.spec!.ports![0].nodePort, undefined);
});

test('a NodePort service gets a node port per port number, shared across protocols', () => {
  const got = new ServiceAllocator().allocate(svc({ type: 'NodePort', ports: [{ name: 'a', port: 53 }, { name: 'b', port: 53, protocol: 'UDP' }, { name: 'c', port: 80, nodePort: 30080 }] }));
  assert.ok(got.ok);
  assert.deepEqual(got.service.spec!.ports!.map((p) => p.nodePort), [30086, 30086, 30080]);
});

test('a headless or ExternalName service gets no cluster IP', () => {
  const a = new ServiceAllocator();
  assert.ok(a.allocate(svc({ clusterIP: 'None' })).ok);
  assert.ok(a.allocate(svc({ type: 'ExternalName', externalName: 'example.com' })).ok);
  assert.equal(a.ips.used, 0);
});

test('a refused node port leaves nothing taken', () => {
  const a = new ServiceAllocator();
  const got = a.allocate(svc({ type: 'NodePort', clusterIP: '10.0.0.5', ports: [{ name: 'a', port: 80 }, { name: 'b', port: 81, nodePort: 80 }] }));
  assert.equal(!got.ok && formatFieldError(got.error), 'spec.ports[1].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767');
  assert.equal(a.ips.used, 0);
  assert.equal(a.nodePorts.used, 0);
});

test('deleting a service gives its IP and node ports back', () => {
  const a = new ServiceAllocator({ serviceCIDR: '10.96.0.0/16' });
  const got = a.allocate(svc({ type: 'NodePort', clusterIP: '10.96.0.10', ports: [{ port: 80, nodePort: 30080 }] }));
  assert.ok(got.ok);
  const again = a.allocate(svc({ type: 'NodePort', clusterIP: '10.96.0.10' }));
  assert.equal(!again.ok && formatFieldError(again.error), 'spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated');
  a.release(got.service);
  assert.equal(a.ips.used + a.nodePorts.used, 0);
  assert.ok(a.allocate(got.service).ok);
});
