// Pod predicates the workload controllers share (k8s.io/kubernetes pkg/api/v1/pod and
// pkg/controller's IsPodActive).
import type { KubeObject } from '../../client/index.ts';
import { timeOf } from './objects.ts';

/** Not Succeeded, not Failed, not being deleted: the pods a ReplicaSet counts. */
export function isPodActive(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export const readyCondition = (pod: KubeObject): { status?: string; lastTransitionTime?: string } | undefined =>
  (pod.status?.conditions ?? []).find((c: { type?: string }) => c.type === 'Ready');

export const isPodReady = (pod: KubeObject): boolean => readyCondition(pod)?.status === 'True';

/**
 * podutil.IsPodAvailable: ready, and with minReadySeconds > 0 ready since strictly more than
 * minReadySeconds before `now` (a zero transition time never counts).
 */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const since = timeOf(readyCondition(pod)?.lastTransitionTime);
  return since !== 0 && since + minReadySeconds * 1000 < now;
}

/** When a ready pod becomes available, or undefined if it is not ready or never will be. */
export function availableAt(pod: KubeObject, minReadySeconds: number): number | undefined {
  if (!isPodReady(pod)) return undefined;
  const since = timeOf(readyCondition(pod)?.lastTransitionTime);
  return since === 0 ? undefined : since + minReadySeconds * 1000 + 1;
}

export const maxContainerRestarts = (pod: KubeObject): number =>
  Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c: { restartCount?: number }) => c.restartCount ?? 0));
