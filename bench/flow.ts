// Benchmark of the control plane as running components (impl/controlplane): the pod creation flow.
//   1. Virtual time, in process: 100 nodes, then 2,000 pods created by the admin client, then
//      settle: wall time until every pod is bound, tasks run, tasks/s, trace entries.
//   2. Real time over HTTP (components over HTTP too): 20 nodes, 300 pods: wall time to all bound.
//   3. Real time over HTTP, the whole flow through the simulated kubelets: FLOW_RS_NODES (20) nodes,
//      FLOW_RS_PODS (1,000) pods as FLOW_RS_SETS (10) ReplicaSets: wall time until every pod is
//      Running, and the pod startup latency p50/p99 in real time, from the pod's ADDED watch event
//      to the first event showing it Running (both seen by one watch of the admin client).
//      Gives up after FLOW_RS_TIMEOUT_MS (100,000).
// Run: node --import tsx bench/flow.ts  (writes reports/bench/flow.json)
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ControlPlane } from '../impl/controlplane/index.ts';
import { node, pod } from '../impl/controlplane/testing/fixturePlane.ts';
import { SeededScheduler } from '../impl/clock/index.ts';

const round = (x: number) => Math.round(x * 10) / 10;

async function boundCount(plane: ControlPlane): Promise<number> {
  return (await plane.client.list('Pod', { namespace: 'default' })).items.filter((p) => p.spec.nodeName).length;
}

async function virtualFlow(nodes: number, pods: number) {
  const plane = await ControlPlane.start({ clock: 'virtual', seed: 1, trace: { store: false } });
  for (let i = 0; i < nodes; i++) await plane.client.create(node(`n${i}`, '64'));
  await plane.settle();
  const tasksBefore = (plane.tasks as SeededScheduler).tasksRun;
  const start = performance.now();
  for (let i = 0; i < pods; i++) await plane.client.create(pod(`p${i}`, 'default', { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '100m' } } }] }));
  await plane.settle();
  const ms = performance.now() - start;
  const tasks = (plane.tasks as SeededScheduler).tasksRun - tasksBefore;
  const bound = await boundCount(plane);
  const entries = plane.trace.last;
  await plane.stop();
  return { nodes, pods, bound, wallMs: round(ms), podsPerSecond: round((pods / ms) * 1000), tasks, tasksPerSecond: round((tasks / ms) * 1000), traceEntries: entries };
}

async function httpFlow(nodes: number, pods: number) {
  const plane = await ControlPlane.start({ clock: 'real', http: { port: 0 }, componentsOverHttp: true, trace: { store: false } });
  for (let i = 0; i < nodes; i++) await plane.client.create(node(`n${i}`, '64'));
  await plane.settle();
  const start = performance.now();
  for (let i = 0; i < pods; i++) await plane.client.create(pod(`p${i}`));
  let bound = 0;
  for (let attempt = 0; attempt < 600 && bound < pods; attempt++) {
    await new Promise((r) => setTimeout(r, 50));
    bound = await boundCount(plane);
  }
  const ms = performance.now() - start;
  await plane.stop();
  return { nodes, pods, bound, wallMs: round(ms), podsPerSecond: round((pods / ms) * 1000) };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? null;
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

async function httpReplicaSets(nodes: number, pods: number, sets: number, timeoutMs: number) {
  const plane = await ControlPlane.start({ clock: 'real', http: { port: 0 }, componentsOverHttp: true, trace: { store: false, capacity: 1000 } });
  for (let i = 0; i < nodes; i++) await plane.client.create(node(`n${i}`, '64'));
  const added = new Map<string, number>();
  const latencies: number[] = [];
  let allRunning: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allRunning = resolve));
  const watch = plane.client.watch('Pod', { namespace: 'default' }, {
    onEvent({ type, object }) {
      const uid = String(object.metadata.uid);
      if (type === 'ADDED') added.set(uid, performance.now());
      if (object.status?.phase !== 'Running' || !added.has(uid)) return;
      latencies.push(performance.now() - added.get(uid)!);
      added.delete(uid);
      if (latencies.length >= pods) allRunning();
    },
  });
  await new Promise((r) => setTimeout(r, 2000)); // every node heartbeats Ready
  const start = performance.now();
  for (let i = 0; i < sets; i++) {
    const replicas = Math.floor(pods / sets) + (i < pods % sets ? 1 : 0);
    const labels = { app: `rs${i}` };
    await plane.client.create({
      apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `rs${i}`, namespace: 'default' },
      spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } } },
    });
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([done, new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
  clearTimeout(timer);
  const ms = performance.now() - start;
  watch.stop();
  await plane.stop();
  latencies.sort((a, b) => a - b);
  const running = latencies.length;
  return {
    nodes, pods, replicaSets: sets, running, timedOut: running < pods, wallMs: round(ms), podsPerSecond: round((running / ms) * 1000),
    startupLatencyMs: { p50: round(quantile(latencies, 0.5) ?? NaN), p99: round(quantile(latencies, 0.99) ?? NaN) },
  };
}

const figures = {
  virtual: await virtualFlow(100, 2000),
  http: await httpFlow(20, 300),
  httpReplicaSets: await httpReplicaSets(env('FLOW_RS_NODES', 20), env('FLOW_RS_PODS', 1000), env('FLOW_RS_SETS', 10), env('FLOW_RS_TIMEOUT_MS', 100_000)),
};
console.log(JSON.stringify(figures, null, 2));
mkdirSync('reports/bench', { recursive: true });
writeFileSync('reports/bench/flow.json', JSON.stringify(figures, null, 2) + '\n');
