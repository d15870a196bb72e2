// A namespace-scoped LIST with a label selector matching 1%, over P pods in N namespaces, in
// process (the shared request handler) and over HTTP with keep-alive.
import { startApiServer } from '../../impl/apiserver/index.ts';
import { RESOURCES } from '../../impl/apiserver/registry.ts';
import type { Store } from '../../impl/store/index.ts';
import { httpClient, load } from './measure.ts';

export async function listWithSelector(store: Store, podCount: number, namespaceCount: number, lists: number) {
  const server = await startApiServer({ store });
  const rs = server.handler.resources;
  const pods = RESOURCES.find((r) => r.resource === 'pods')!;
  const namespaces = RESOURCES.find((r) => r.resource === 'namespaces')!;
  const seedStart = performance.now();
  for (let n = 0; n < namespaceCount; n++) await rs.create(namespaces, undefined, { metadata: { name: `ns-${n}` } });
  for (let i = 0; i < podCount; i++) {
    await rs.create(pods, `ns-${i % namespaceCount}`, {
      metadata: { name: `pod-${i}`, labels: { app: 'bench', bucket: String(Math.floor(i / namespaceCount) % 100) } },
      spec: { containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.9', ports: [{ containerPort: 8080 }] }] },
    });
  }
  const seedSeconds = Math.round((performance.now() - seedStart) / 100) / 10;
  const path = (i: number) => `/api/v1/namespaces/ns-${i % namespaceCount}/pods?labelSelector=bucket%3D${i % 100}`;
  const first = await server.handler.handle({ method: 'GET', url: path(0) });
  const itemsPerList = 'body' in first ? JSON.parse(first.body).items.length : -1;
  const inProcess = await load(lists, 1, (i) => server.handler.handle({ method: 'GET', url: path(i) }));
  const client = httpClient(server.url, 1);
  const http = await load(lists, 1, (i) => client.call('GET', path(i), undefined, 200));
  client.close();
  await server.close();
  return { pods: podCount, namespaces: namespaceCount, podsPerNamespace: podCount / namespaceCount, itemsPerList, seedSeconds, inProcess, http, upstreamSloP99Ms: 5000 };
}
