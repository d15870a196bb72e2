// rolloutRolling (rolling.go): grow the new ReplicaSet within maxSurge, shrink the old ones
// within maxUnavailable, unhealthy pods first.
import type { KubeObject } from '../../client/index.ts';
import { cleanupDeployment } from './cleanup.ts';
import { deploymentComplete, statusAfterCollision, syncRolloutStatus } from './deploymentStatus.ts';
import { desiredReplicas, maxUnavailable } from './intOrPercent.ts';
import { newRSNewReplicas, syncRevision } from './newReplicaSet.ts';
import { activeReplicaSets, byCreation, specReplicas, sumReplicas, sumStatus } from './replicaSetSets.ts';
import { scaleIfNeeded, type SyncContext } from './SyncContext.ts';

export function rolloutRolling(ctx: SyncContext): void {
  const { newRS, oldRSs, collided } = syncRevision(ctx, true);
  if (collided || !newRS) return statusAfterCollision(ctx);
  const all = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(ctx, all, newRS)) return syncRolloutStatus(ctx, newRS);
  if (reconcileOldReplicaSets(ctx, all, activeReplicaSets(oldRSs), newRS)) return syncRolloutStatus(ctx, newRS);
  if (deploymentComplete(ctx.d, ctx.d.status)) cleanupDeployment(ctx, oldRSs);
  syncRolloutStatus(ctx, newRS);
}

/** Scale the new ReplicaSet down to spec.replicas, or up as far as maxSurge allows. */
function reconcileNewReplicaSet(ctx: SyncContext, all: KubeObject[], newRS: KubeObject): boolean {
  const desired = desiredReplicas(ctx.d);
  if (specReplicas(newRS) === desired) return false;
  if (specReplicas(newRS) > desired) return scaleIfNeeded(ctx, newRS, desired);
  return scaleIfNeeded(ctx, newRS, newRSNewReplicas(ctx.d, all, newRS));
}

/**
 * Scale old ReplicaSets down by at most (all pods − minAvailable − unavailable new pods): first
 * their unavailable pods (oldest ReplicaSet first), then available ones down to minAvailable.
 */
function reconcileOldReplicaSets(ctx: SyncContext, all: KubeObject[], oldRSs: KubeObject[], newRS: KubeObject): boolean {
  if (sumReplicas(oldRSs) === 0) return false;
  const minAvailable = desiredReplicas(ctx.d) - maxUnavailable(ctx.d);
  const newUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = sumReplicas(all) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(ctx, oldRSs, maxScaledDown);
  const scaledDown = scaleDownOldReplicaSets(ctx, [...oldRSs, newRS], oldRSs, minAvailable);
  return cleaned + scaledDown > 0;
}

function cleanupUnhealthyReplicas(ctx: SyncContext, oldRSs: KubeObject[], maxCleanup: number): number {
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation(ctx.now))) {
    if (total >= maxCleanup) break;
    const available = rs.status?.availableReplicas ?? 0;
    if (specReplicas(rs) === 0 || specReplicas(rs) === available) continue;
    const n = Math.min(maxCleanup - total, specReplicas(rs) - available);
    scaleIfNeeded(ctx, rs, specReplicas(rs) - n);
    total += n;
  }
  return total;
}

function scaleDownOldReplicaSets(ctx: SyncContext, all: KubeObject[], oldRSs: KubeObject[], minAvailable: number): number {
  const available = sumStatus(all, 'availableReplicas');
  if (available <= minAvailable) return 0;
  const want = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation(ctx.now))) {
    if (total >= want) break;
    if (specReplicas(rs) === 0) continue;
    const n = Math.min(specReplicas(rs), want - total);
    scaleIfNeeded(ctx, rs, specReplicas(rs) - n);
    total += n;
  }
  return total;
}
