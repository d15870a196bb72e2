// The barrier a real-time scheduling scenario waits at before its pod: the scheduler has seen the
// scenario's cluster (features/support/schedulingThroughObjects.ts).
import { randomBytes } from 'node:crypto';
import type { KubeObject } from '../../harness/contract/methods.ts';
import type { KWorld } from './world.ts';

/**
 * "Given these nodes" means nodes the scheduler knows. A scheduler watches nodes and pods on separate
 * streams, so a pod created right after its nodes may be scheduled against an older view of them (a
 * real cluster races the same way), and a loaded machine can make that view seconds old. With
 * virtual time the driver settles after every write. In real time the scenario sends a sentinel: a
 * pod no node can take. Once the scheduler has rejected it, its pod stream has delivered everything
 * written before it (the running pods, the deletions of the scenario before), and when its message
 * counts the nodes (`0/N nodes are available`, upstream's wording), N must be the number of nodes in
 * the API. The sentinel is then deleted. A scheduler that never rejects it is given SENTINEL_TIMEOUT_MS;
 * the scenario then goes on, and its own checks say what is wrong.
 */
export async function letTheSchedulerCatchUp(w: KWorld, namespace: string): Promise<void> {
  if (w.driver.has('time')) return void (await w.driver.call('time.settle', {}));
  const name = `kconform-sentinel-${randomBytes(3).toString('hex')}`;
  const sentinel = {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace },
    spec: { nodeSelector: { 'kconform.io/sentinel': 'no-node-has-this' }, containers: [{ name: 'pause', image: 'registry.k8s.io/pause:3.9' }] },
  };
  await w.driver.call('objects.create', { object: sentinel });
  const deadline = Date.now() + SENTINEL_TIMEOUT_MS;
  try {
    while (Date.now() < deadline) {
      const [{ object }, { items: nodes }] = await Promise.all([
        w.driver.call('objects.get', { kind: 'Pod', namespace, name }),
        w.driver.call('objects.list', { kind: 'Node' }),
      ]);
      if (sentinelRejected(object, nodes.length)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await w.driver.call('objects.delete', { kind: 'Pod', namespace, name }).catch(() => {});
  }
}

/** How long a scheduler gets to reject the sentinel pod, in real time. */
export const SENTINEL_TIMEOUT_MS = 10_000;

/** True when the sentinel pod is marked unschedulable by a scheduler that counts `nodes` nodes (when its message counts them). */
export function sentinelRejected(pod: KubeObject, nodes: number): boolean {
  const conditions = (pod.status as { conditions?: Record<string, string>[] } | undefined)?.conditions ?? [];
  const rejected = conditions.find((c) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable');
  if (!rejected) return false;
  const counted = /^0\/(\d+) nodes are available/.exec(rejected.message ?? '');
  return !counted || Number(counted[1]) === nodes;
}
