// Scheduler throughput in the shape of upstream's scheduler_perf SchedulingBasic: nodes from
// node-default.yaml (4 cpu, 32Gi, 110 pods), pods from pod-default.yaml (pause, 100m cpu, 500Mi),
// initial pods scheduled first, then the measured pods, each assumed onto its node before the next
// (as the real scheduler does before binding). Default profile, adaptive percentageOfNodesToScore.
// Prints JSON when run directly: `node --import tsx bench/scheduler.ts`.
import { fileURLToPath } from 'node:url';
import { Scheduler, type KubeObject } from '../impl/scheduler/index.ts';
import { PodInfo } from '../impl/scheduler/framework/podInfo.ts';
import { CycleState } from '../impl/scheduler/framework/cycleState.ts';
import { buildFramework } from '../impl/scheduler/plugins/defaultProfile.ts';

function node(i: number): KubeObject {
  const name = `scheduler-perf-${i}`;
  return {
    metadata: { name, labels: { 'kubernetes.io/hostname': name } },
    spec: {},
    status: { capacity: { pods: '110', cpu: '4', memory: '32Gi' }, conditions: [{ type: 'Ready', status: 'True' }], phase: 'Running' },
  };
}

function pod(i: number): KubeObject {
  return {
    metadata: { name: `pod-${i}`, namespace: 'default', uid: `uid-${i}` },
    spec: {
      containers: [
        {
          name: 'pause',
          image: 'registry.k8s.io/pause:3.10',
          ports: [{ containerPort: 80 }],
          resources: { limits: { cpu: '100m', memory: '500Mi' }, requests: { cpu: '100m', memory: '500Mi' } },
        },
      ],
    },
  };
}

/** Average pods/s over `measured` pods after `initial` pods, on `nodes` nodes. */
function schedulingBasic(nodes: number, initial: number, measured: number, percentageOfNodesToScore?: number): number {
  const s = new Scheduler({ seed: 1, percentageOfNodesToScore });
  for (let i = 0; i < nodes; i++) s.addNode(node(i));
  const run = (from: number, count: number) => {
    for (let i = from; i < from + count; i++) {
      const p = pod(i);
      const r = s.scheduleCycle(p);
      if (!r.scheduled) throw new Error(`pod-${i} did not schedule: ${r.message}`);
      s.assume(p, r.node.name);
    }
  };
  run(0, initial);
  const start = process.hrtime.bigint();
  run(initial, measured);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return Math.round(measured / seconds);
}

/** Nanoseconds per (filter plugin, node) for the SchedulingBasic pod on 5,000 nodes with 1,000 pods. */
function filterNsPerNode(): Record<string, number> {
  const s = new Scheduler({ seed: 1 });
  for (let i = 0; i < 5000; i++) s.addNode(node(i));
  for (let i = 0; i < 1000; i++) s.assume(pod(i), `scheduler-perf-${i % 5000}`);
  const fw = buildFramework();
  const p = new PodInfo(pod(-1));
  const state = new CycleState(s.cache);
  for (const pl of fw.preFilter) pl.preFilter(state, p);
  const nodes = s.cache.nodes;
  const out: Record<string, number> = {};
  let all = 0;
  for (const f of fw.filter) for (let r = 0; r < 5; r++) for (const n of nodes) f.filter(state, p, n);
  for (const f of fw.filter) {
    const rounds = 20;
    const start = process.hrtime.bigint();
    for (let r = 0; r < rounds; r++) for (const n of nodes) f.filter(state, p, n);
    const ns = Number(process.hrtime.bigint() - start) / (rounds * nodes.length);
    out[`filterNsPerNode.${f.name}`] = Math.round(ns * 10) / 10;
    all += ns;
  }
  out['filterNsPerNode.all'] = Math.round(all * 10) / 10;
  return out;
}

/** 100% scoring uses 2,000 measured pods (not 10,000) to keep the run well under a minute. */
export async function benchScheduler(): Promise<Record<string, number>> {
  const full = schedulingBasic(5000, 1000, 2000, 100);
  return {
    'schedulingBasic.5000Nodes.podsPerSecond': schedulingBasic(5000, 1000, 10000),
    'schedulingBasic.500Nodes.podsPerSecond': schedulingBasic(500, 1000, 10000),
    'schedulingBasic.5000Nodes.score100Percent.podsPerSecond': full,
    /** Whole cycle (all filters and scores) per node when every node is examined. */
    'cycleNsPerNode.score100Percent': Math.round(1e9 / (full * 5000)),
    ...filterNsPerNode(),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await benchScheduler(), null, 2));
}
