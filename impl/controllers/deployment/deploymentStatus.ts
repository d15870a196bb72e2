// A Deployment's status (sync.go calculateStatus, progress.go syncRolloutStatus): counts summed
// from its ReplicaSets' statuses, the Available condition, and during rollouts the Progressing
// condition that `kubectl rollout status` reads.
import type { KubeObject } from '../../client/index.ts';
import { timeOf } from '../replicaset/objects.ts';
import { AVAILABLE, getCondition, newCondition, PROGRESSING, REASONS, removeCondition, REPLICA_FAILURE, setCondition, type DeploymentCondition } from './conditions.ts';
import { desiredReplicas, maxUnavailable } from './intOrPercent.ts';
import { hasProgressDeadline } from './newReplicaSet.ts';
import { sumReplicas, sumStatus } from './replicaSetSets.ts';
import type { SyncContext } from './SyncContext.ts';

export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  conditions?: DeploymentCondition[];
  collisionCount?: number;
}

/** calculateStatus: counts, observedGeneration, the working conditions plus Available. */
export function calculateStatus(ctx: SyncContext, newRS: KubeObject | undefined): DeploymentStatus {
  const { d } = ctx;
  const all = [...ctx.rss];
  const available = sumStatus(all, 'availableReplicas');
  const counts: DeploymentStatus = {
    observedGeneration: d.metadata.generation,
    replicas: sumStatus(all, 'replicas'),
    updatedReplicas: sumStatus(newRS ? [newRS] : [], 'replicas'),
    readyReplicas: sumStatus(all, 'readyReplicas'),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, sumReplicas(all) - available),
  };
  const status: DeploymentStatus = {};
  for (const [k, v] of Object.entries(counts)) if (v) (status as any)[k] = v;
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  status.conditions = [...(d.status?.conditions ?? [])];
  if (available >= desiredReplicas(d) - maxUnavailable(d))
    setCondition(status, newCondition(AVAILABLE, 'True', REASONS.minimumReplicasAvailable, 'Deployment has minimum availability.', ctx.now));
  else setCondition(status, newCondition(AVAILABLE, 'False', REASONS.minimumReplicasUnavailable, 'Deployment does not have minimum availability.', ctx.now));
  return status;
}

/** DeploymentComplete: every desired replica updated and available, no old ones, spec observed. */
export function deploymentComplete(d: KubeObject, s: DeploymentStatus): boolean {
  const want = desiredReplicas(d);
  return (s.updatedReplicas ?? 0) === want && (s.replicas ?? 0) === want && (s.availableReplicas ?? 0) === want && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** DeploymentProgressing: more updated, ready or available pods than before, or fewer old ones. */
function deploymentProgressing(before: DeploymentStatus, s: DeploymentStatus): boolean {
  const n = (x: number | undefined) => x ?? 0;
  return n(s.updatedReplicas) > n(before.updatedReplicas)
    || n(s.replicas) - n(s.updatedReplicas) < n(before.replicas) - n(before.updatedReplicas)
    || n(s.readyReplicas) > n(before.readyReplicas)
    || n(s.availableReplicas) > n(before.availableReplicas);
}

function deploymentTimedOut(d: KubeObject, s: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(s, PROGRESSING);
  if (!c || c.reason === REASONS.newRSAvailable) return false;
  if (c.reason === REASONS.timedOut) return true;
  return timeOf(c.lastUpdateTime) + d.spec.progressDeadlineSeconds * 1000 < now;
}

/** After a ReplicaSet name collision: write the bumped collisionCount; the update resyncs the Deployment. */
export function statusAfterCollision(ctx: SyncContext): void {
  ctx.status = { ...ctx.d.status };
}

/** syncDeploymentStatus (scaling and paused syncs): the status without progress estimation. */
export function syncDeploymentStatus(ctx: SyncContext, newRS: KubeObject | undefined): void {
  ctx.status = calculateStatus(ctx, newRS) as Record<string, unknown>;
}

/**
 * syncRolloutStatus: with a progress deadline and a rollout not yet complete, Progressing becomes
 * NewReplicaSetAvailable once complete, ReplicaSetUpdated (lastUpdateTime refreshed) while pods
 * move, ProgressDeadlineExceeded once nothing moved for progressDeadlineSeconds. ReplicaFailure
 * mirrors the first failure condition of the new, else any, ReplicaSet. Asks for a requeue at the
 * deadline while the rollout is stuck.
 */
export function syncRolloutStatus(ctx: SyncContext, newRS: KubeObject | undefined): void {
  const { d, now } = ctx;
  const status = calculateStatus(ctx, newRS);
  if (!hasProgressDeadline(d)) removeCondition(status, PROGRESSING);
  const before = d.status as DeploymentStatus;
  const current = getCondition(before, PROGRESSING);
  const name = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
  const complete = (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && current?.reason === REASONS.newRSAvailable;
  if (hasProgressDeadline(d) && !complete) {
    if (deploymentComplete(d, status)) setCondition(status, newCondition(PROGRESSING, 'True', REASONS.newRSAvailable, `${name} has successfully progressed.`, now));
    else if (deploymentProgressing(before, status)) {
      const c = newCondition(PROGRESSING, 'True', REASONS.replicaSetUpdated, `${name} is progressing.`, now);
      if (current) {
        if (current.status === 'True') c.lastTransitionTime = current.lastTransitionTime;
        removeCondition(status, PROGRESSING);
      }
      setCondition(status, c);
    } else if (deploymentTimedOut(d, status, now)) setCondition(status, newCondition(PROGRESSING, 'False', REASONS.timedOut, `${name} has timed out progressing.`, now));
  }
  const failure = replicaFailure(ctx.rss, newRS);
  if (failure) setCondition(status, failure);
  else removeCondition(status, REPLICA_FAILURE);
  ctx.status = status as Record<string, unknown>;
  if (hasProgressDeadline(d) && current && !deploymentComplete(d, status) && current.reason !== REASONS.timedOut) {
    const after = timeOf(current.lastUpdateTime) + d.spec.progressDeadlineSeconds * 1000 - now;
    ctx.requeueAfterMs = Math.max(0, after) + 1000;
  }
}

function replicaFailure(rss: readonly KubeObject[], newRS: KubeObject | undefined): DeploymentCondition | undefined {
  const first = (rs: KubeObject | undefined) => (rs?.status?.conditions ?? []).find((c: any) => c.type === REPLICA_FAILURE);
  const c = first(newRS) ?? rss.map(first).find(Boolean);
  return c && { type: REPLICA_FAILURE, status: c.status, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message };
}
