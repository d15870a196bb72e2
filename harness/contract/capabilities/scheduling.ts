// Capability `scheduling`: given nodes, the pods already placed and one pod, which node the
// scheduler chooses, or why none fits. Objects are plain Kubernetes JSON (v1 Node, v1 Pod).
import type { KubeObject } from './objects.ts';

export type ScheduleResult =
  | {
      scheduled: true;
      node: string;
      /** The feasible nodes found among those sampled (percentageOfNodesToScore), in evaluation order. */
      feasible: string[];
      /**
       * Optional: the weighted total score of each feasible node, when the implementation exposes it
       * (absent when there was nothing to compare, e.g. one feasible node). Lets a property check that
       * no sampled feasible node outscores the chosen one.
       */
      scores?: Record<string, number>;
    }
  | {
      scheduled: false;
      /** Upstream's message: `0/3 nodes are available: 2 Insufficient cpu, 1 node(s) had untolerated taint {k: v}.` */
      message: string;
      /** Node name → the reasons that node was filtered out. */
      reasons: Record<string, string[]>;
    };

export interface SchedulingMethods {
  'scheduling.schedule': {
    params: { nodes: KubeObject[]; pods: KubeObject[]; pod: KubeObject; percentageOfNodesToScore?: number; seed?: number };
    result: ScheduleResult;
  };
}
