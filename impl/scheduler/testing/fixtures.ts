// Small builders for table tests: a node or a pod in a line.
import type { KubeObject } from '../types.ts';
import { NodeInfo } from '../framework/nodeInfo.ts';
import { PodInfo } from '../framework/podInfo.ts';
import { SchedulerCache } from '../cache/schedulerCache.ts';
import { CycleState } from '../framework/cycleState.ts';
import { defaultSpreadSelector } from '../defaultSpreadSelector.ts';

type Raw = Record<string, any>;

export interface NodeSpec {
  labels?: Record<string, string>;
  cpu?: string;
  memory?: string;
  pods?: string;
  allocatable?: Record<string, string>;
  taints?: { key: string; value?: string; effect: string }[];
  unschedulable?: boolean;
  images?: { names: string[]; sizeBytes: number }[];
}

export function makeNode(name: string, s: NodeSpec = {}): KubeObject {
  return {
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(s.labels ?? {}) } },
    spec: { taints: s.taints, unschedulable: s.unschedulable },
    status: {
      allocatable: s.allocatable ?? { cpu: s.cpu ?? '4', memory: s.memory ?? '8Gi', pods: s.pods ?? '110' },
      images: s.images,
    },
  };
}

export interface PodSpec {
  namespace?: string;
  labels?: Record<string, string>;
  node?: string;
  requests?: Record<string, string>;
  spec?: Raw;
  owner?: string;
}

export function makePod(name: string, s: PodSpec = {}): KubeObject {
  return {
    metadata: {
      name,
      namespace: s.namespace ?? 'default',
      uid: `uid-${s.namespace ?? 'default'}-${name}`,
      labels: s.labels ?? {},
      ownerReferences: s.owner ? [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: s.owner, uid: `rs-${s.owner}`, controller: true }] : undefined,
    },
    spec: {
      nodeName: s.node,
      containers: [{ name: 'c', image: 'img', resources: { requests: s.requests ?? {} } }],
      ...(s.spec ?? {}),
    },
  };
}

export function nodeInfo(node: KubeObject, pods: KubeObject[] = []): NodeInfo {
  const n = new NodeInfo(node.metadata.name!);
  n.setNode(node);
  for (const p of pods) n.addPod(new PodInfo(p));
  return n;
}

/** A cache holding `nodes` and the placed `pods`, and a fresh CycleState over it. */
export function cluster(nodes: KubeObject[], pods: KubeObject[] = []): { cache: SchedulerCache; state: () => CycleState } {
  const cache = new SchedulerCache({ defaultSpreadSelector });
  for (const n of nodes) cache.setNode(n);
  for (const p of pods) cache.addPod(p);
  return { cache, state: () => new CycleState(cache) };
}

import type { AnyPlugin } from '../framework/interfaces.ts';
import { Code } from '../framework/status.ts';

export interface FilterOutcome {
  code: string;
  reasons: readonly string[];
}

/** PreFilter then Filter of one plugin for `pod` on each node; Skip at PreFilter means every node passes. */
export function runFilter(plugin: AnyPlugin, nodes: KubeObject[], pods: KubeObject[], pod: KubeObject): Record<string, FilterOutcome> {
  const { cache, state } = cluster(nodes, pods);
  const st = state();
  const p = new PodInfo(pod);
  const out: Record<string, FilterOutcome> = {};
  const pre = plugin.preFilter?.(st, p);
  for (const n of cache.nodes) {
    if (pre?.status) {
      out[n.name] = pre.status.code === Code.Skip ? { code: Code.Success, reasons: [] } : { code: pre.status.code, reasons: pre.status.reasons };
      continue;
    }
    if (pre?.nodeNames && !pre.nodeNames.has(n.name)) {
      out[n.name] = { code: Code.UnschedulableAndUnresolvable, reasons: ['excluded by PreFilter'] };
      continue;
    }
    const s = plugin.filter!(st, p, n);
    out[n.name] = s ? { code: s.code, reasons: s.reasons } : { code: Code.Success, reasons: [] };
  }
  return out;
}

/** PreScore, Score and NormalizeScore of one plugin over all nodes; null when PreScore skips. */
export function runScore(plugin: AnyPlugin, nodes: KubeObject[], pods: KubeObject[], pod: KubeObject): Record<string, number> | null {
  const { cache, state } = cluster(nodes, pods);
  const st = state();
  const p = new PodInfo(pod);
  const feasible = cache.nodes;
  const pre = plugin.preScore?.(st, p, feasible);
  if (pre?.code === Code.Skip) return null;
  const scores = new Float64Array(feasible.length);
  feasible.forEach((n, i) => (scores[i] = plugin.score!(st, p, n)));
  plugin.normalizeScore?.(st, p, scores, feasible);
  const out: Record<string, number> = {};
  feasible.forEach((n, i) => (out[n.name] = scores[i]));
  return out;
}
