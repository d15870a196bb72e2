// The EndpointSlice controller against a fixture API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actions, actionsDuring, fixturePlane, node, pod } from '../../controlplane/testing/fixturePlane.ts';
import type { KubeObject } from '../../client/index.ts';
import type { ControlPlane } from '../../controlplane/index.ts';

const ME = 'endpointslice-controller';
const service = (name: string, selector?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', labels: { team: 'a' } },
  spec: { ...(selector ? { selector } : {}), ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
});

/** Makes a pod Running at `ip`, ready or not (what a kubelet would write). */
async function runPod(plane: ControlPlane, name: string, ip: string, ready = true) {
  const current = await plane.client.get('Pod', 'default', name);
  await plane.client.updateStatus({ ...current, status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } });
  await plane.settle();
}

const slicesOf = async (plane: ControlPlane) => (await plane.client.list('EndpointSlice', { namespace: 'default' })).items;
/** Actions with generated slice names replaced by `<slice>`. */
const named = (list: string[]) => list.map((a) => a.replace(/default\/web-[a-z0-9]{5}/, 'default/<slice>'));

test('a Service with a selector gets a slice with its pods, their conditions, node and zone', async () => {
  const plane = await fixturePlane([ME], [
    node('n1', '4', { labels: { 'topology.kubernetes.io/zone': 'z1' } }), service('web', { app: 'web' }),
    pod('web-1', 'default', { nodeName: 'n1' }, { app: 'web' }), pod('web-2', 'default', { nodeName: 'n1' }, { app: 'web' }),
  ]);
  try {
    assert.deepEqual(named(actions(plane, ME)), ['create endpointslices default/<slice> 201'], 'an empty placeholder first');
    const before = plane.trace.last;
    await runPod(plane, 'web-1', '10.244.0.5');
    await runPod(plane, 'web-2', '10.244.0.6', false);
    assert.deepEqual(named(actions(plane, ME, before)), ['update endpointslices default/<slice> 200', 'update endpointslices default/<slice> 200']);
    const [slice, ...more] = await slicesOf(plane);
    assert.equal(more.length, 0);
    const svc = await plane.client.get('Service', 'default', 'web');
    assert.deepEqual(slice.metadata.labels, { team: 'a', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
    assert.deepEqual(slice.metadata.ownerReferences, [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    assert.deepEqual(slice.ports, [{ name: 'http', port: 8080, protocol: 'TCP' }]);
    assert.deepEqual(slice.endpoints.map((e: any) => [e.targetRef.name, e.addresses, e.conditions, e.nodeName, e.zone]), [
      ['web-1', ['10.244.0.5'], { ready: true, serving: true, terminating: false }, 'n1', 'z1'],
      ['web-2', ['10.244.0.6'], { ready: false, serving: false, terminating: false }, 'n1', 'z1'],
    ]);
  } finally {
    await plane.stop();
  }
});

const cases: { name: string; fixtures: KubeObject[]; change: (plane: ControlPlane) => Promise<unknown>; want: string[] }[] = [
  { name: 'a Service without a selector gets no slices', fixtures: [service('external')], change: async () => {}, want: [] },
  {
    name: 'a deleted managed slice is put back',
    fixtures: [service('web', { app: 'web' })],
    change: async (p) => p.client.delete('EndpointSlice', 'default', (await slicesOf(p))[0].metadata.name!),
    want: ['create endpointslices default/<slice> 201'],
  },
  {
    name: 'a managed slice edited by someone else is put back',
    fixtures: [service('web', { app: 'web' })],
    change: async (p) => p.client.patch('EndpointSlice', 'default', (await slicesOf(p))[0].metadata.name!, { endpoints: [{ addresses: ['10.9.9.9'], conditions: { ready: true } }] }),
    want: ['update endpointslices default/<slice> 200'],
  },
  {
    name: 'a change of the Service labels is copied to its slices',
    fixtures: [service('web', { app: 'web' })],
    change: (p) => p.client.patch('Service', 'default', 'web', { metadata: { labels: { team: 'b' } } }),
    want: ['update endpointslices default/<slice> 200'],
  },
  {
    name: 'a pod change that does not touch its endpoint writes nothing',
    fixtures: [service('web', { app: 'web' }), pod('web-1', 'default', {}, { app: 'web' })],
    change: (p) => p.client.patch('Pod', 'default', 'web-1', { metadata: { annotations: { note: 'x' } } }),
    want: [],
  },
];

for (const c of cases) {
  test(c.name, async () => assert.deepEqual(named(await actionsDuring([ME], c.fixtures, ME, c.change)), c.want));
}
