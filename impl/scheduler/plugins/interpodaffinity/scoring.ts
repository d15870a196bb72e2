// InterPodAffinity's Score: per topology domain, + weight for each placed pod matching one of the
// incoming pod's preferred affinity terms, - weight for preferred anti-affinity; placed pods'
// required affinity (weight 1, upstream's hardPodAffinityWeight) and preferred (anti-)affinity
// terms selecting the incoming pod count the same way. Normalized by min/max into [0, 100].
import type { CycleState } from '../../framework/cycleState.ts';
import type { AffinityTerm, NamespaceLabels, TermTarget } from '../../framework/affinityTerm.ts';
import { MAX_NODE_SCORE } from '../../framework/interfaces.ts';
import type { Labels } from '../../framework/labelSelector.ts';
import type { NodeInfo } from '../../framework/nodeInfo.ts';
import type { PodInfo } from '../../framework/podInfo.ts';
import { SKIP, type Status } from '../../framework/status.ts';
import { TopologyCounts } from './topologyCounts.ts';

export const HARD_POD_AFFINITY_WEIGHT = 1;
const PRE_SCORE_KEY = 'PreScoreInterPodAffinity';

function addTerms(scores: TopologyCounts, terms: readonly AffinityTerm[], target: TermTarget, nodeLabels: Labels, ns: NamespaceLabels, sign: number, weight?: number): void {
  for (const t of terms) {
    const v = nodeLabels[t.topologyKey];
    if (v !== undefined && t.matches(target, ns)) scores.add(t.topologyKey, v, sign * (weight ?? t.weight));
  }
}

export function preScore(state: CycleState, pod: PodInfo): Status | null {
  const snap = state.snapshot;
  const ns = snap.namespaceLabels;
  const hasPreferred = pod.preferredAffinityTerms.length > 0 || pod.preferredAntiAffinityTerms.length > 0;
  const scores = new TopologyCounts();
  for (const node of hasPreferred ? snap.nodes : snap.havePodsWithAffinity) {
    if (Object.keys(node.labels).length === 0) continue;
    for (const existing of hasPreferred ? node.pods : node.podsWithAffinity) {
      addTerms(scores, pod.preferredAffinityTerms, existing, node.labels, ns, 1);
      addTerms(scores, pod.preferredAntiAffinityTerms, existing, node.labels, ns, -1);
      if (!existing.hasPodAffinity) continue;
      addTerms(scores, existing.requiredAffinityTerms, pod, node.labels, ns, 1, HARD_POD_AFFINITY_WEIGHT);
      addTerms(scores, existing.preferredAffinityTerms, pod, node.labels, ns, 1);
      addTerms(scores, existing.preferredAntiAffinityTerms, pod, node.labels, ns, -1);
    }
  }
  if (scores.size === 0) return SKIP;
  state.write(PRE_SCORE_KEY, scores);
  return null;
}

export function score(state: CycleState, _pod: PodInfo, node: NodeInfo): number {
  return state.read<TopologyCounts>(PRE_SCORE_KEY)!.sumFor(node.labels);
}

export function normalizeScore(_state: CycleState, _pod: PodInfo, scores: Float64Array): void {
  let min = Infinity;
  let max = -Infinity;
  for (const s of scores) {
    if (s > max) max = s;
    if (s < min) min = s;
  }
  const diff = max - min;
  // 100 × (the float fraction), truncated, as upstream: 29 of 100 gives 28 (0.29 × 100 = 28.999…).
  for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i] - min) / diff)) : 0;
}
