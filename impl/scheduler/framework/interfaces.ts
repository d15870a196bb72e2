// The extension points a plugin may implement. A plugin is a plain object with a `name` and any
// of these methods; the framework calls only the methods present. `null` status means Success.
import type { CycleState } from './cycleState.ts';
import type { NodeInfo } from './nodeInfo.ts';
import type { PodInfo } from './podInfo.ts';
import type { Status } from './status.ts';

/** Upstream's MaxNodeScore: every normalized score lies in [0, MAX_NODE_SCORE]. */
export const MAX_NODE_SCORE = 100;

export interface Plugin {
  readonly name: string;
}

export interface PreFilterResult {
  /** A rejection (Unschedulable...) or Skip (this plugin's Filter is not run). */
  status?: Status;
  /** Only these nodes can fit; the others are reported as failing this plugin. */
  nodeNames?: ReadonlySet<string>;
}

export interface PreFilterPlugin extends Plugin {
  preFilter(state: CycleState, pod: PodInfo): PreFilterResult | null;
}

export interface FilterPlugin extends Plugin {
  /** Must not allocate on success; must not throw for a node that merely does not fit. */
  filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status | null;
}

export interface PreScorePlugin extends Plugin {
  /** Skip: this plugin's Score is not run for this pod. */
  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | null;
}

export interface ScorePlugin extends Plugin {
  /** A raw integer score; within [0, 100] unless normalizeScore maps it there. */
  score(state: CycleState, pod: PodInfo, node: NodeInfo): number;
  /** Rewrites `scores[i]` (the raw score of `nodes[i]`) into [0, 100]. */
  normalizeScore?(state: CycleState, pod: PodInfo, scores: Float64Array, nodes: readonly NodeInfo[]): void;
}

export type AnyPlugin = Plugin & Partial<PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin>;

/** DefaultNormalizeScore: scales to [0, max] by the highest score; `reverse` flips it. */
export function defaultNormalizeScore(max: number, reverse: boolean, scores: Float64Array): void {
  let highest = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i] > highest) highest = scores[i];
  if (highest === 0) {
    if (reverse) scores.fill(max);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    let s = Math.trunc((max * scores[i]) / highest);
    if (reverse) s = max - s;
    scores[i] = s;
  }
}
