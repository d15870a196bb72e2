// ImageLocality (data locality): prefer nodes that already hold the pod's images, weighted by
// image size and by how widely the image has spread (to avoid piling pods on one node).
import type { ScorePlugin } from '../../framework/interfaces.ts';
import { MAX_NODE_SCORE } from '../../framework/interfaces.ts';
import * as names from '../names.ts';

export const NAME = names.ImageLocality;
const MB = 1024 * 1024;
export const MIN_THRESHOLD = 23 * MB;
export const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** Scales the summed image scores into [0, 100] between 23MB and 1000MB per container. */
export function calculatePriority(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
  const s = Math.min(Math.max(sumScores, MIN_THRESHOLD), maxThreshold);
  return Math.trunc((MAX_NODE_SCORE * (s - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

export function newImageLocality(): ScorePlugin {
  return {
    name: NAME,
    score(state, pod, node) {
      if (pod.images.length === 0) return 0;
      const total = state.snapshot.nodes.length;
      let sum = 0;
      if (node.imageStates.size > 0) {
        for (const image of pod.images) {
          const s = node.imageStates.get(image);
          if (s) sum += Math.trunc(s.size * (s.nodes.size / total));
        }
      }
      return calculatePriority(sum, pod.images.length);
    },
  } satisfies ScorePlugin;
}
