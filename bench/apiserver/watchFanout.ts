// Watch fan-out: W watchers stream one namespace's pods over HTTP while U updates are committed;
// the latency of each delivery is measured from the moment the update's commit returned.
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import { startApiServer } from '../../impl/apiserver/index.ts';
import { RESOURCES } from '../../impl/apiserver/registry.ts';
import type { Store } from '../../impl/store/index.ts';
import { summary } from './measure.ts';

export async function watchFanout(store: Store, watchers: number, updates: number) {
  const server = await startApiServer({ store });
  const rs = server.handler.resources;
  const pods = RESOURCES.find((r) => r.resource === 'pods')!;
  const namespaces = RESOURCES.find((r) => r.resource === 'namespaces')!;
  await rs.create(namespaces, undefined, { metadata: { name: 'fanout' } });
  const created = await rs.create(pods, 'fanout', { metadata: { name: 'hot' }, spec: { containers: [{ name: 'c', image: 'pause' }] } });
  const committedAt = new Map<string, number>();
  const latencies: number[] = [];
  let delivered = 0;
  let allDelivered!: () => void;
  const done = new Promise<void>((resolve) => (allDelivered = resolve));
  const url = new URL(server.url);
  const path = `/api/v1/namespaces/fanout/pods?watch=true&resourceVersion=${created.metadata.resourceVersion}`;
  const streams = await Promise.all(Array.from({ length: watchers }, () => new Promise<() => void>((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path }, (res) => {
      res.on('error', () => {});
      createInterface({ input: res }).on('error', () => {}).on('line', (line) => {
        const rv = /"resourceVersion":"(\d+)"/.exec(line)?.[1];
        const at = rv ? committedAt.get(rv) : undefined;
        if (at !== undefined) latencies.push(performance.now() - at);
        if (++delivered === watchers * updates) allDelivered();
      });
      resolve(() => req.destroy());
    });
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end();
  })));
  await new Promise((r) => setTimeout(r, 200));
  const started = performance.now();
  for (let i = 0; i < updates; i++) {
    const updated = await rs.update(pods, 'fanout', 'hot', (p) => ({ ...p, metadata: { ...p.metadata, labels: { n: String(i) } } }));
    committedAt.set(String(updated.metadata.resourceVersion), performance.now());
    await new Promise((r) => setImmediate(r));
  }
  await Promise.race([done, new Promise((r) => setTimeout(r, 120_000))]);
  const seconds = (performance.now() - started) / 1000;
  for (const stop of streams) stop();
  await server.close();
  return { watchers, updates, delivered, expected: watchers * updates, eventsPerSecond: Math.round(delivered / seconds), commitToDelivery: summary(latencies) };
}
