// One scheduling cycle, as upstream's schedulePod: PreFilter → Filter (stopping after
// numFeasibleNodesToFind feasible nodes, starting where the previous cycle stopped) → PreScore →
// Score → NormalizeScore → weighted sum → the highest total, ties broken uniformly at random by
// reservoir sampling with a seeded RNG. It never mutates the snapshot.
import { CycleState, type Snapshot } from './cycleState.ts';
import { fitErrorMessage } from './fitError.ts';
import type { Framework } from './framework.ts';
import { MAX_NODE_SCORE } from './interfaces.ts';
import type { NodeInfo } from './nodeInfo.ts';
import { numFeasibleNodesToFind } from './numFeasibleNodesToFind.ts';
import type { PodInfo } from './podInfo.ts';
import type { Rng } from './rng.ts';
import { Code, SchedulerError, Status } from './status.ts';

export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

export interface CycleOptions {
  percentageOfNodesToScore?: number;
  rng: Rng;
  /** Where filtering starts in snapshot.nodes (upstream's nextStartNodeIndex). */
  startIndex: number;
}

export type CycleResult =
  | {
      scheduled: true;
      node: NodeInfo;
      feasible: NodeInfo[];
      /** Weighted totals per feasible node; null when one feasible node made scoring unnecessary. */
      totals: Float64Array | null;
      nextStartIndex: number;
    }
  | {
      scheduled: false;
      message: string;
      /** Node name → the status of the plugin that rejected it. */
      statuses: Map<string, Status>;
      /** The status of every node absent from `statuses` (PreFilter rejected or excluded them). */
      absent: Status | null;
      /** Plugins that rejected at least one node (what a retry waits on). */
      unschedulablePlugins: Set<string>;
      nextStartIndex: number;
    };


/** Throws SchedulerError when a plugin returns Error or a score out of [0, 100]. */
export function schedulePod(fw: Framework, snapshot: Snapshot, pod: PodInfo, opts: CycleOptions): CycleResult {
  const all = snapshot.nodes;
  const unschedulablePlugins = new Set<string>();
  const unschedulable = (message: string, statuses: Map<string, Status>, absent: Status | null, next: number): CycleResult => ({
    scheduled: false, message, statuses, absent, unschedulablePlugins, nextStartIndex: next,
  });
  if (all.length === 0) {
    return unschedulable(NO_NODES_AVAILABLE, new Map(), new Status(Code.UnschedulableAndUnresolvable, NO_NODES_AVAILABLE), opts.startIndex);
  }
  const state = new CycleState(snapshot);

  // PreFilter.
  const skipFilter = new Set<string>();
  let allowed: Set<string> | null = null;
  const withNodes: string[] = [];
  // Unschedulable (preemption could help) lets the remaining PreFilters run; the last one is reported.
  let rejected: Status | null = null;
  for (const p of fw.preFilter) {
    const r = p.preFilter(state, pod);
    if (r?.status && r.status.code !== Code.Success) {
      if (r.status.code === Code.Skip) {
        skipFilter.add(p.name);
        continue;
      }
      if (!r.status.isRejected()) throw new SchedulerError(`running PreFilter plugin "${p.name}": ${r.status.message()}`);
      rejected = r.status.withPlugin(p.name);
      if (rejected.code === Code.Unschedulable) continue;
      unschedulablePlugins.add(p.name);
      return unschedulable(fitErrorMessage(all.length, rejected.message(), new Map(), rejected), new Map(), rejected, opts.startIndex);
    }
    if (r?.nodeNames) {
      withNodes.push(p.name);
      withNodes.sort();
      const names: ReadonlySet<string> = r.nodeNames;
      allowed = allowed ? new Set([...allowed].filter((n: string) => names.has(n))) : new Set(names);
      if (allowed.size === 0) {
        const msg = withNodes.length === 1 ? `node(s) didn't satisfy plugin ${withNodes[0]}` : `node(s) didn't satisfy plugin(s) [${withNodes.join(' ')}] simultaneously`;
        const s = new Status(Code.UnschedulableAndUnresolvable, msg);
        withNodes.forEach((n) => unschedulablePlugins.add(n));
        return unschedulable(fitErrorMessage(all.length, msg, new Map(), s), new Map(), s, opts.startIndex);
      }
    }
  }
  if (rejected) {
    withNodes.forEach((n) => unschedulablePlugins.add(n));
    unschedulablePlugins.add(rejected.plugin);
    return unschedulable(fitErrorMessage(all.length, rejected.message(), new Map(), rejected), new Map(), rejected, opts.startIndex);
  }
  let nodes = all;
  let absent: Status | null = null;
  if (allowed) {
    nodes = all.filter((n) => allowed!.has(n.name));
    absent = new Status(Code.UnschedulableAndUnresolvable, `node(s) didn't satisfy plugin(s) [${withNodes.join(' ')}]`);
    withNodes.forEach((n) => unschedulablePlugins.add(n));
  }

  // Filter.
  const filters = skipFilter.size === 0 ? fw.filter : fw.filter.filter((p) => !skipFilter.has(p.name));
  const toFind = fw.hasScoring ? numFeasibleNodesToFind(nodes.length, opts.percentageOfNodesToScore) : 1;
  const feasible: NodeInfo[] = [];
  const statuses = new Map<string, Status>();
  const n = nodes.length;
  let processed = 0;
  for (let i = 0; i < n && feasible.length < toFind; i++) {
    const node = nodes[(opts.startIndex + i) % n];
    processed++;
    let s: Status | null = null;
    let j = 0;
    for (; j < filters.length; j++) {
      s = filters[j].filter(state, pod, node);
      if (s !== null) break;
    }
    if (s === null) feasible.push(node);
    else if (s.isRejected()) {
      statuses.set(node.name, s);
      unschedulablePlugins.add(filters[j].name);
    } else throw new SchedulerError(`running "${filters[j].name}" filter plugin: ${s.message()}`);
  }
  const nextStartIndex = (opts.startIndex + processed) % all.length;
  if (feasible.length === 0) {
    return unschedulable(fitErrorMessage(all.length, '', statuses, absent), statuses, absent, nextStartIndex);
  }
  if (feasible.length === 1) return { scheduled: true, node: feasible[0], feasible, totals: null, nextStartIndex };

  // PreScore, Score, NormalizeScore, weights.
  const skipScore = new Set<string>();
  for (const p of fw.preScore) {
    const s = p.preScore(state, pod, feasible);
    if (s === null) continue;
    if (s.code === Code.Skip) skipScore.add(p.name);
    else throw new SchedulerError(`running PreScore plugin "${p.name}": ${s.message()}`);
  }
  const m = feasible.length;
  const totals = new Float64Array(m);
  const scores = new Float64Array(m);
  for (const { plugin, weight } of fw.score) {
    if (skipScore.has(plugin.name)) continue;
    for (let i = 0; i < m; i++) scores[i] = plugin.score(state, pod, feasible[i]);
    plugin.normalizeScore?.(state, pod, scores, feasible);
    for (let i = 0; i < m; i++) {
      const v = scores[i];
      if (!(v >= 0 && v <= MAX_NODE_SCORE)) {
        throw new SchedulerError(`applying score defaultWeights on Score plugins: plugin "${plugin.name}" returns an invalid score ${v}, it should in the range of [0, ${MAX_NODE_SCORE}] after normalizing`);
      }
      totals[i] += v * weight;
    }
  }

  // Select: the highest total; among equals each is equally likely (reservoir sampling).
  let best = 0;
  let ties = 1;
  for (let i = 1; i < m; i++) {
    if (totals[i] > totals[best]) {
      best = i;
      ties = 1;
    } else if (totals[i] === totals[best]) {
      ties++;
      if (opts.rng.intn(ties) === 0) best = i;
    }
  }
  return { scheduled: true, node: feasible[best], feasible, totals, nextStartIndex };
}
