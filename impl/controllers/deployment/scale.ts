// sync and scale (sync.go): what a paused Deployment, or one whose spec.replicas changed
// mid-rollout, does: resize the active ReplicaSets in proportion to their size.
import type { KubeObject } from '../../client/index.ts';
import { DEPRECATED_ROLLBACK_TO, DESIRED_REPLICAS, intAnnotation, MAX_REPLICAS } from './annotations.ts';
import { cleanupDeployment } from './cleanup.ts';
import { syncDeploymentStatus } from './deploymentStatus.ts';
import { desiredReplicas, isRollingUpdate, maxSurge } from './intOrPercent.ts';
import { syncRevision } from './newReplicaSet.ts';
import { activeReplicaSets, byCreation, bySizeNewer, bySizeOlder, isSaturated, specReplicas, sumReplicas } from './replicaSetSets.ts';
import { scaleIfNeeded, scaleReplicaSet, type SyncContext } from './SyncContext.ts';

/** sync: scale, clean up old ReplicaSets of a paused Deployment, report status. */
export function syncScaling(ctx: SyncContext): void {
  const { newRS, oldRSs } = syncRevision(ctx, false);
  scale(ctx, newRS, oldRSs);
  if (ctx.d.spec?.paused && ctx.d.metadata.annotations?.[DEPRECATED_ROLLBACK_TO] === undefined) cleanupDeployment(ctx, oldRSs);
  syncDeploymentStatus(ctx, newRS);
}

/**
 * isScalingEvent: some active ReplicaSet records a desired-replicas annotation other than
 * spec.replicas.
 */
export function isScalingEvent(d: KubeObject, rss: readonly KubeObject[]): boolean {
  return activeReplicaSets(rss).some((rs) => {
    const desired = intAnnotation(rs, DESIRED_REPLICAS);
    return desired !== undefined && desired !== desiredReplicas(d);
  });
}

/** FindActiveOrLatest: the only active ReplicaSet, else with none active the newest one. */
function activeOrLatest(newRS: KubeObject | undefined, oldRSs: KubeObject[], now: number): KubeObject | undefined {
  if (!newRS && !oldRSs.length) return undefined;
  const newestFirst = [...oldRSs].sort(byCreation(now)).reverse();
  const active = activeReplicaSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

/**
 * scale: one active ReplicaSet takes spec.replicas; a saturated new ReplicaSet empties the old
 * ones; otherwise (RollingUpdate) the difference to spec.replicas + maxSurge is shared among the
 * active ReplicaSets by their share of the max-replicas they were sized for, leftovers to the
 * largest.
 */
export function scale(ctx: SyncContext, newRS: KubeObject | undefined, oldRSs: KubeObject[]): void {
  const { d, now } = ctx;
  const desired = desiredReplicas(d);
  const only = activeOrLatest(newRS, oldRSs, now);
  if (only) {
    scaleIfNeeded(ctx, only, desired);
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of activeReplicaSets(oldRSs)) scaleIfNeeded(ctx, old, 0);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const all = activeReplicaSets([...oldRSs, newRS]);
  const allowed = desired > 0 ? desired + maxSurge(d) : 0;
  const toAdd = allowed - sumReplicas(all);
  const operation = toAdd > 0 ? 'up' : toAdd < 0 ? 'down' : undefined;
  if (toAdd > 0) all.sort(bySizeNewer(now));
  else if (toAdd < 0) all.sort(bySizeOlder(now));
  let added = 0;
  const sizes = all.map((rs) => {
    if (toAdd === 0) return specReplicas(rs);
    const p = proportion(rs, d, toAdd, added);
    added += p;
    return specReplicas(rs) + p;
  });
  if (toAdd !== 0 && all.length) sizes[0] = Math.max(0, sizes[0] + toAdd - added);
  all.forEach((rs, i) => scaleReplicaSet(ctx, rs, sizes[i], operation));
}

/** GetProportion: this ReplicaSet's share of `toAdd`, bounded by what is still left to add. */
function proportion(rs: KubeObject, d: KubeObject, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(rs: KubeObject, d: KubeObject): number {
  const desired = desiredReplicas(d);
  if (desired === 0) return -specReplicas(rs);
  const deploymentReplicas = desired + maxSurge(d);
  const annotated = intAnnotation(rs, MAX_REPLICAS) ?? d.status?.replicas ?? 0;
  const size = (specReplicas(rs) * deploymentReplicas) / annotated;
  return roundHalfAwayFromZero(size) - specReplicas(rs);
}

const roundHalfAwayFromZero = (x: number): number => (x < 0 ? Math.ceil(x - 0.5) : Math.floor(x + 0.5));
