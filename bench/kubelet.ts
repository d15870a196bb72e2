// Benchmark of the whole Pod creation flow with the simulated kubelets (virtual time, in process):
// 100 nodes, PODS bare pods created at once; cluster time advances a second at a time until every
// pod is Running. Figures: wall time, pods/s (wall), and the pod startup latency in cluster time
// (creationTimestamp → the container's running.startedAt, second precision) p50/p99.
// Run: node --import tsx bench/kubelet.ts [pods]  (writes reports/bench/kubelet.json)
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ControlPlane } from '../impl/controlplane/index.ts';

const NODES = 100;
const PODS = Number(process.argv[2] ?? 2000);
const round = (x: number) => Math.round(x * 10) / 10;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

const plane = await ControlPlane.start({ clock: 'virtual', seed: 1, trace: { store: false, capacity: 1000 } });
for (let i = 0; i < NODES; i++) await plane.client.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: `n${i}` } });
await plane.advance(2_000);
const start = performance.now();
const createdAt = plane.clock.now();
for (let i = 0; i < PODS; i++) await plane.client.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } });
let running = 0;
let clusterSeconds = 0;
for (; clusterSeconds < 120 && running < PODS; clusterSeconds++) {
  await plane.advance(1000);
  running = (await plane.client.list('Pod', { namespace: 'default', fieldSelector: 'status.phase=Running' })).items.length;
}
const wallMs = performance.now() - start;
const pods = (await plane.client.list('Pod', { namespace: 'default' })).items;
const latencies = pods
  .map((p) => Date.parse(p.status?.containerStatuses?.[0]?.state?.running?.startedAt ?? '') - Date.parse(p.metadata.creationTimestamp))
  .filter((x) => Number.isFinite(x))
  .sort((a, b) => a - b);
await plane.stop();
const figures = {
  nodes: NODES,
  pods: PODS,
  running,
  wallMs: round(wallMs),
  podsPerSecondWall: round((running / wallMs) * 1000),
  clusterSecondsUntilAllRunning: clusterSeconds,
  createdInClusterMs: plane.clock.now() - createdAt,
  startupLatencyClusterSeconds: { p50: quantile(latencies, 0.5) / 1000, p99: quantile(latencies, 0.99) / 1000 },
};
console.log(JSON.stringify(figures, null, 2));
mkdirSync('reports/bench', { recursive: true });
writeFileSync('reports/bench/kubelet.json', JSON.stringify(figures, null, 2) + '\n');
