// NodeAffinity: spec.nodeSelector and required node affinity filter (terms ORed, expressions
// ANDed, matchFields on metadata.name); preferred terms score by the sum of matching weights.
import { defaultNormalizeScore, MAX_NODE_SCORE, type FilterPlugin, type PreFilterPlugin, type PreScorePlugin, type ScorePlugin } from '../../framework/interfaces.ts';
import { termMatches } from '../../framework/nodeSelector.ts';
import type { PodInfo } from '../../framework/podInfo.ts';
import { Code, SKIP, Status } from '../../framework/status.ts';
import * as names from '../names.ts';

export const NAME = names.NodeAffinity;
export const REASON = "node(s) didn't match Pod's node affinity/selector";
export const REASON_CONFLICT = 'pod affinity terms conflict';
const REJECTED = new Status(Code.UnschedulableAndUnresolvable, REASON);

/** The node names that `metadata.name In` matchFields allow; null when any node may match. */
function nodeNamesFromTerms(pod: PodInfo): Set<string> | null {
  if (!pod.hasRequiredNodeAffinityTerms || pod.rawRequiredNodeTerms.length === 0) return null;
  let union: Set<string> | null = null;
  for (const t of pod.rawRequiredNodeTerms) {
    let names: Set<string> | null = null;
    for (const f of t.matchFields ?? []) {
      if (f.key !== 'metadata.name' || f.operator !== 'In') continue;
      const s = new Set<string>(f.values ?? []);
      names = names ? new Set([...names].filter((n: string) => s.has(n))) : s;
    }
    if (!names) return null;
    union = new Set([...(union ?? []), ...names]);
  }
  return union;
}

export function newNodeAffinity(): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin {
  return {
    name: NAME,
    preFilter(_state, pod) {
      if (pod.requiredNodeAffinity.isEmpty) return { status: SKIP };
      const nodeNames = nodeNamesFromTerms(pod);
      if (nodeNames && nodeNames.size === 0) return { status: new Status(Code.UnschedulableAndUnresolvable, REASON_CONFLICT) };
      return nodeNames ? { nodeNames } : null;
    },
    filter: (_state, pod, node) => (pod.requiredNodeAffinity.matches(node.labels, node.name) ? null : REJECTED),
    preScore: (_state, pod) => (pod.preferredNodeAffinity.length === 0 ? SKIP : null),
    score(_state, pod, node) {
      let sum = 0;
      for (const p of pod.preferredNodeAffinity) if (termMatches(p.term, node.labels, node.name)) sum += p.weight;
      return sum;
    },
    normalizeScore: (_state, _pod, scores) => defaultNormalizeScore(MAX_NODE_SCORE, false, scores),
  } satisfies PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin;
}
