// Create N pods, then GET each by name, over HTTP with keep-alive, at a given concurrency.
import { startApiServer } from '../../impl/apiserver/index.ts';
import type { Store } from '../../impl/store/index.ts';
import { httpClient, load } from './measure.ts';

const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'bench' } }, spec: { containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.9' }] } });

export async function createThenGet(store: Store, pods: number, concurrency: number) {
  const server = await startApiServer({ store });
  const client = httpClient(server.url, concurrency);
  const ns = `bench-c${concurrency}`;
  await client.call('POST', '/api/v1/namespaces', { metadata: { name: ns } }, 201);
  const create = await load(pods, concurrency, (i) => client.call('POST', `/api/v1/namespaces/${ns}/pods`, pod(`pod-${i}`), 201));
  const get = await load(pods, concurrency, (i) => client.call('GET', `/api/v1/namespaces/${ns}/pods/pod-${i}`, undefined, 200));
  client.close();
  await server.close();
  return { concurrency, pods, create, get };
}
