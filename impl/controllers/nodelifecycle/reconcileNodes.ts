// The node lifecycle controller's monitorNodeHealth pass, with the NoSchedule tainting pass and
// the taint-eviction controller folded in, as a pure function over every Node, node Lease and Pod.
import type { KubeObject } from '../../client/index.ts';
import { earliest, patchAction, updateStatusAction, type Action, type Reconciled } from '../actions.ts';
import { deepEqual, timestamp } from '../replicaset/objects.ts';
import { lastHeartbeat, markNodeUnknown, nodeCondition, NODE_LEASE_NAMESPACE, zoneKey } from './nodeHealth.ts';
import { podsOnNode } from './podsOnNode.ts';
import { CONDITION_TAINTS, CONTROLLED_NO_SCHEDULE_KEYS, sameTaint, TAINT_NOT_READY, TAINT_UNREACHABLE, TAINT_UNSCHEDULABLE, type Taint } from './taints.ts';

export interface NodeLifecycleConfig {
  /** --node-monitor-grace-period: 50 s since v1.32 (40 s before). */
  nodeMonitorGracePeriodMs: number;
  /** --node-startup-grace-period, for nodes that never posted Ready. */
  nodeStartupGracePeriodMs: number;
  /** As if the DefaultTolerationSeconds admission plugin ran (the API server here does not run it); null: off. */
  defaultTolerationSeconds: number | null;
  /** --unhealthy-zone-threshold and --large-cluster-size-threshold. */
  unhealthyZoneThreshold: number;
  largeClusterThreshold: number;
}

export const DEFAULT_NODE_LIFECYCLE_CONFIG: NodeLifecycleConfig = {
  nodeMonitorGracePeriodMs: 50_000,
  nodeStartupGracePeriodMs: 60_000,
  defaultTolerationSeconds: 300,
  unhealthyZoneThreshold: 0.55,
  largeClusterThreshold: 50,
};

const EXCLUDE_DISRUPTION = 'node.kubernetes.io/exclude-disruption';

/**
 * One pass at `now` (ms). For each node: Ready etc. become Unknown once the last heartbeat
 * (status or Lease in kube-node-lease) is older than the grace period; the NoExecute taint
 * follows Ready (False → not-ready, Unknown → unreachable, True → none) and NoSchedule taints
 * follow the conditions and spec.unschedulable; pods of a not-Ready node are marked not ready
 * and evicted per their tolerations. When every node counted for disruption is not Ready (all
 * zones fully disrupted), no NoExecute taint is added and existing ones are removed; a zone in
 * partial disruption no larger than largeClusterThreshold gets no new NoExecute taints.
 * requeueAfterMs: when the next heartbeat may expire or the next tolerated pod must go.
 */
export function reconcileNodes(nodes: readonly KubeObject[], leases: readonly KubeObject[], pods: readonly KubeObject[], now: number, config: Partial<NodeLifecycleConfig> = {}): Reconciled<void> {
  const cfg = { ...DEFAULT_NODE_LIFECYCLE_CONFIG, ...config };
  const leaseOf = new Map(leases.filter((l) => l.metadata.namespace === NODE_LEASE_NAMESPACE).map((l) => [l.metadata.name, l]));
  const actions: Action[] = [];
  let requeue: number | undefined;
  const observed = nodes.map((node) => {
    const hasReady = !!nodeCondition(node, 'Ready');
    const grace = hasReady ? cfg.nodeMonitorGracePeriodMs : cfg.nodeStartupGracePeriodMs;
    const expires = lastHeartbeat(node, leaseOf.get(node.metadata.name)) + grace;
    const updated = now > expires ? markNodeUnknown(node, now) : undefined;
    if (updated) actions.push(updateStatusAction(updated, `node ${node.metadata.name}: no heartbeat for ${Math.round((now - expires + grace) / 1000)}s`));
    else if (now <= expires) requeue = earliest(requeue, expires + 1 - now);
    const current = updated ?? node;
    return { node: current, ready: nodeCondition(current, 'Ready')?.status };
  });
  // a node that has not posted Ready yet, within its startup grace period, is not judged (upstream: no current Ready condition)
  const judged = observed.filter((o): o is { node: KubeObject; ready: string } => o.ready !== undefined);
  const { allDisrupted, noNewNoExecute } = disruption(judged, cfg);
  for (const { node, ready } of judged) {
    const taints = desiredTaints(node, ready, allDisrupted, noNewNoExecute.has(zoneKey(node)), now);
    if (!deepEqual(taints, node.spec?.taints ?? [])) actions.push(patchAction(node, { spec: { taints: taints.length ? taints : null } }, `node ${node.metadata.name}: Ready=${ready}, taints ${taints.map((t) => `${t.key}:${t.effect}`).join(',') || 'none'}`));
    const noExecute = taints.filter((t) => t.effect === 'NoExecute');
    const r = podsOnNode(node, ready, noExecute, pods, now, cfg.defaultTolerationSeconds);
    actions.push(...r.actions);
    if (r.nextEvictionAt !== undefined) requeue = earliest(requeue, r.nextEvictionAt - now);
  }
  return { actions, status: undefined, ...(requeue !== undefined && { requeueAfterMs: requeue }) };
}

/** handleDisruption / ComputeZoneState, without memory of the previous pass. */
function disruption(observed: { node: KubeObject; ready: string }[], cfg: NodeLifecycleConfig) {
  const zones = new Map<string, { ready: number; notReady: number }>();
  for (const { node, ready } of observed) {
    if (node.metadata.labels?.[EXCLUDE_DISRUPTION] !== undefined) continue;
    const z = zones.get(zoneKey(node)) ?? { ready: 0, notReady: 0 };
    if (ready === 'True') z.ready++;
    else z.notReady++;
    zones.set(zoneKey(node), z);
  }
  const states = [...zones].map(([zone, z]) => {
    const full = z.ready === 0 && z.notReady > 0;
    const partial = !full && z.notReady > 2 && z.notReady / (z.ready + z.notReady) >= cfg.unhealthyZoneThreshold;
    return { zone, full, partial, size: z.ready + z.notReady };
  });
  const allDisrupted = states.length > 0 && states.every((s) => s.full);
  const noNewNoExecute = new Set(states.filter((s) => s.partial && s.size <= cfg.largeClusterThreshold).map((s) => s.zone));
  return { allDisrupted, noNewNoExecute };
}

/**
 * The node's taints after this pass: others' taints untouched, the controller's NoExecute and
 * NoSchedule taints recomputed; taints it keeps keep their timeAdded, new ones get `now`.
 */
function desiredTaints(node: KubeObject, ready: string, allDisrupted: boolean, holdNoExecute: boolean, now: number): Taint[] {
  const current: Taint[] = node.spec?.taints ?? [];
  const want: Taint[] = [];
  for (const c of node.status?.conditions ?? []) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) want.push({ key, effect: 'NoSchedule' });
  }
  if (node.spec?.unschedulable) want.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
  const noExecuteKey = allDisrupted ? undefined : ready === 'False' ? TAINT_NOT_READY : ready === 'True' ? undefined : TAINT_UNREACHABLE;
  const hadNoExecute = current.some((t) => t.effect === 'NoExecute' && (t.key === TAINT_NOT_READY || t.key === TAINT_UNREACHABLE));
  if (noExecuteKey && (!holdNoExecute || hadNoExecute)) want.push({ key: noExecuteKey, effect: 'NoExecute' });
  const controlled = (t: Taint) => (t.effect === 'NoSchedule' && CONTROLLED_NO_SCHEDULE_KEYS.has(t.key)) || (t.effect === 'NoExecute' && (t.key === TAINT_NOT_READY || t.key === TAINT_UNREACHABLE));
  const kept = current.filter((t) => !controlled(t) || want.some((w) => sameTaint(w, t)));
  const added = want.filter((w) => !current.some((t) => sameTaint(t, w))).map((t) => ({ ...t, timeAdded: timestamp(now) }));
  return [...kept, ...added];
}
