// The DNS add-on against a fixture API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actions, fixturePlane } from '../../controlplane/testing/fixturePlane.ts';
import { CLUSTER_DNS_IP } from './dnsAddon.ts';

const ME = 'dns-addon';

test('the kube-dns Service is created in kube-system with the cluster DNS IP', async () => {
  const plane = await fixturePlane([ME]);
  try {
    assert.deepEqual(actions(plane, ME), ['create services kube-system/kube-dns 201']);
    const svc = await plane.client.get('Service', 'kube-system', 'kube-dns');
    assert.equal(svc.spec.clusterIP, CLUSTER_DNS_IP);
    assert.deepEqual(svc.spec.ports.map((p: { port: number; protocol: string }) => `${p.port}/${p.protocol}`), ['53/UDP', '53/TCP', '9153/TCP']);
  } finally {
    await plane.stop();
  }
});

test('a deleted kube-dns Service is created again; an existing one is left alone', async () => {
  const plane = await fixturePlane([ME]);
  try {
    const before = plane.trace.last;
    await plane.client.delete('Service', 'kube-system', 'kube-dns');
    await plane.settle();
    await plane.client.patch('Service', 'kube-system', 'kube-dns', { metadata: { labels: { touched: 'yes' } } });
    await plane.settle();
    assert.deepEqual(actions(plane, ME, before), ['create services kube-system/kube-dns 201']);
  } finally {
    await plane.stop();
  }
});
