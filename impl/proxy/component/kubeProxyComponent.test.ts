// The kube-proxy component against a fixture API: what the running proxy routes after each change
// that reaches it through its watches, and that it never writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actions, fixturePlane, node } from '../../controlplane/testing/fixturePlane.ts';
import type { KubeObject } from '../../client/index.ts';
import type { ControlPlane } from '../../controlplane/index.ts';
import { KUBE_PROXY, kubeProxyComponent, type LiveRouteRequest, type RunningKubeProxy } from './kubeProxyComponent.ts';

const service = (spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' },
  spec: { clusterIP: '10.96.0.20', ports: [{ name: 'http', port: 80, targetPort: 8080 }], ...spec },
});
type Conditions = { ready?: boolean; serving?: boolean; terminating?: boolean };
/** An EndpointSlice of the service "web": ready endpoints, then not-ready ones, or each with its own conditions. */
const slice = (ready: string[], notReady: string[] = [], nodeName = 'n1', more: [string, Conditions][] = [], name = 'web-abc'): KubeObject => ({
  apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
  metadata: { name, namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
  endpoints: [
    ...ready.map((ip) => [ip, { ready: true, serving: true, terminating: false }] as const),
    ...notReady.map((ip) => [ip, { ready: false, serving: false, terminating: false }] as const),
    ...more,
  ].map(([ip, conditions]) => ({ addresses: [ip], conditions, nodeName })),
  ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
});
const terminating = (ip: string, serving: boolean): [string, Conditions] => [ip, { ready: false, serving, terminating: true }];
const nodeAt = (name: string, ip: string): KubeObject => ({ ...node(name), status: { ...(node(name).status as object), addresses: [{ type: 'InternalIP', address: ip }] } });
const toClusterIP: LiveRouteRequest = { ip: '10.96.0.20', port: 80 };

/** Routes `n` connections and shows each as `ip:port` or `not routed (Reason)`. */
function connect(plane: ControlPlane, n: number, request: LiveRouteRequest = toClusterIP): string[] {
  const proxy = plane.component<RunningKubeProxy>(KUBE_PROXY)!;
  return Array.from({ length: n }, () => {
    const r = proxy.route(request);
    return r.routed ? `${r.podIP}:${r.port}` : `not routed (${r.reason})`;
  });
}

const cases: { name: string; fixtures: KubeObject[]; change?: (plane: ControlPlane) => Promise<unknown>; request?: LiveRouteRequest; want: string[] }[] = [
  {
    name: 'connections to the cluster IP go round the ready endpoints only',
    fixtures: [service(), slice(['10.1.0.2', '10.1.0.1'], ['10.1.0.3'])],
    want: ['10.1.0.1:8080', '10.1.0.2:8080', '10.1.0.1:8080', '10.1.0.2:8080'],
  },
  {
    name: 'an address that stops being ready receives nothing once the EndpointSlice change reaches the proxy',
    fixtures: [service(), slice(['10.1.0.1', '10.1.0.2'])],
    change: async (p) => p.client.update({ ...slice(['10.1.0.2'], ['10.1.0.1']), metadata: (await p.client.get('EndpointSlice', 'default', 'web-abc')).metadata }),
    want: ['10.1.0.2:8080', '10.1.0.2:8080', '10.1.0.2:8080', '10.1.0.2:8080'],
  },
  {
    name: 'a Service created after the proxy started is routed',
    fixtures: [],
    change: async (p) => (await p.client.create(service()), await p.client.create(slice(['10.1.0.1']))),
    want: ['10.1.0.1:8080', '10.1.0.1:8080', '10.1.0.1:8080', '10.1.0.1:8080'],
  },
  {
    name: 'a deleted Service no longer answers',
    fixtures: [service(), slice(['10.1.0.1'])],
    change: (p) => p.client.delete('Service', 'default', 'web'),
    want: Array(4).fill('not routed (NoService)'),
  },
  {
    name: 'a Service whose EndpointSlice is deleted refuses connections',
    fixtures: [service(), slice(['10.1.0.1'])],
    change: (p) => p.client.delete('EndpointSlice', 'default', 'web-abc'),
    want: Array(4).fill('not routed (NoEndpoints)'),
  },
  {
    name: 'the endpoints of all the slices of a Service are merged, each address once',
    fixtures: [service(), slice(['10.1.0.1', '10.1.0.2']), slice(['10.1.0.2', '10.1.0.3'], [], 'n1', [], 'web-def')],
    change: (p) => p.client.create({ ...slice(['10.1.0.9']), metadata: { name: 'other', namespace: 'default', labels: { 'kubernetes.io/service-name': 'db' } } }),
    want: ['10.1.0.1:8080', '10.1.0.2:8080', '10.1.0.3:8080', '10.1.0.1:8080'],
  },
  {
    name: 'while no endpoint is ready, connections go to the terminating endpoints that still serve',
    fixtures: [service(), slice([], ['10.1.0.1'], 'n1', [terminating('10.1.0.2', true), terminating('10.1.0.3', false)])],
    want: Array(4).fill('10.1.0.2:8080'),
  },
  {
    name: 'a ready endpoint is preferred to every terminating one',
    fixtures: [service(), slice(['10.1.0.4'], [], 'n1', [terminating('10.1.0.2', true)])],
    want: Array(4).fill('10.1.0.4:8080'),
  },
  {
    name: 'a terminating endpoint that stops serving is no longer used',
    fixtures: [service(), slice([], [], 'n1', [terminating('10.1.0.2', true)])],
    change: async (p) => p.client.update({ ...slice([], [], 'n1', [terminating('10.1.0.2', false)]), metadata: (await p.client.get('EndpointSlice', 'default', 'web-abc')).metadata }),
    want: Array(4).fill('not routed (NoEndpoints)'),
  },
  {
    name: 'a NodePort answers on the InternalIP of a node added later',
    fixtures: [service({ type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }] }), slice(['10.1.0.1'])],
    change: (p) => p.client.create(nodeAt('n2', '192.168.0.12')),
    request: { ip: '192.168.0.12', port: 30080 },
    want: Array(4).fill('10.1.0.1:8080'),
  },
  {
    name: 'with externalTrafficPolicy Local a node uses its own serving terminating endpoint over another node\'s ready one',
    fixtures: [
      service({ type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }] }),
      slice(['10.1.0.1'], [], 'n1'),
      slice([], [], 'n2', [terminating('10.1.0.2', true)], 'web-n2'),
      nodeAt('n1', '192.168.0.11'),
      nodeAt('n2', '192.168.0.12'),
    ],
    request: { ip: '192.168.0.12', port: 30080 },
    want: Array(4).fill('10.1.0.2:8080'),
  },
  {
    name: 'with externalTrafficPolicy Local a node without a local endpoint refuses its NodePort',
    fixtures: [
      service({ type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }] }),
      slice(['10.1.0.1'], [], 'n1'),
      nodeAt('n1', '192.168.0.11'),
      nodeAt('n2', '192.168.0.12'),
    ],
    request: { ip: '192.168.0.12', port: 30080 },
    want: Array(4).fill('not routed (NoLocalEndpoints)'),
  },
];

for (const c of cases) {
  test(c.name, async () => {
    const plane = await fixturePlane([kubeProxyComponent], c.fixtures);
    try {
      if (c.change) {
        await c.change(plane);
        await plane.settle();
      }
      assert.deepEqual(connect(plane, 4, c.request), c.want);
      assert.deepEqual(actions(plane, KUBE_PROXY), [], 'kube-proxy only watches');
    } finally {
      await plane.stop();
    }
  });
}

test('a client with ClientIP affinity keeps its backend until the timeout passes on the cluster clock', async () => {
  const affinity = { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } };
  const plane = await fixturePlane([kubeProxyComponent], [service(affinity), slice(['10.1.0.1', '10.1.0.2'])]);
  try {
    const from = { ...toClusterIP, clientIP: '203.0.113.7' };
    assert.deepEqual(connect(plane, 3, from), ['10.1.0.1:8080', '10.1.0.1:8080', '10.1.0.1:8080']);
    assert.deepEqual(connect(plane, 2), ['10.1.0.2:8080', '10.1.0.1:8080'], 'connections without a client IP go round');
    assert.deepEqual(connect(plane, 1, from), ['10.1.0.1:8080'], 'within the timeout the client keeps its backend');
    await plane.advance(61_000);
    assert.deepEqual(connect(plane, 1, from), ['10.1.0.2:8080'], 'after the timeout the round-robin picks again');
  } finally {
    await plane.stop();
  }
});

test('the proxy reports what it watches as metrics', async () => {
  const plane = await fixturePlane([kubeProxyComponent], [service(), slice(['10.1.0.1']), nodeAt('n1', '192.168.0.11')]);
  try {
    const m = plane.component<RunningKubeProxy>(KUBE_PROXY)!.metrics();
    assert.deepEqual([m.kconform_kube_proxy_services, m.kconform_kube_proxy_endpointslices, m.kconform_kube_proxy_nodes], [1, 1, 1]);
    assert.ok(m.kubeproxy_sync_proxy_rules_total >= 2);
  } finally {
    await plane.stop();
  }
});
