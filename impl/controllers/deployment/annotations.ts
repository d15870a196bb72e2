// The annotations a Deployment keeps on its ReplicaSets (deploymentutil): revision numbers,
// revision history, desired/max replicas, and the Deployment annotations copied onto its new
// ReplicaSet.
import type { KubeObject } from '../../client/index.ts';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
/** apps.DeprecatedRollbackTo: what extensions/v1beta1 `spec.rollbackTo` converts to. */
export const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** Upstream's maxRevHistoryLengthInChars. */
export const MAX_REVISION_HISTORY_CHARS = 2000;

const SKIPPED = new Set([LAST_APPLIED, REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, DEPRECATED_ROLLBACK_TO]);

/** Go's strconv.ParseInt(s, 10, 64) for the values we meet; undefined when it would fail. */
function parseInt64(s: string): number | undefined {
  return /^[+-]?\d+$/.test(s) ? Number(s) : undefined;
}

/** The revision annotation as a number: 0 when absent, undefined when unparsable. */
export function revisionOf(o: KubeObject): number | undefined {
  const v = o.metadata.annotations?.[REVISION];
  return v === undefined ? 0 : parseInt64(v);
}

export function maxRevision(rss: readonly KubeObject[]): number {
  return Math.max(0, ...rss.map((rs) => revisionOf(rs) ?? 0));
}

/** The second highest revision (deploymentutil.LastRevision). */
export function lastRevision(rss: readonly KubeObject[]): number {
  let max = 0, second = 0;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (v >= max) [second, max] = [max, v];
    else if (v > second) second = v;
  }
  return second;
}

/** The annotation as an int32 (strconv.Atoi), undefined when absent or invalid. */
export function intAnnotation(o: KubeObject, key: string): number | undefined {
  const v = o.metadata.annotations?.[key];
  return v === undefined ? undefined : parseInt64(v);
}

/** Sets desired- and max-replicas on `rs` (mutated); true when either changed. */
export function setReplicasAnnotations(rs: KubeObject, desired: number, max: number): boolean {
  const a = (rs.metadata.annotations ??= {});
  const changed = a[DESIRED_REPLICAS] !== String(desired) || a[MAX_REPLICAS] !== String(max);
  a[DESIRED_REPLICAS] = String(desired);
  a[MAX_REPLICAS] = String(max);
  return changed;
}

export const replicasAnnotationsNeedUpdate = (rs: KubeObject, desired: number, max: number): boolean =>
  rs.metadata.annotations?.[DESIRED_REPLICAS] !== String(desired) || rs.metadata.annotations?.[MAX_REPLICAS] !== String(max);

/**
 * SetNewReplicaSetAnnotations on `rs` (mutated): copies the Deployment's annotations except the
 * skipped ones, raises the revision to `newRevision` when lower (recording the old one in
 * revision-history: the revision this ReplicaSet is being rolled back from), and for a ReplicaSet
 * about to be created sets desired/max replicas. True when an annotation changed.
 */
export function setNewReplicaSetAnnotations(d: KubeObject, rs: KubeObject, newRevision: number, exists: boolean, desired: number, max: number): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries<string>(d.metadata.annotations ?? {})) {
    if (SKIPPED.has(k) || a[k] === v) continue;
    a[k] = v;
    changed = true;
  }
  const had = a[REVISION];
  const old = had === undefined || had === '' ? 0 : parseInt64(had);
  if (old === undefined) return false;
  if (old < newRevision) {
    a[REVISION] = String(newRevision);
    changed = true;
    if (had !== undefined) appendRevisionHistory(a, had);
  }
  if (!exists && setReplicasAnnotations(rs, desired, max)) changed = true;
  return changed;
}

function appendRevisionHistory(a: Record<string, string>, oldRevision: string): void {
  const history = a[REVISION_HISTORY] ?? '';
  if (!history) {
    a[REVISION_HISTORY] = oldRevision;
    return;
  }
  const parts = history.split(',');
  let total = history.length + oldRevision.length + 1;
  let start = 0;
  while (total > MAX_REVISION_HISTORY_CHARS && start < parts.length) total -= parts[start++].length + 1;
  if (total <= MAX_REVISION_HISTORY_CHARS) a[REVISION_HISTORY] = [...parts.slice(start), oldRevision].join(',');
}

/** SetDeploymentAnnotationsTo: the Deployment keeps its skipped annotations and takes the rest from `rs`. */
export function setDeploymentAnnotationsTo(d: KubeObject, rs: KubeObject): void {
  const kept = Object.fromEntries(Object.entries<string>(d.metadata.annotations ?? {}).filter(([k]) => SKIPPED.has(k)));
  for (const [k, v] of Object.entries<string>(rs.metadata.annotations ?? {})) if (!SKIPPED.has(k)) kept[k] = v;
  d.metadata.annotations = kept;
}
