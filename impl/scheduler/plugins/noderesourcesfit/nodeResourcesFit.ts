// NodeResourcesFit: the pod's requests (cpu, memory, ephemeral-storage, extended resources; init
// containers, sidecars and overhead counted as upstream) must fit in allocatable minus what the
// node's pods request, and the node must have room for one more pod. Scores with LeastAllocated.
import type { FilterPlugin, PreScorePlugin, ScorePlugin } from '../../framework/interfaces.ts';
import { MAX_NODE_SCORE } from '../../framework/interfaces.ts';
import type { NodeInfo } from '../../framework/nodeInfo.ts';
import type { PodInfo } from '../../framework/podInfo.ts';
import { DEFAULT_RESOURCES, fillAllocatableAndRequested, podRequestList, type ResourceSpec } from '../../framework/resourceAllocation.ts';
import { Code, Status } from '../../framework/status.ts';
import * as names from '../names.ts';

export const NAME = names.NodeResourcesFit;
export const REASON_TOO_MANY_PODS = 'Too many pods';
export const insufficient = (resource: string): string => `Insufficient ${resource}`;
const INSUFFICIENT_CPU = insufficient('cpu');
const INSUFFICIENT_MEMORY = insufficient('memory');
const INSUFFICIENT_EPHEMERAL_STORAGE = insufficient('ephemeral-storage');
const PRE_SCORE_KEY = `PreScore${NAME}`;

export interface FitArgs {
  /** Extended resources this plugin does not check. */
  ignoredResources?: string[];
  /** LeastAllocated's resources and weights; upstream's default is cpu and memory, 1 each. */
  resources?: ResourceSpec[];
}

const NONE: ReadonlySet<string> = new Set();
/** Upstream's IsExtendedResourceName for a scalar resource: domain-prefixed, outside kubernetes.io. */
const isExtended = (name: string): boolean => name.includes('/') && !name.includes('kubernetes.io/');

/** The reasons the pod does not fit the node, in upstream's order; null when it fits. */
export function insufficientResources(pod: PodInfo, node: NodeInfo, ignored: ReadonlySet<string> = NONE): string[] | null {
  let out: string[] | null = null;
  if (node.pods.length + 1 > node.allocatable.allowedPodNumber) out = [REASON_TOO_MANY_PODS];
  const req = pod.requests;
  if (req.isZero) return out;
  const alloc = node.allocatable;
  const used = node.requested;
  if (req.milliCPU > 0 && req.milliCPU > alloc.milliCPU - used.milliCPU) (out ??= []).push(INSUFFICIENT_CPU);
  if (req.memory > 0 && req.memory > alloc.memory - used.memory) (out ??= []).push(INSUFFICIENT_MEMORY);
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    (out ??= []).push(INSUFFICIENT_EPHEMERAL_STORAGE);
  }
  if (req.scalar) {
    for (const [name, q] of req.scalar) {
      if (q === 0 || (ignored.has(name) && isExtended(name))) continue;
      if (q > alloc.scalarOf(name) - used.scalarOf(name)) (out ??= []).push(insufficient(name));
    }
  }
  return out;
}

/** (capacity - requested) × 100 / capacity, 0 when over capacity or no capacity. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

export function newNodeResourcesFit(args: FitArgs = {}): FilterPlugin & PreScorePlugin & ScorePlugin {
  const ignored = new Set(args.ignoredResources ?? []);
  const resources = args.resources ?? DEFAULT_RESOURCES;
  const alloc: number[] = new Array(resources.length).fill(0);
  const req: number[] = new Array(resources.length).fill(0);
  return {
    name: NAME,
    filter(_state, pod, node) {
      const reasons = insufficientResources(pod, node, ignored);
      return reasons ? new Status(Code.Unschedulable, ...reasons) : null;
    },
    preScore(state, pod) {
      state.write(PRE_SCORE_KEY, podRequestList(pod, resources, false));
      return null;
    },
    score(state, pod, node) {
      const podRequests = state.read<number[]>(PRE_SCORE_KEY) ?? podRequestList(pod, resources, false);
      fillAllocatableAndRequested(node, resources, podRequests, false, alloc, req);
      let score = 0;
      let weights = 0;
      for (let i = 0; i < resources.length; i++) {
        if (alloc[i] === 0) continue;
        score += leastRequestedScore(req[i], alloc[i]) * resources[i].weight;
        weights += resources[i].weight;
      }
      return weights === 0 ? 0 : Math.trunc(score / weights);
    },
  } satisfies FilterPlugin & PreScorePlugin & ScorePlugin;
}
