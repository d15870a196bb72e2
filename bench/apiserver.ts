// Benchmark: a namespace-scoped LIST with a label selector matching 1%, over 150,000 pods in
// 50 namespaces (3,000 each), in process (the shared request handler) and over HTTP with
// keep-alive, memory store. Prints one JSON object. Sizes: BENCH_PODS, BENCH_NAMESPACES, BENCH_LISTS.
import { memoryStore } from '../impl/store/index.ts';
import { startApiServer } from '../impl/apiserver/index.ts';
import { RESOURCES } from '../impl/apiserver/registry.ts';

const PODS = Number(process.env.BENCH_PODS ?? 150_000);
const NAMESPACES = Number(process.env.BENCH_NAMESPACES ?? 50);
const LISTS = Number(process.env.BENCH_LISTS ?? 200);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (ms: number) => Math.round(ms * 1000) / 1000;

async function timed(n: number, fn: (i: number) => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50Ms: round(percentile(samples, 50)), p99Ms: round(percentile(samples, 99)), samples: n };
}

const store = memoryStore({ historySize: 1000 });
const server = await startApiServer({ store });
const rs = server.handler.resources;
const pods = RESOURCES.find((r) => r.resource === 'pods')!;
const namespaces = RESOURCES.find((r) => r.resource === 'namespaces')!;

const seedStart = performance.now();
for (let n = 0; n < NAMESPACES; n++) await rs.create(namespaces, undefined, { metadata: { name: `ns-${n}` } });
for (let i = 0; i < PODS; i++) {
  await rs.create(pods, `ns-${i % NAMESPACES}`, {
    metadata: { name: `pod-${i}`, labels: { app: 'bench', bucket: String(Math.floor(i / NAMESPACES) % 100) } },
    spec: { containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.9', ports: [{ containerPort: 8080 }] }] },
  });
}
const seedSeconds = (performance.now() - seedStart) / 1000;

const path = (i: number) => `/api/v1/namespaces/ns-${i % NAMESPACES}/pods?labelSelector=bucket%3D${i % 100}`;
let matched = -1;
const inProcess = await timed(LISTS, async (i) => {
  const response = await server.handler.handle({ method: 'GET', url: path(i) });
  if ('body' in response && i === 0) matched = JSON.parse(response.body).items.length;
});
const overHttp = await timed(LISTS, async (i) => {
  const response = await fetch(server.url + path(i));
  await response.arrayBuffer();
});

await server.close();
await store.close();
console.log(JSON.stringify({
  benchmark: 'apiserver.namespaceListWithSelector',
  backend: 'memory',
  pods: PODS,
  namespaces: NAMESPACES,
  podsPerNamespace: PODS / NAMESPACES,
  itemsPerList: matched,
  seedSeconds: Math.round(seedSeconds * 10) / 10,
  inProcess,
  http: overHttp,
  upstreamSloP99Ms: 5000,
}, null, 2));
