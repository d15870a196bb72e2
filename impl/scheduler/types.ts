// The scheduler's public types. They mirror harness/contract/capabilities/scheduling.ts
// field for field; impl/ never imports harness/, so the shapes are declared again here.

/** A Kubernetes object as plain JSON (v1 Node, v1 Pod). */
export type KubeObject = {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name?: string;
    namespace?: string;
    uid?: string;
    labels?: Record<string, string>;
    deletionTimestamp?: string;
    ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean }[];
    [field: string]: unknown;
  };
  [field: string]: unknown;
};

export type ScheduleResult =
  | {
      scheduled: true;
      node: string;
      /** The feasible nodes found among those sampled, in evaluation order. */
      feasible: string[];
      /** Weighted total score per feasible node; absent when scoring did not run (one feasible node). */
      scores?: Record<string, number>;
    }
  | {
      scheduled: false;
      /** Upstream's message: `0/3 nodes are available: 2 Insufficient cpu, 1 node(s) had untolerated taint {k: v}.` */
      message: string;
      /** Node name → the reasons that node was filtered out. */
      reasons: Record<string, string[]>;
    };

export interface ScheduleInput {
  nodes: KubeObject[];
  /** Pods already placed (spec.nodeName set); others are ignored. */
  pods: KubeObject[];
  pod: KubeObject;
  /** 0 or absent: upstream's adaptive default. */
  percentageOfNodesToScore?: number;
  /** Seed of the tie-breaking RNG; the same seed gives the same choice. */
  seed?: number;
}
