// The kubelet fleet against a fixture API: what a node's kubelet writes, for a given cluster and
// a given stretch of cluster time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actions, fixturePlane, pod } from '../../controlplane/testing/fixturePlane.ts';
import type { KubeObject } from '../../client/index.ts';
import { KUBELET, type KubeletFleet } from './kubeletComponent.ts';

const bare = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name } });
/** Events get generated names: `<pod>.<hex>` reads the same for every run. */
const generic = (list: string[]) => list.map((a) => a.replace(/events (\S+)\/[^ ]+\.[0-9a-f]+ /, 'events $1/<name> '));

const cases: { name: string; fixtures: KubeObject[]; advanceMs: number; stop?: boolean; want: string[]; check?: (plane: Awaited<ReturnType<typeof fixturePlane>>) => Promise<void> }[] = [
  {
    name: 'a node with no pods renews its Lease and posts its status once it starts',
    fixtures: [bare('n1')],
    advanceMs: 1_000,
    want: ['create leases kube-node-lease/n1 201', 'patch nodes n1/status 200'],
    check: async (plane) => {
      const n = await plane.client.get('Node', undefined, 'n1');
      assert.equal(n.status.conditions.find((c: KubeObject) => c.type === 'Ready').status, 'True');
      assert.deepEqual(n.status.addresses[0], { type: 'InternalIP', address: '192.168.0.2' });
    },
  },
  {
    name: 'a node annotated to have no simulated kubelet gets none: no Lease, no status, its pods left alone',
    fixtures: [{ ...bare('n1'), metadata: { name: 'n1', annotations: { 'kconform.io/simulated-kubelet': 'false' } } }, pod('web', 'default', { nodeName: 'n1' })],
    advanceMs: 11_000,
    want: [],
  },
  {
    name: 'over a minute the Lease is renewed every 10 s while the unchanged status is not posted again',
    fixtures: [bare('n1')],
    advanceMs: 61_000,
    want: ['create leases kube-node-lease/n1 201', 'patch nodes n1/status 200', ...Array(6).fill('patch leases kube-node-lease/n1 200')],
  },
  {
    name: 'a pod bound to the node is started and its status written: pulling, then running',
    fixtures: [bare('n1'), pod('web', 'default', { nodeName: 'n1' })],
    advanceMs: 1_000,
    want: [
      'create events default/<name> 201', 'patch pods default/web/status 200',
      'create leases kube-node-lease/n1 201', 'patch nodes n1/status 200',
      'create events default/<name> 201', 'create events default/<name> 201', 'create events default/<name> 201', 'patch pods default/web/status 200',
    ],
    check: async (plane) => {
      const p = await plane.client.get('Pod', 'default', 'web');
      assert.equal(p.status.phase, 'Running');
      assert.equal(p.status.podIP, '10.244.0.2');
    },
  },
  {
    name: 'a pod bound to another node is not touched',
    fixtures: [bare('n1'), pod('web', 'default', { nodeName: 'elsewhere' })],
    advanceMs: 0,
    want: [],
  },
  {
    name: 'a stopped kubelet writes nothing at all, for two minutes',
    fixtures: [bare('n1'), pod('web', 'default', { nodeName: 'n1' })],
    stop: true,
    advanceMs: 120_000,
    want: [],
  },
];

for (const c of cases) {
  test(c.name, async () => {
    const plane = await fixturePlane([KUBELET], c.fixtures);
    try {
      if (c.stop) await plane.component<KubeletFleet>(KUBELET)!.setMode('n1', 'stopped');
      const since = c.stop ? plane.trace.last : 0;
      await plane.advance(c.advanceMs);
      assert.deepEqual(generic(actions(plane, KUBELET, since)), c.want);
      await c.check?.(plane);
    } finally {
      await plane.stop();
    }
  });
}

test('pods/log and pods/exec reach the kubelet of the pod\'s node through the API server', async () => {
  const plane = await fixturePlane([KUBELET], [bare('n1'), pod('web', 'default', { nodeName: 'n1', containers: [{ name: 'c', image: 'x', command: ['sim', 'log', 'hi'] }] })]);
  try {
    await plane.advance(2_000);
    assert.equal(await plane.client.getPath('/api/v1/namespaces/default/pods/web/log'), 'hi\n');
    assert.deepEqual(await plane.client.getPath('/api/v1/namespaces/default/pods/web/exec?command=echo&command=ok'), { stdout: 'ok\n', stderr: '', exitCode: 0 });
    await assert.rejects(plane.client.getPath('/api/v1/namespaces/default/pods/web/log?container=nope'), /container nope is not valid for pod web/);
    await plane.component<KubeletFleet>(KUBELET)!.setMode('n1', 'stopped');
    await assert.rejects(plane.client.getPath('/api/v1/namespaces/default/pods/web/log'), /dial tcp: connect: connection refused/);
  } finally {
    await plane.stop();
  }
});
