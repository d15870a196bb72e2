// API server benchmarks; prints one JSON object. Sections (BENCH_SECTIONS, default all):
//  - list:      a namespace-scoped LIST with a 1% selector over 150,000 pods in 50 namespaces (memory);
//  - createGet: create then GET 10,000 pods over HTTP with keep-alive at concurrency 1 and 16,
//               on the memory store and on etcd, with the memory/etcd throughput ratio;
//  - fanout:    100 watchers, 10,000 updates, commit → delivery latency (memory).
// Sizes: BENCH_PODS, BENCH_NAMESPACES, BENCH_LISTS, BENCH_CREATE_PODS, BENCH_WATCHERS, BENCH_UPDATES.
// etcd: $KCONFORM_ETCD when it answers, else a throwaway etcd; skipped (with the reason) when neither.
import { randomUUID } from 'node:crypto';
import { defaultEtcdEndpoint, etcdBinary, etcdReachable, etcdStore, memoryStore, startEtcdTestServer, type Store } from '../impl/store/index.ts';
import { listWithSelector } from './apiserver/listWithSelector.ts';
import { createThenGet } from './apiserver/createThenGet.ts';
import { watchFanout } from './apiserver/watchFanout.ts';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const sections = (process.env.BENCH_SECTIONS ?? 'list,createGet,fanout').split(',');
const out: Record<string, unknown> = { benchmark: 'apiserver' };

async function withStore<T>(open: () => Store, fn: (s: Store) => Promise<T>): Promise<T> {
  const store = open();
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** An etcd endpoint and how to stop it, or why there is none. */
async function etcd(): Promise<{ url: string; stop: () => Promise<void> } | { skipped: string }> {
  const endpoint = defaultEtcdEndpoint();
  if (await etcdReachable(endpoint)) return { url: endpoint, stop: async () => {} };
  if (!etcdBinary()) return { skipped: `no etcd at ${endpoint} and no etcd binary` };
  return startEtcdTestServer();
}

if (sections.includes('list')) {
  out.namespaceListWithSelector = await withStore(() => memoryStore({ historySize: 1000 }), (s) =>
    listWithSelector(s, env('BENCH_PODS', 150_000), env('BENCH_NAMESPACES', 50), env('BENCH_LISTS', 200)));
}

if (sections.includes('createGet')) {
  const pods = env('BENCH_CREATE_PODS', 10_000);
  const run = async (open: () => Store) => {
    const figures = [];
    for (const c of [1, 16]) figures.push(await withStore(open, (s) => createThenGet(s, pods, c)));
    return figures;
  };
  const memory = await run(() => memoryStore({ historySize: 1000 }));
  const server = await etcd();
  let etcdFigures: unknown = 'skipped' in server ? server : undefined;
  let ratio: unknown;
  if (!('skipped' in server)) {
    try {
      const figures = await run(() => etcdStore({ endpoints: server.url, prefix: `/kconform-bench/${randomUUID()}` }));
      etcdFigures = figures;
      ratio = Object.fromEntries(figures.map((e, i) => [`concurrency${e.concurrency}`, {
        create: Math.round((memory[i].create.requestsPerSecond / e.create.requestsPerSecond) * 100) / 100,
        get: Math.round((memory[i].get.requestsPerSecond / e.get.requestsPerSecond) * 100) / 100,
      }]));
    } finally {
      await server.stop();
    }
  }
  out.createThenGet = { memory, etcd: etcdFigures, memoryOverEtcdThroughput: ratio };
}

if (sections.includes('fanout')) {
  out.watchFanout = await withStore(() => memoryStore({ historySize: 20_000 }), (s) => watchFanout(s, env('BENCH_WATCHERS', 100), env('BENCH_UPDATES', 10_000)));
}

console.log(JSON.stringify(out, null, 2));
