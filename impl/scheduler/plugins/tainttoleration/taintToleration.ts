// TaintToleration: NoSchedule/NoExecute taints the pod does not tolerate filter the node out;
// untolerated PreferNoSchedule taints lower its score (fewest is best).
import { defaultNormalizeScore, MAX_NODE_SCORE, type FilterPlugin, type PreScorePlugin, type ScorePlugin } from '../../framework/interfaces.ts';
import { Code, Status } from '../../framework/status.ts';
import { findUntoleratedTaint, isDoNotSchedule, tolerationsTolerate, type Toleration } from '../../framework/taints.ts';
import * as names from '../names.ts';

export const NAME = names.TaintToleration;
/** `node(s) had untolerated taint {key: value}` */
export const reason = (key: string, value: string): string => `node(s) had untolerated taint {${key}: ${value}}`;
const PRE_SCORE_KEY = `PreScore${NAME}`;

export function newTaintToleration(): FilterPlugin & PreScorePlugin & ScorePlugin {
  return {
    name: NAME,
    filter(_state, pod, node) {
      if (node.taints.length === 0) return null;
      const t = findUntoleratedTaint(node.taints, pod.tolerations, isDoNotSchedule);
      return t ? new Status(Code.UnschedulableAndUnresolvable, reason(t.key, t.value)) : null;
    },
    preScore(state, pod) {
      state.write(PRE_SCORE_KEY, pod.tolerations.filter((t) => t.effect === '' || t.effect === 'PreferNoSchedule'));
      return null;
    },
    score(state, _pod, node) {
      if (node.taints.length === 0) return 0;
      const tolerations = state.read<Toleration[]>(PRE_SCORE_KEY) ?? [];
      let n = 0;
      for (const taint of node.taints) if (taint.effect === 'PreferNoSchedule' && !tolerationsTolerate(tolerations, taint)) n++;
      return n;
    },
    normalizeScore: (_state, _pod, scores) => defaultNormalizeScore(MAX_NODE_SCORE, true, scores),
  } satisfies FilterPlugin & PreScorePlugin & ScorePlugin;
}
