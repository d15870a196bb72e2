import fc from 'fast-check';
import { defineProperty } from '../support/defineProperty.ts';
import { Mismatch } from '../support/expect.ts';
import { spreadTolerance, unevenBackends } from '../../features/support/spreadBound.ts';
import { modelEndpointRows, podFacts, podFrom } from '../arbitraries/services.ts';
import type { KubeObject } from '../../harness/contract/methods.ts';

const CLUSTER_IP = '10.0.0.20';

/** A ClusterIP Service of namespace default selecting app=web, with ports http→http and metrics→9100, maybe with ClientIP affinity. */
const service = (affinity: boolean): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    selector: { app: 'web' },
    clusterIP: CLUSTER_IP,
    ...(affinity ? { sessionAffinity: 'ClientIP' } : {}),
    ports: [
      { name: 'http', port: 80, targetPort: 'http' },
      { name: 'metrics', port: 9100, targetPort: 9100 },
    ],
  },
});

const connection = fc.record({ port: fc.constantFrom(80, 9100), client: fc.constantFrom('192.168.5.1', '192.168.5.2', '192.168.5.3') });

export const properties = [
  defineProperty({
    id: 'services/proxy-routes-to-ready-endpoints-only',
    name: 'kube-proxy sends a connection only to a ready, existing endpoint of the port asked for, refuses it only when there is none, and with ClientIP affinity keeps each client on one endpoint',
    claims: ['SVC-5'],
    needs: ['endpoints'],
    numRuns: 150,
    build: ({ driver }) =>
      fc.asyncProperty(
        fc.array(podFacts.map((f) => ({ ...f, namespace: 'default', labels: { app: 'web' } })), { maxLength: 10 }),
        fc.array(fc.boolean(), { maxLength: 10 }),
        fc.boolean(),
        fc.array(connection, { minLength: 1, maxLength: 30 }),
        async (facts, deleted, affinity, connections) => {
          const svc = service(affinity);
          const all = facts.map(podFrom);
          const pods = all.filter((_, i) => !deleted[i]);
          const { endpoints } = await driver.call('endpoints.compute', { service: svc, pods });
          const rows = modelEndpointRows(svc, pods) ?? [];
          const readyBackends = (port: number) => {
            const name = port === 80 ? 'http' : 'metrics';
            return rows.filter((r) => r.ready).flatMap((r) => r.ports.split(', ').filter((p) => p.startsWith(`${name}=`)).map((p) => `${r.ip}:${p.slice(name.length + 1)}`));
          };
          const { routes } = await driver.call('endpoints.route', {
            services: [svc],
            endpoints: endpoints ? [endpoints] : [],
            connections: connections.map((c) => ({ ip: CLUSTER_IP, port: c.port, clientIP: c.client })),
          });
          const stickTo = new Map<string, string>();
          routes.forEach((r, i) => {
            const c = connections[i];
            const allowed = readyBackends(c.port);
            const got = r.routed ? `${r.podIP}:${r.port}` : `refused (${r.reason})`;
            if (r.routed ? !allowed.includes(got) : allowed.length > 0) {
              throw new Mismatch(`connection #${i + 1} to port ${c.port} from ${c.client}`, allowed.length ? `one of ${allowed.join(', ')}` : 'refused', got);
            }
            const key = `${c.client} ${c.port}`;
            if (affinity && r.routed) {
              if (stickTo.has(key) && stickTo.get(key) !== got) throw new Mismatch(`client ${c.client} with ClientIP affinity moved`, stickTo.get(key), got);
              stickTo.set(key, got);
            }
          });
        },
      ),
  }),
  defineProperty({
    id: 'services/proxy-spreads-evenly',
    name: 'over N new connections without session affinity, each of k ready endpoints receives N/k give or take five standard deviations of a fair random choice (plus one)',
    claims: ['SVC-5'],
    needs: ['endpoints'],
    numRuns: 60,
    build: ({ driver }) =>
      fc.asyncProperty(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 3 }), async (k, perBackend, notReady) => {
        const svc = service(false);
        const pods = Array.from({ length: k + notReady }, (_, i) =>
          podFrom({ namespace: 'default', labels: { app: 'web' }, hasIP: true, ready: i < k, phase: 'Running', terminating: false, ports: [0] }, i),
        );
        const { endpoints } = await driver.call('endpoints.compute', { service: svc, pods });
        const n = k * perBackend;
        const { routes } = await driver.call('endpoints.route', {
          services: [svc],
          endpoints: endpoints ? [endpoints] : [],
          connections: Array.from({ length: n }, () => ({ ip: CLUSTER_IP, port: 80 })),
        });
        const counts = new Map<string, number>();
        for (const r of routes) {
          const b = r.routed ? `${r.podIP}:${r.port}` : 'refused';
          counts.set(b, (counts.get(b) ?? 0) + 1);
        }
        const backends = pods.slice(0, k).map((p) => `${(p.status as { podIP: string }).podIP}:8080`);
        const stray = [...counts.keys()].filter((b) => !backends.includes(b));
        if (stray.length) throw new Mismatch('connections went outside the ready endpoints', backends, stray);
        const uneven = unevenBackends(counts, backends, n);
        if (uneven.length) throw new Mismatch(`uneven spread (tolerance ±${spreadTolerance(n, k)})`, 'every endpoint within the bound', uneven);
      }),
  }),
];
