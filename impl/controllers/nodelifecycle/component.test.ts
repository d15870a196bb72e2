// The node lifecycle component with the kubelet fleet: what it writes when a kubelet falls silent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actions, fixturePlane, pod } from '../../controlplane/testing/fixturePlane.ts';
import type { KubeObject } from '../../client/index.ts';
import { KUBELET, type KubeletFleet } from '../../kubelet/component/kubeletComponent.ts';
import { NODE_LIFECYCLE_CONTROLLER } from './component.ts';

const bare = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name } });
const tolerating = (seconds: number) => ({ tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds }] });

const cases: { name: string; silentMs: number; want: string[] }[] = [
  { name: 'nodes that heartbeat are left alone', silentMs: -1, want: [] },
  { name: 'a node silent for 49 s after its last heartbeat is still left alone (the grace period is not over)', silentMs: 49_000, want: [] },
  {
    name: 'a node silent past the grace period is marked Unknown, tainted, and its pod marked not ready',
    silentMs: 51_000,
    want: ['update nodes n1/status 200', 'patch nodes n1 200', 'patch pods default/web/status 200', 'create events default/<name> 201'],
  },
  {
    name: 'the pod is evicted once its toleration of 30 s has run out',
    silentMs: 81_000,
    want: ['update nodes n1/status 200', 'patch nodes n1 200', 'patch pods default/web/status 200', 'create events default/<name> 201', 'patch pods default/web/status 200', 'delete pods default/web 200', 'create events default/<name> 201'],
  },
];

for (const c of cases) {
  test(c.name, async () => {
    const plane = await fixturePlane([KUBELET, NODE_LIFECYCLE_CONTROLLER], [bare('n1'), bare('n2'), pod('web', 'default', { nodeName: 'n1', ...tolerating(30) })]);
    try {
      await plane.advance(1_000); // the kubelets' first heartbeat
      if (c.silentMs >= 0) await plane.component<KubeletFleet>(KUBELET)!.setMode('n1', 'stopped');
      const since = plane.trace.last;
      await plane.advance(c.silentMs >= 0 ? c.silentMs : 120_000);
      const got = actions(plane, NODE_LIFECYCLE_CONTROLLER, since).map((a) => a.replace(/events default\/\S+ /, 'events default/<name> '));
      assert.deepEqual(got, c.want);
    } finally {
      await plane.stop();
    }
  });
}
