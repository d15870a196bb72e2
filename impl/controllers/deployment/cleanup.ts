// cleanupDeployment (sync.go): keep at most revisionHistoryLimit old ReplicaSets.
import type { KubeObject } from '../../client/index.ts';
import { byRevision, specReplicas } from './replicaSetSets.ts';
import { remove, type SyncContext } from './SyncContext.ts';

/**
 * Deletes the oldest-revision old ReplicaSets beyond revisionHistoryLimit, skipping any that
 * still have pods, want pods, have an unobserved spec or are already being deleted. No limit
 * (absent or MaxInt32): nothing.
 */
export function cleanupDeployment(ctx: SyncContext, oldRSs: readonly KubeObject[]): void {
  const limit = ctx.d.spec?.revisionHistoryLimit;
  if (limit == null || limit === 2147483647) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  for (const rs of [...cleanable].sort(byRevision(ctx.now)).slice(0, diff)) {
    if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    remove(ctx, rs, `revisionHistoryLimit ${limit}: delete old replica set ${rs.metadata.name}`);
  }
}
