// A long-running scheduler: a cache kept current by add/update/remove calls (from a watch, later)
// and a scheduling cycle per pod that reads it without rebuilding anything.
import { SchedulerCache } from './cache/schedulerCache.ts';
import { defaultSpreadSelector } from './defaultSpreadSelector.ts';
import type { NamespaceLabels } from './framework/affinityTerm.ts';
import type { Framework } from './framework/framework.ts';
import type { Selector } from './framework/labelSelector.ts';
import { PodInfo } from './framework/podInfo.ts';
import { Rng } from './framework/rng.ts';
import { schedulePod, type CycleResult } from './framework/schedulePod.ts';
import { buildFramework, type ProfilePlugin } from './plugins/defaultProfile.ts';
import type { KubeObject, ScheduleResult } from './types.ts';

export interface SchedulerOptions {
  /** Plugins and weights; upstream's default profile when absent. */
  profile?: readonly ProfilePlugin[];
  /** 0 or absent: upstream's adaptive default. */
  percentageOfNodesToScore?: number;
  /** Seed of the tie-breaking RNG (default 0). */
  seed?: number;
  /** Labels of a namespace, for namespaceSelector in affinity terms. */
  namespaceLabels?: NamespaceLabels;
  /** The selector of the controller of a pod, for default spreading. */
  defaultSpreadSelector?: (pod: PodInfo) => Selector;
}

function podKey(pod: KubeObject): string {
  return pod.metadata?.uid || `${pod.metadata?.namespace || 'default'}/${pod.metadata?.name ?? ''}`;
}

export class Scheduler {
  readonly cache: SchedulerCache;
  private readonly framework: Framework;
  private readonly rng: Rng;
  private readonly percentage: number;
  private nextStartIndex = 0;

  /** Throws SchedulerError for a profile naming an unknown plugin. */
  constructor(opts: SchedulerOptions = {}) {
    this.framework = buildFramework(opts.profile);
    this.rng = new Rng(opts.seed ?? 0);
    this.percentage = opts.percentageOfNodesToScore ?? 0;
    this.cache = new SchedulerCache({
      namespaceLabels: opts.namespaceLabels,
      defaultSpreadSelector: opts.defaultSpreadSelector ?? defaultSpreadSelector,
    });
  }

  /** Adds or replaces a node; throws InvalidObjectError for an unreadable node. */
  addNode(node: KubeObject): void {
    this.cache.setNode(node);
  }

  updateNode(node: KubeObject): void {
    this.cache.setNode(node);
  }

  removeNode(name: string): boolean {
    return this.cache.removeNode(name);
  }

  /** Counts a pod placed on spec.nodeName; false (and nothing cached) for an unplaced pod. */
  addPod(pod: KubeObject): boolean {
    return this.cache.addPod(pod);
  }

  /** Replaces the cached pod with the same key; an update that unplaces it removes it. */
  updatePod(pod: KubeObject): boolean {
    if (this.cache.addPod(pod)) return true;
    this.cache.removePod(podKey(pod));
    return false;
  }

  removePod(pod: KubeObject): boolean {
    return this.cache.removePod(podKey(pod));
  }

  /** Counts `pod` on `nodeName` before the binding is confirmed (upstream's assume). */
  assume(pod: KubeObject, nodeName: string): void {
    this.cache.addPod({ ...pod, spec: { ...((pod.spec as object) ?? {}), nodeName } });
  }

  /** One scheduling cycle. Throws InvalidObjectError for an unreadable pod, SchedulerError if a plugin fails. */
  scheduleCycle(pod: KubeObject): CycleResult {
    const result = schedulePod(this.framework, this.cache, new PodInfo(pod), {
      percentageOfNodesToScore: this.percentage,
      rng: this.rng,
      startIndex: this.nextStartIndex,
    });
    this.nextStartIndex = result.nextStartIndex;
    return result;
  }

  /** One scheduling cycle in the contract's shape. It does not place the pod: call assume/addPod. */
  schedule(pod: KubeObject): ScheduleResult {
    const r = this.scheduleCycle(pod);
    if (r.scheduled) {
      const feasible = r.feasible.map((n) => n.name);
      if (!r.totals) return { scheduled: true, node: r.node.name, feasible };
      const scores: Record<string, number> = {};
      feasible.forEach((n, i) => (scores[n] = r.totals![i]));
      return { scheduled: true, node: r.node.name, feasible, scores };
    }
    const reasons: Record<string, string[]> = {};
    for (const node of this.cache.nodes) {
      const s = r.statuses.get(node.name) ?? r.absent;
      if (s) reasons[node.name] = [...s.reasons];
    }
    return { scheduled: false, message: r.message, reasons };
  }
}
