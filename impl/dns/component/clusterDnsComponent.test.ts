// The cluster-dns component against a fixture API: the records it answers after each change that
// reaches it through its watches, and that it never writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actions, fixturePlane } from '../../controlplane/testing/fixturePlane.ts';
import type { KubeObject } from '../../client/index.ts';
import type { ControlPlane } from '../../controlplane/index.ts';
import { CLUSTER_DNS, clusterDnsComponent, type RunningClusterDns } from './clusterDnsComponent.ts';

const service = (name: string, spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { ports: [{ name: 'pg', port: 5432 }], ...spec } });
const slice = (ready: Record<string, boolean>): KubeObject => ({
  apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
  metadata: { name: 'db-abc', namespace: 'default', labels: { 'kubernetes.io/service-name': 'db' } },
  endpoints: Object.entries(ready).map(([ip, r]) => ({ addresses: [ip], conditions: { ready: r } })),
  ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }],
});
const web = service('web', { clusterIP: '10.96.0.20' });
const db = service('db', { clusterIP: 'None', selector: { app: 'db' } });

/** The A records of `name`, as IPs. */
const lookup = (plane: ControlPlane, name: string) => plane.component<RunningClusterDns>(CLUSTER_DNS)!.zone().lookup(name, 'A').map((r) => (r.type === 'A' ? r.ip : r.type));

const cases: { name: string; fixtures: KubeObject[]; change?: (plane: ControlPlane) => Promise<unknown>; query: string; want: string[] }[] = [
  { name: 'a Service that exists when it starts resolves to its cluster IP', fixtures: [web], query: 'web.default.svc.cluster.local', want: ['10.96.0.20'] },
  { name: 'a Service created later resolves once the watch delivers it', fixtures: [], change: (p) => p.client.create(web), query: 'web.default.svc.cluster.local', want: ['10.96.0.20'] },
  { name: 'a deleted Service no longer resolves', fixtures: [web], change: (p) => p.client.delete('Service', 'default', 'web'), query: 'web.default.svc.cluster.local', want: [] },
  { name: 'a headless Service resolves to the ready endpoints of its slices', fixtures: [db, slice({ '10.1.0.1': true, '10.1.0.2': false })], query: 'db.default.svc.cluster.local', want: ['10.1.0.1'] },
  {
    name: 'an endpoint that becomes ready is added',
    fixtures: [db, slice({ '10.1.0.1': true, '10.1.0.2': false })],
    change: async (p) => p.client.update({ ...slice({ '10.1.0.1': true, '10.1.0.2': true }), metadata: (await p.client.get('EndpointSlice', 'default', 'db-abc')).metadata }),
    query: 'db.default.svc.cluster.local',
    want: ['10.1.0.1', '10.1.0.2'],
  },
];

for (const c of cases) {
  test(c.name, async () => {
    const plane = await fixturePlane([clusterDnsComponent], c.fixtures);
    try {
      lookup(plane, c.query); // a zone built before the change must not be served after it
      if (c.change) {
        await c.change(plane);
        await plane.settle();
      }
      assert.deepEqual(lookup(plane, c.query), c.want);
      assert.deepEqual(actions(plane, CLUSTER_DNS), [], 'cluster DNS only watches');
    } finally {
      await plane.stop();
    }
  });
}
