// The endpoints controller against a fixture API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actions, actionsDuring, fixturePlane, pod } from '../../controlplane/testing/fixturePlane.ts';
import type { KubeObject } from '../../client/index.ts';
import type { ControlPlane } from '../../controlplane/index.ts';

const ME = 'endpoints-controller';
const service = (name: string, selector?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { ...(selector ? { selector } : {}), ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
});

/** Makes a pod Running and Ready at `ip` (what a kubelet would write). */
async function runPod(plane: ControlPlane, name: string, ip: string) {
  const current = await plane.client.get('Pod', 'default', name);
  await plane.client.updateStatus({ ...current, status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: 'True' }] } });
  await plane.settle();
}

test('a Service with a selector gets Endpoints with its ready pods', async () => {
  const plane = await fixturePlane([ME], [service('web', { app: 'web' }), pod('web-1', 'default', { nodeName: 'n1' }, { app: 'web' }), pod('other', 'default', {}, { app: 'db' })]);
  try {
    assert.deepEqual(actions(plane, ME), ['create endpoints default/web 201']);
    const before = plane.trace.last;
    await runPod(plane, 'web-1', '10.244.0.5');
    await runPod(plane, 'other', '10.244.0.6');
    assert.deepEqual(actions(plane, ME, before), ['update endpoints default/web 200']);
    const ep = await plane.client.get('Endpoints', 'default', 'web');
    assert.deepEqual(ep.subsets, [{ addresses: [{ ip: '10.244.0.5', nodeName: 'n1', targetRef: ep.subsets[0].addresses[0].targetRef }], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }]);
    assert.equal(ep.subsets[0].addresses[0].targetRef.name, 'web-1');
  } finally {
    await plane.stop();
  }
});

const cases: { name: string; fixtures: KubeObject[]; change: (plane: ControlPlane) => Promise<unknown>; want: string[] }[] = [
  { name: 'a Service without a selector is left alone', fixtures: [service('external')], change: async () => {}, want: [] },
  { name: 'deleting the Service deletes its Endpoints', fixtures: [service('web', { app: 'web' })], change: (p) => p.client.delete('Service', 'default', 'web'), want: ['delete endpoints default/web 200'] },
  { name: 'deleted Endpoints of a live Service are written again', fixtures: [service('web', { app: 'web' })], change: (p) => p.client.delete('Endpoints', 'default', 'web'), want: ['create endpoints default/web 201'] },
  {
    name: 'a pod change that does not touch the addresses writes nothing',
    fixtures: [service('web', { app: 'web' }), pod('web-1', 'default', {}, { app: 'web' })],
    change: (p) => p.client.patch('Pod', 'default', 'web-1', { metadata: { annotations: { note: 'x' } } }),
    want: [],
  },
];

for (const c of cases) {
  test(c.name, async () => assert.deepEqual(await actionsDuring([ME], c.fixtures, ME, c.change), c.want));
}
