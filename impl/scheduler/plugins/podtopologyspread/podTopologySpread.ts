// PodTopologySpread: maxSkew across topology domains, hard (DoNotSchedule: Filter) or soft
// (ScheduleAnyway: Score). A pod without constraints gets the system defaults (hostname maxSkew 3,
// zone maxSkew 5, ScheduleAnyway) over its controller's pods: this is how current upstream spreads
// a controller's replicas (the older SelectorSpread plugin was removed).
import type { FilterPlugin, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../../framework/interfaces.ts';
import * as names from '../names.ts';
import { filter, preFilter } from './filtering.ts';
import { normalizeScore, preScore, score } from './scoring.ts';

export { REASON_CONSTRAINTS_NOT_MATCH, REASON_NODE_LABEL_NOT_MATCH } from './filtering.ts';
export const NAME = names.PodTopologySpread;

export function newPodTopologySpread(): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin {
  return { name: NAME, preFilter, filter, preScore, score, normalizeScore } satisfies PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin;
}
