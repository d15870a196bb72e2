// NodeResourcesBalancedAllocation: prefer nodes whose cpu and memory would be used in similar
// fractions once the pod is placed: score = (1 - standard deviation of the fractions) × 100.
// Best-effort pods (no requests) are not scored, as upstream.
import { MAX_NODE_SCORE, type PreScorePlugin, type ScorePlugin } from '../../framework/interfaces.ts';
import { DEFAULT_RESOURCES, fillAllocatableAndRequested, podRequestList, type ResourceSpec } from '../../framework/resourceAllocation.ts';
import { SKIP } from '../../framework/status.ts';
import * as names from '../names.ts';

export const NAME = names.NodeResourcesBalancedAllocation;
const PRE_SCORE_KEY = `PreScore${NAME}`;

/** (1 - std of min(requested/allocatable, 1)) × 100, over resources with allocatable > 0. */
export function balancedScore(requested: readonly number[], allocatable: readonly number[]): number {
  let count = 0;
  let total = 0;
  let f0 = 0;
  let f1 = 0;
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue;
    const f = Math.min(requested[i] / allocatable[i], 1);
    if (count === 0) f0 = f;
    else if (count === 1) f1 = f;
    total += f;
    count++;
  }
  let std = 0;
  if (count === 2) std = Math.abs((f0 - f1) / 2);
  else if (count > 2) {
    const mean = total / count;
    let sum = 0;
    for (let i = 0; i < requested.length; i++) {
      if (allocatable[i] === 0) continue;
      const f = Math.min(requested[i] / allocatable[i], 1);
      sum += (f - mean) * (f - mean);
    }
    std = Math.sqrt(sum / count);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

export function newNodeResourcesBalancedAllocation(args: { resources?: ResourceSpec[] } = {}): PreScorePlugin & ScorePlugin {
  const resources = args.resources ?? DEFAULT_RESOURCES;
  const alloc: number[] = new Array(resources.length).fill(0);
  const req: number[] = new Array(resources.length).fill(0);
  return {
    name: NAME,
    preScore(state, pod) {
      const requests = podRequestList(pod, resources, true);
      if (requests.every((r) => r === 0)) return SKIP;
      state.write(PRE_SCORE_KEY, requests);
      return null;
    },
    score(state, pod, node) {
      const podRequests = state.read<number[]>(PRE_SCORE_KEY) ?? podRequestList(pod, resources, true);
      fillAllocatableAndRequested(node, resources, podRequests, true, alloc, req);
      return balancedScore(req, alloc);
    },
  } satisfies PreScorePlugin & ScorePlugin;
}
