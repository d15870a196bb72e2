// InterPodAffinity's Filter: the incoming pod's required affinity (some matching pod in the same
// domain, for every term) and anti-affinity (no matching pod in the domain), and the required
// anti-affinity of pods already placed, which must not select the incoming pod in that domain.
import type { CycleState } from '../../framework/cycleState.ts';
import type { PreFilterResult } from '../../framework/interfaces.ts';
import type { NodeInfo } from '../../framework/nodeInfo.ts';
import type { PodInfo } from '../../framework/podInfo.ts';
import { Code, SKIP, Status } from '../../framework/status.ts';
import { TopologyCounts } from './topologyCounts.ts';

export const REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";
export const REASON_AFFINITY = "node(s) didn't match pod affinity rules";
export const REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
const PRE_FILTER_KEY = 'PreFilterInterPodAffinity';
const AFFINITY_FAILED = new Status(Code.UnschedulableAndUnresolvable, REASON_AFFINITY);
const ANTI_AFFINITY_FAILED = new Status(Code.Unschedulable, REASON_ANTI_AFFINITY);
const EXISTING_ANTI_AFFINITY_FAILED = new Status(Code.Unschedulable, REASON_EXISTING_ANTI_AFFINITY);

interface FilterState {
  existingAntiAffinity: TopologyCounts;
  affinity: TopologyCounts;
  antiAffinity: TopologyCounts;
}

export function preFilter(state: CycleState, pod: PodInfo): PreFilterResult | null {
  const snap = state.snapshot;
  const ns = snap.namespaceLabels;
  if (pod.requiredAffinityTerms.length === 0 && pod.requiredAntiAffinityTerms.length === 0 && snap.havePodsWithRequiredAntiAffinity.length === 0) {
    return { status: SKIP };
  }
  const s: FilterState = { existingAntiAffinity: new TopologyCounts(), affinity: new TopologyCounts(), antiAffinity: new TopologyCounts() };
  for (const node of snap.havePodsWithRequiredAntiAffinity) {
    for (const existing of node.podsWithRequiredAntiAffinity) {
      for (const t of existing.requiredAntiAffinityTerms) {
        const v = node.labels[t.topologyKey];
        if (v !== undefined && t.matches(pod, ns)) s.existingAntiAffinity.add(t.topologyKey, v, 1);
      }
    }
  }
  if (pod.requiredAffinityTerms.length > 0 || pod.requiredAntiAffinityTerms.length > 0) {
    for (const node of snap.nodes) {
      for (const existing of node.pods) {
        if (pod.requiredAffinityTerms.length > 0 && pod.requiredAffinityTerms.every((t) => t.matches(existing, ns))) {
          for (const t of pod.requiredAffinityTerms) {
            const v = node.labels[t.topologyKey];
            if (v !== undefined) s.affinity.add(t.topologyKey, v, 1);
          }
        }
        for (const t of pod.requiredAntiAffinityTerms) {
          const v = node.labels[t.topologyKey];
          if (v !== undefined && t.matches(existing, ns)) s.antiAffinity.add(t.topologyKey, v, 1);
        }
      }
    }
  }
  state.write(PRE_FILTER_KEY, s);
  return null;
}

function satisfiesAffinity(s: FilterState, pod: PodInfo, node: NodeInfo, state: CycleState): boolean {
  let podsExist = true;
  for (const t of pod.requiredAffinityTerms) {
    const v = node.labels[t.topologyKey];
    if (v === undefined) return false;
    if (s.affinity.get(t.topologyKey, v) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // The first pod of a group with affinity to itself may go anywhere with the topology labels.
  const ns = state.snapshot.namespaceLabels;
  return s.affinity.size === 0 && pod.requiredAffinityTerms.every((t) => t.matches(pod, ns));
}

export function filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
  const s = state.read<FilterState>(PRE_FILTER_KEY);
  if (!s) return null;
  if (pod.requiredAffinityTerms.length > 0 && !satisfiesAffinity(s, pod, node, state)) return AFFINITY_FAILED;
  for (const t of pod.requiredAntiAffinityTerms) {
    const v = node.labels[t.topologyKey];
    if (v !== undefined && s.antiAffinity.get(t.topologyKey, v) > 0) return ANTI_AFFINITY_FAILED;
  }
  if (s.existingAntiAffinity.size > 0 && s.existingAntiAffinity.anyPositive(node.labels)) return EXISTING_ANTI_AFFINITY_FAILED;
  return null;
}
