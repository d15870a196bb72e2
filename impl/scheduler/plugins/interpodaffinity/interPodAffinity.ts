// InterPodAffinity: required and preferred pod affinity and anti-affinity by topology key,
// including the anti-affinity of pods already placed against the incoming pod. Namespaces are
// matched by list or by namespaceSelector against namespace labels (by default only
// `kubernetes.io/metadata.name`, the label every namespace carries).
import type { FilterPlugin, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../../framework/interfaces.ts';
import * as names from '../names.ts';
import { filter, preFilter } from './filtering.ts';
import { normalizeScore, preScore, score } from './scoring.ts';

export { REASON_AFFINITY, REASON_ANTI_AFFINITY, REASON_EXISTING_ANTI_AFFINITY } from './filtering.ts';
export const NAME = names.InterPodAffinity;

export function newInterPodAffinity(): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin {
  return { name: NAME, preFilter, filter, preScore, score, normalizeScore } satisfies PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin;
}
