// PodTopologySpread's hard side (whenUnsatisfiable: DoNotSchedule): placing the pod on a node
// must keep (matching pods in the node's domain + 1 if the pod matches itself - global minimum)
// within maxSkew. With fewer eligible domains than minDomains the global minimum counts as 0.
import type { CycleState } from '../../framework/cycleState.ts';
import type { NodeInfo } from '../../framework/nodeInfo.ts';
import type { PodInfo, SpreadConstraint } from '../../framework/podInfo.ts';
import { Code, SKIP, Status } from '../../framework/status.ts';
import type { PreFilterResult } from '../../framework/interfaces.ts';
import { constraintsFor, countMatchingPods, nodeHasAllKeys, nodeIncluded } from './constraints.ts';

export const REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const REASON_NODE_LABEL_NOT_MATCH = `${REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;
const PRE_FILTER_KEY = 'PreFilterPodTopologySpread';
const MISSING_LABEL = new Status(Code.UnschedulableAndUnresolvable, REASON_NODE_LABEL_NOT_MATCH);
const SKEWED = new Status(Code.Unschedulable, REASON_CONSTRAINTS_NOT_MATCH);

interface FilterState {
  constraints: SpreadConstraint[];
  /** Topology key → domain value → matching pods. */
  counts: Map<string, Map<string, number>>;
}

export function preFilter(state: CycleState, pod: PodInfo): PreFilterResult | null {
  const constraints = constraintsFor(pod, 'DoNotSchedule', state.snapshot);
  if (constraints.length === 0) return { status: SKIP };
  const counts = new Map<string, Map<string, number>>();
  for (const c of constraints) if (!counts.has(c.topologyKey)) counts.set(c.topologyKey, new Map());
  for (const node of state.snapshot.nodes) {
    if (!nodeHasAllKeys(node.labels, constraints)) continue;
    for (const c of constraints) {
      if (!nodeIncluded(c, pod, node)) continue;
      const domains = counts.get(c.topologyKey)!;
      const value = node.labels[c.topologyKey];
      domains.set(value, (domains.get(value) ?? 0) + countMatchingPods(node.pods, c.selector, pod.namespace));
    }
  }
  state.write(PRE_FILTER_KEY, { constraints, counts } satisfies FilterState);
  return null;
}

function minMatch(domains: Map<string, number>, minDomains: number): number {
  if (domains.size < minDomains) return 0;
  let min = Infinity;
  for (const n of domains.values()) if (n < min) min = n;
  return min;
}

export function filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
  const s = state.read<FilterState>(PRE_FILTER_KEY);
  if (!s) return null;
  for (const c of s.constraints) {
    const value = node.labels[c.topologyKey];
    if (value === undefined) return MISSING_LABEL;
    const domains = s.counts.get(c.topologyKey)!;
    const self = c.selector.matches(pod.labels) ? 1 : 0;
    const skew = (domains.get(value) ?? 0) + self - minMatch(domains, c.minDomains);
    if (skew > c.maxSkew) return SKEWED;
  }
  return null;
}
