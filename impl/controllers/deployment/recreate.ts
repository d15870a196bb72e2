// rolloutRecreate (recreate.go): scale every old ReplicaSet to zero, wait until none of their
// pods runs, then create or scale up the new one.
import type { KubeObject } from '../../client/index.ts';
import { controllerOf } from '../replicaset/objects.ts';
import { cleanupDeployment } from './cleanup.ts';
import { deploymentComplete, statusAfterCollision, syncRolloutStatus } from './deploymentStatus.ts';
import { desiredReplicas } from './intOrPercent.ts';
import { syncRevision } from './newReplicaSet.ts';
import { activeReplicaSets, sumStatus } from './replicaSetSets.ts';
import { scaleIfNeeded, type SyncContext } from './SyncContext.ts';

export function rolloutRecreate(ctx: SyncContext): void {
  let { newRS, oldRSs } = syncRevision(ctx, false);
  let scaledDown = false;
  for (const rs of activeReplicaSets(oldRSs)) if (scaleIfNeeded(ctx, rs, 0)) scaledDown = true;
  if (scaledDown || oldPodsRunning(ctx, newRS, oldRSs)) return syncRolloutStatus(ctx, newRS);
  if (!newRS) {
    const created = syncRevision(ctx, true);
    if (created.collided || !created.newRS) return statusAfterCollision(ctx);
    ({ newRS, oldRSs } = created);
  }
  scaleIfNeeded(ctx, newRS!, desiredReplicas(ctx.d));
  if (deploymentComplete(ctx.d, ctx.d.status)) cleanupDeployment(ctx, oldRSs);
  syncRolloutStatus(ctx, newRS);
}

/**
 * oldPodsRunning: an old ReplicaSet still reports pods, or a pod controlled by one is in any
 * phase but Succeeded or Failed (Unknown counts: it may still run).
 */
function oldPodsRunning(ctx: SyncContext, newRS: KubeObject | undefined, oldRSs: KubeObject[]): boolean {
  if (sumStatus(oldRSs, 'replicas') > 0) return true;
  const old = new Set(ctx.rss.filter((rs) => rs !== newRS).map((rs) => rs.metadata.uid));
  return ctx.pods.some((p) => old.has(controllerOf(p)?.uid) && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
}
