// controller.ActivePodsWithRanks: the order in which a ReplicaSet picks pods to delete when it
// has too many, the first being deleted first.
import type { KubeObject } from '../../client/index.ts';
import { timeOf } from './objects.ts';
import { isPodActive, isPodReady, maxContainerRestarts, readyCondition } from './podUtil.ts';

export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** The pod-deletion-cost annotation as an int32; 0 when absent or invalid. */
export function deletionCost(pod: KubeObject): number {
  const raw = pod.metadata.annotations?.[POD_DELETION_COST];
  if (typeof raw !== 'string' || !/^[+-]?\d+$/.test(raw)) return 0;
  const n = Number(raw);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

/**
 * Orders `pods` for deletion. `related` (usually the pods of every ReplicaSet of the same
 * Deployment) sets each pod's rank: how many active related pods share its node. Ties after
 * every rule keep input order (upstream's sort.Sort is not stable; we are).
 *  1. unassigned before assigned     2. Pending < Unknown < Running     3. not ready before ready
 *  4. lower pod-deletion-cost first  5. higher rank first
 *  6. both ready: ready more recently first (log2 buckets of time since, then uid)
 *  7. more container restarts first  8. created more recently first (log2 buckets, then uid)
 */
export function rankPodsForDeletion(pods: readonly KubeObject[], related: readonly KubeObject[], now: number): KubeObject[] {
  const onNode = new Map<string, number>();
  for (const p of related) if (isPodActive(p)) onNode.set(nodeOf(p), (onNode.get(nodeOf(p)) ?? 0) + 1);
  const rank = (p: KubeObject) => onNode.get(nodeOf(p)) ?? 0;
  return pods
    .map((pod, index) => ({ pod, index }))
    .sort((a, b) => compareForDeletion(a.pod, b.pod, rank, now) || a.index - b.index)
    .map((x) => x.pod);
}

const nodeOf = (p: KubeObject): string => p.spec?.nodeName ?? '';

/** Negative when `a` should be deleted before `b`. */
function compareForDeletion(a: KubeObject, b: KubeObject, rank: (p: KubeObject) => number, now: number): number {
  const na = nodeOf(a), nb = nodeOf(b);
  if (na !== nb && (!na || !nb)) return na ? 1 : -1;
  const pa = PHASE_ORDINAL[a.status?.phase] ?? 0, pb = PHASE_ORDINAL[b.status?.phase] ?? 0;
  if (pa !== pb) return pa - pb;
  const ra = isPodReady(a), rb = isPodReady(b);
  if (ra !== rb) return ra ? 1 : -1;
  const ca = deletionCost(a), cb = deletionCost(b);
  if (ca !== cb) return ca - cb;
  const ka = rank(a), kb = rank(b);
  if (ka !== kb) return kb - ka;
  if (ra && rb) {
    const c = compareTimesNewerFirst(timeOf(readyCondition(a)?.lastTransitionTime), timeOf(readyCondition(b)?.lastTransitionTime), a, b, now);
    if (c) return c;
  }
  const rsa = maxContainerRestarts(a), rsb = maxContainerRestarts(b);
  if (rsa !== rsb) return rsb - rsa;
  return compareTimesNewerFirst(timeOf(a.metadata.creationTimestamp), timeOf(b.metadata.creationTimestamp), a, b, now);
}

/**
 * Equal times: 0. A zero time comes first. Otherwise the LogarithmicScaleDown rule: compare
 * floor(log2(now - t)) (nanoseconds, as upstream), the smaller (more recent) first; equal
 * buckets order by uid.
 */
function compareTimesNewerFirst(ta: number, tb: number, a: KubeObject, b: KubeObject, now: number): number {
  if (ta === tb) return 0;
  if (!ta || !tb) return ta ? 1 : -1;
  const bucket = (t: number) => (now - t > 0 ? Math.floor(Math.log2((now - t) * 1e6)) : -1);
  const d = bucket(ta) - bucket(tb);
  if (d) return d;
  const ua = String(a.metadata.uid ?? ''), ub = String(b.metadata.uid ?? '');
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}
