// PodTopologySpread's soft side (whenUnsatisfiable: ScheduleAnyway, and the system default
// spreading of a controller's replicas): nodes whose domains hold fewer matching pods score higher.
import type { CycleState } from '../../framework/cycleState.ts';
import { MAX_NODE_SCORE } from '../../framework/interfaces.ts';
import type { NodeInfo } from '../../framework/nodeInfo.ts';
import type { PodInfo, SpreadConstraint } from '../../framework/podInfo.ts';
import { SKIP, type Status } from '../../framework/status.ts';
import { constraintsFor, countMatchingPods, LABEL_HOSTNAME, nodeHasAllKeys, nodeIncluded } from './constraints.ts';

const PRE_SCORE_KEY = 'PreScorePodTopologySpread';

interface ScoreState {
  constraints: SpreadConstraint[];
  ignored: Set<string>;
  /** Per constraint: domain value → matching pods (hostname constraints count per node at Score). */
  counts: Map<string, number>[];
  weights: number[];
}

export function preScore(state: CycleState, pod: PodInfo, feasible: readonly NodeInfo[]): Status | null {
  const all = state.snapshot.nodes;
  if (all.length === 0) return SKIP;
  const constraints = constraintsFor(pod, 'ScheduleAnyway', state.snapshot);
  if (constraints.length === 0) return SKIP;
  // System defaults do not require every key, so zone-less nodes still spread by hostname.
  const requireAll = pod.spreadConstraints.length > 0;
  const s: ScoreState = { constraints, ignored: new Set(), counts: constraints.map(() => new Map()), weights: [] };
  const sizes = constraints.map(() => 0);
  for (const node of feasible) {
    if (requireAll && !nodeHasAllKeys(node.labels, constraints)) {
      s.ignored.add(node.name);
      continue;
    }
    constraints.forEach((c, i) => {
      if (c.topologyKey === LABEL_HOSTNAME) return;
      const value = node.labels[c.topologyKey] ?? '';
      if (!s.counts[i].has(value)) {
        s.counts[i].set(value, 0);
        sizes[i]++;
      }
    });
  }
  s.weights = constraints.map((c, i) => Math.log((c.topologyKey === LABEL_HOSTNAME ? feasible.length - s.ignored.size : sizes[i]) + 2));
  for (const node of all) {
    if (requireAll && !nodeHasAllKeys(node.labels, constraints)) continue;
    constraints.forEach((c, i) => {
      if (!nodeIncluded(c, pod, node)) return;
      const value = node.labels[c.topologyKey] ?? '';
      const n = s.counts[i].get(value);
      if (n !== undefined) s.counts[i].set(value, n + countMatchingPods(node.pods, c.selector, pod.namespace));
    });
  }
  state.write(PRE_SCORE_KEY, s);
  return null;
}

export function score(state: CycleState, pod: PodInfo, node: NodeInfo): number {
  const s = state.read<ScoreState>(PRE_SCORE_KEY)!;
  if (s.ignored.has(node.name)) return 0;
  let total = 0;
  s.constraints.forEach((c, i) => {
    const value = node.labels[c.topologyKey];
    if (value === undefined) return;
    const n = c.topologyKey === LABEL_HOSTNAME ? countMatchingPods(node.pods, c.selector, pod.namespace) : (s.counts[i].get(value) ?? 0);
    total += n * s.weights[i] + (c.maxSkew - 1);
  });
  return Math.round(total);
}

/** Fewest matching pods → 100; ignored nodes (missing a topology key) → 0. */
export function normalizeScore(state: CycleState, _pod: PodInfo, scores: Float64Array, nodes: readonly NodeInfo[]): void {
  const s = state.read<ScoreState>(PRE_SCORE_KEY)!;
  let min = Infinity;
  let max = 0;
  for (let i = 0; i < scores.length; i++) {
    if (s.ignored.has(nodes[i].name)) continue;
    min = Math.min(min, scores[i]);
    max = Math.max(max, scores[i]);
  }
  for (let i = 0; i < scores.length; i++) {
    if (s.ignored.has(nodes[i].name)) scores[i] = 0;
    else if (max === 0) scores[i] = MAX_NODE_SCORE;
    else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i])) / max);
  }
}
