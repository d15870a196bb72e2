// The pod's QoS class (upstream GetPodQOS): BestEffort without any cpu/memory request or limit,
// Guaranteed when every container limits cpu and memory and requests equal limits, else Burstable.
import { quantityMilliValue } from '../../scheduler/quantity/parseQuantity.ts';
import type { Pod } from '../types.ts';

const RESOURCES = ['cpu', 'memory'];

function milli(v: unknown): number | undefined {
  try {
    return quantityMilliValue(v, 'resources');
  } catch {
    return undefined;
  }
}

export function podQosClass(pod: Pod): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const containers = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const requests = c.resources?.requests ?? {};
    const limits = c.resources?.limits ?? {};
    for (const r of RESOURCES) {
      const req = milli(requests[r]);
      const lim = milli(limits[r]);
      if ((req ?? 0) > 0 || (lim ?? 0) > 0) any = true;
      if (lim === undefined || (req !== undefined && req !== lim)) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
