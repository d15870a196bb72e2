// What happens to the pods of an unhealthy node: MarkPodsNotReady (their Ready condition turns
// False) and the taint-eviction controller's NoExecute handling (deleted once no toleration
// covers the taints any longer).
import type { KubeObject } from '../../client/index.ts';
import { deleteAction, patchAction, type Action } from '../actions.ts';
import { timeOf, timestamp } from '../replicaset/objects.ts';
import { matchingTolerations, minTolerationSeconds, withDefaultTolerations, type Taint, type Toleration } from './taints.ts';

interface PodCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastProbeTime?: string | null;
}

export interface PodsOnNodeResult {
  actions: Action[];
  /** The earliest time a pod still waiting out its toleration must be evicted. */
  nextEvictionAt?: number;
}

/**
 * For every pod bound to `node` that is not already being deleted:
 *  - when the node is not Ready, a status patch setting Ready=False (event NodeNotReady);
 *  - with NoExecute taints: an untolerated taint evicts now; otherwise the pod is evicted
 *    min(tolerationSeconds) after the newest NoExecute taint was added (never when no used
 *    toleration sets tolerationSeconds). Eviction = a status patch adding DisruptionTarget
 *    (DeletionByTaintManager), then a delete with the pod's uid as precondition.
 * `defaultTolerationSeconds` applies the DefaultTolerationSeconds admission plugin to pods that
 * lack it (null: take tolerations as they are).
 */
export function podsOnNode(node: KubeObject, nodeReady: string, noExecute: readonly Taint[], pods: readonly KubeObject[], now: number, defaultTolerationSeconds: number | null): PodsOnNodeResult {
  const actions: Action[] = [];
  let nextEvictionAt: number | undefined;
  const taintedSince = Math.max(0, ...noExecute.map((t) => timeOf(t.timeAdded) || now));
  for (const pod of pods) {
    if (pod.spec?.nodeName !== node.metadata.name || pod.metadata.deletionTimestamp) continue;
    let conditions: PodCondition[] = pod.status?.conditions ?? [];
    const notReady = nodeReady !== 'True' && conditions.some((c) => c.type === 'Ready' && c.status !== 'False');
    if (notReady) conditions = conditions.map((c) => (c.type === 'Ready' && c.status !== 'False' ? { ...c, status: 'False', lastTransitionTime: timestamp(now) } : c));
    let evictAt: number | undefined;
    if (noExecute.length) {
      const declared: Toleration[] = pod.spec?.tolerations ?? [];
      const tolerations = defaultTolerationSeconds === null ? declared : withDefaultTolerations(declared, defaultTolerationSeconds);
      const { all, used } = matchingTolerations(noExecute, tolerations);
      const seconds = all ? minTolerationSeconds(used) : 0;
      if (seconds !== Infinity) evictAt = all ? taintedSince + seconds * 1000 : now;
    }
    const evictNow = evictAt !== undefined && evictAt <= now;
    if (evictNow) conditions = [...conditions.filter((c) => c.type !== 'DisruptionTarget'), { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastTransitionTime: timestamp(now), lastProbeTime: null }];
    if (notReady || evictNow) {
      const event = notReady ? { type: 'Warning' as const, reason: 'NodeNotReady', message: 'Node is not ready', regarding: pod } : undefined;
      actions.push(patchAction(pod, { status: { conditions } }, notReady ? `node ${node.metadata.name} is not ready` : 'mark for eviction', { subresource: 'status', ...(event && { event }) }));
    }
    if (evictNow) {
      actions.push(deleteAction(pod, `evict from node ${node.metadata.name}: NoExecute taint no longer tolerated`, {
        preconditions: { uid: pod.metadata.uid },
        event: { type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`, regarding: pod },
      }));
    } else if (evictAt !== undefined && (nextEvictionAt === undefined || evictAt < nextEvictionAt)) nextEvictionAt = evictAt;
  }
  return { actions, ...(nextEvictionAt !== undefined && { nextEvictionAt }) };
}
