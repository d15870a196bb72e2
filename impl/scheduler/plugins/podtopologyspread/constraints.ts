// The spread constraints a PodTopologySpread cycle works with: the pod's own for one action
// (DoNotSchedule or ScheduleAnyway), or, when the pod has none, the system defaults applied to
// the selector of the pod's controller.
import { NOTHING, type Labels, type Selector } from '../../framework/labelSelector.ts';
import type { NodeInfo } from '../../framework/nodeInfo.ts';
import type { PodInfo, SpreadConstraint } from '../../framework/podInfo.ts';
import { findUntoleratedTaint, isDoNotSchedule } from '../../framework/taints.ts';
import type { Snapshot } from '../../framework/cycleState.ts';

export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
export const LABEL_ZONE = 'topology.kubernetes.io/zone';

/** Upstream's system default constraints: spread a controller's replicas by host and by zone. */
export const SYSTEM_DEFAULT_CONSTRAINTS: readonly Omit<SpreadConstraint, 'selector'>[] = [
  { topologyKey: LABEL_HOSTNAME, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3, minDomains: 1, nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Ignore' },
  { topologyKey: LABEL_ZONE, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5, minDomains: 1, nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Ignore' },
];

/** The pod's constraints for `action`, or the defaults with its controller's selector. */
export function constraintsFor(pod: PodInfo, action: string, snapshot: Snapshot): SpreadConstraint[] {
  if (pod.spreadConstraints.length > 0) return pod.spreadConstraints.filter((c) => c.whenUnsatisfiable === action);
  const defaults = SYSTEM_DEFAULT_CONSTRAINTS.filter((c) => c.whenUnsatisfiable === action);
  if (defaults.length === 0) return [];
  const selector = snapshot.defaultSpreadSelector(pod);
  if (selector === NOTHING || selector.empty) return [];
  return defaults.map((c) => ({ ...c, selector }));
}

export function nodeHasAllKeys(labels: Labels, constraints: readonly SpreadConstraint[]): boolean {
  for (const c of constraints) if (labels[c.topologyKey] === undefined) return false;
  return true;
}

/** NodeInclusionPolicies: whether `node` counts as a domain member for `pod` under `c`. */
export function nodeIncluded(c: SpreadConstraint, pod: PodInfo, node: NodeInfo): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !pod.requiredNodeAffinity.matches(node.labels, node.name)) return false;
  if (c.nodeTaintsPolicy === 'Honor' && findUntoleratedTaint(node.taints, pod.tolerations, isDoNotSchedule)) return false;
  return true;
}

/** Pods on the node in `namespace` matching `selector`, terminating pods excluded; 0 for an empty selector. */
export function countMatchingPods(pods: readonly PodInfo[], selector: Selector, namespace: string): number {
  if (selector.empty) return 0;
  let n = 0;
  for (const p of pods) if (!p.terminating && p.namespace === namespace && selector.matches(p.labels)) n++;
  return n;
}
