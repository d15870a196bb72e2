// What the resource scores compare: per scored resource, the node's allocatable and what would be
// requested with the pod placed. LeastAllocated counts NonZeroRequested for cpu/memory (so pods
// without requests still spread); BalancedAllocation counts the plain requests.
import type { NodeInfo } from './nodeInfo.ts';
import type { PodInfo } from './podInfo.ts';
import { isScalarResourceName } from './resource.ts';

export interface ResourceSpec {
  name: string;
  weight: number;
}

/** Upstream's default for both scores: cpu and memory, weight 1 each. */
export const DEFAULT_RESOURCES: readonly ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
];

/** The pod's request per resource in `resources` order. */
export function podRequestList(pod: PodInfo, resources: readonly ResourceSpec[], useRequested: boolean): number[] {
  const src = useRequested ? pod.requests : pod.nonZeroRequests;
  return resources.map(({ name }) => {
    switch (name) {
      case 'cpu':
        return src.milliCPU;
      case 'memory':
        return src.memory;
      case 'ephemeral-storage':
        return pod.requests.ephemeralStorage;
      default:
        return pod.requests.scalarOf(name);
    }
  });
}

/**
 * Fills `alloc[i]`/`req[i]` for resource i; both stay 0 for a scalar resource the pod does not
 * request or the node does not have, so the scorer ignores it.
 */
export function fillAllocatableAndRequested(
  node: NodeInfo,
  resources: readonly ResourceSpec[],
  podRequests: readonly number[],
  useRequested: boolean,
  alloc: number[],
  req: number[],
): void {
  const requested = useRequested ? node.requested : node.nonZeroRequested;
  for (let i = 0; i < resources.length; i++) {
    const name = resources[i].name;
    const pr = podRequests[i];
    let a = 0;
    let r = 0;
    if (name === 'cpu') {
      a = node.allocatable.milliCPU;
      r = requested.milliCPU + pr;
    } else if (name === 'memory') {
      a = node.allocatable.memory;
      r = requested.memory + pr;
    } else if (name === 'ephemeral-storage') {
      a = node.allocatable.ephemeralStorage;
      r = node.requested.ephemeralStorage + pr;
    } else if (!(pr === 0 && isScalarResourceName(name)) && node.allocatable.scalar?.has(name)) {
      a = node.allocatable.scalarOf(name);
      r = node.requested.scalarOf(name) + pr;
    }
    alloc[i] = a;
    req[i] = a === 0 ? 0 : r;
  }
}
