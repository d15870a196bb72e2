// Benchmark of the endpoints controller core (impl/endpoints).
//   1. One service with N ready pods (N = 10, 250, 1000): time from one pod's readiness change to
//      its recomputed Endpoints object through the incremental index (p50/p99). Flat figures
//      across N show the work follows the change, not the service's size.
//   2. 10,000 services with 10 pods each: time to build every Endpoints object from scratch.
// Run: node --import tsx bench/endpoints.ts  (writes reports/bench/endpoints.json)
import { mkdirSync, writeFileSync } from 'node:fs';
import { EndpointsIndex, type Pod, type Service } from '../impl/endpoints/index.ts';
import { seededRandom } from '../impl/clock/rng.ts';

const makeService = (name: string, app: string): Service => ({
  metadata: { name, namespace: 'default' },
  spec: { selector: { app }, clusterIP: '10.0.0.10', ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] },
});

const makePod = (name: string, app: string, i: number, ready: boolean): Pod => ({
  metadata: { name, namespace: 'default', uid: `uid-${name}`, labels: { app } },
  spec: { nodeName: `node-${i % 50}`, containers: [{ name: 'c' }] },
  status: { phase: 'Running', podIP: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});

const rng = seededRandom;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const round = (x: number) => Math.round(x * 100) / 100;

function readinessChange(pods: number, changes: number): { pods: number; changes: number; p50Us: number; p99Us: number; maxUs: number } {
  const index = new EndpointsIndex();
  index.onServiceChange(makeService('web', 'web'));
  const current: Pod[] = [];
  for (let i = 0; i < pods; i++) {
    current.push(makePod(`p${i}`, 'web', i, true));
    index.onPodChange(null, current[i]);
  }
  index.endpoints('default/web');
  const random = rng(42);
  const samples: number[] = [];
  for (let k = 0; k < changes + 100; k++) {
    const i = Math.floor(random() * pods);
    const old = current[i];
    const ready = old.status!.conditions![0].status !== 'True';
    const next = makePod(old.metadata.name!, 'web', i, ready);
    const start = process.hrtime.bigint();
    const changed = index.onPodChange(old, next);
    for (const key of changed) index.endpoints(key);
    const elapsed = Number(process.hrtime.bigint() - start) / 1000;
    current[i] = next;
    if (k >= 100) samples.push(elapsed);
  }
  samples.sort((a, b) => a - b);
  return { pods, changes, p50Us: round(quantile(samples, 0.5)), p99Us: round(quantile(samples, 0.99)), maxUs: round(samples[samples.length - 1]) };
}

function buildAll(services: number, podsPerService: number): { services: number; pods: number; buildMs: number; materialiseMs: number; totalMs: number } {
  const svcList = Array.from({ length: services }, (_, s) => makeService(`svc-${s}`, `app-${s}`));
  const podList: Pod[] = [];
  for (let s = 0; s < services; s++) for (let j = 0; j < podsPerService; j++) podList.push(makePod(`svc-${s}-${j}`, `app-${s}`, s * podsPerService + j, true));
  const start = performance.now();
  const index = new EndpointsIndex();
  for (const svc of svcList) index.onServiceChange(svc);
  for (const pod of podList) index.onPodChange(null, pod);
  const built = performance.now();
  let addresses = 0;
  for (const key of index.serviceKeys()) addresses += index.endpoints(key)?.subsets?.[0]?.addresses?.length ?? 0;
  const done = performance.now();
  if (addresses !== services * podsPerService) throw new Error(`benchEndpoints: expected ${services * podsPerService} addresses, got ${addresses}`);
  return { services, pods: podList.length, buildMs: round(built - start), materialiseMs: round(done - built), totalMs: round(done - start) };
}

export async function benchEndpoints(): Promise<Record<string, unknown>> {
  return {
    benchmark: 'endpoints',
    readinessChange: [10, 250, 1000].map((n) => readinessChange(n, 2000)),
    buildAll: buildAll(10_000, 10),
    node: process.version,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await benchEndpoints();
  mkdirSync(new URL('../reports/bench/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../reports/bench/endpoints.json', import.meta.url), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(JSON.stringify(figures, null, 2));
}
