// The default profile: the plugins upstream's default KubeSchedulerConfiguration enables (those
// this scheduler has), in upstream's order, with upstream's score weights. Upstream's other
// default plugins (volumes, preemption, binding, queue sort, scheduling gates) are outside this
// library: it has no volumes, no preemption, and the caller binds.
import { Framework, type WeightedPlugin } from '../framework/framework.ts';
import { SchedulerError } from '../framework/status.ts';
import * as names from './names.ts';
import { registry } from './registry.ts';

export interface ProfilePlugin {
  name: string;
  /** Score weight (ignored for filter-only plugins). */
  weight?: number;
  args?: unknown;
}

export const DEFAULT_PROFILE: readonly ProfilePlugin[] = [
  { name: names.NodeUnschedulable },
  { name: names.NodeName },
  { name: names.TaintToleration, weight: 3 },
  { name: names.NodeAffinity, weight: 2 },
  { name: names.NodePorts },
  { name: names.NodeResourcesFit, weight: 1 },
  { name: names.PodTopologySpread, weight: 2 },
  { name: names.InterPodAffinity, weight: 2 },
  { name: names.NodeResourcesBalancedAllocation, weight: 1 },
  { name: names.ImageLocality, weight: 1 },
];

/** Instantiates a profile; throws SchedulerError for a plugin name the registry does not know. */
export function buildFramework(profile: readonly ProfilePlugin[] = DEFAULT_PROFILE): Framework {
  const plugins: WeightedPlugin[] = profile.map((p) => {
    const factory = registry[p.name];
    if (!factory) throw new SchedulerError(`plugin "${p.name}" does not exist`);
    return { plugin: factory(p.args), weight: p.weight ?? 1 };
  });
  return new Framework(plugins);
}
