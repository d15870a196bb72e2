// `--driver reference-http[:memory|:etcd]`: the reference control plane started in this process on
// 127.0.0.1:0 and checked over real HTTP through the kube driver. etcd: $KCONFORM_ETCD when it
// answers, else a throwaway etcd (removed on close).
import { randomUUID } from 'node:crypto';
import type { Driver } from '../../contract/driver.ts';
import { defaultEtcdEndpoint, etcdReachable, etcdStore, memoryStore, startEtcdTestServer, type Store } from '../../../impl/store/index.ts';
import { ControlPlane } from '../../../impl/controlplane/index.ts';
import { createKubeDriver } from '../kube.ts';

export type ReferenceBackend = 'memory' | 'etcd';

/** A store for the backend and how to release what was started for it. */
async function openStore(backend: ReferenceBackend): Promise<{ store: Store; release: () => Promise<void> }> {
  if (backend === 'memory') {
    const store = memoryStore();
    return { store, release: () => store.close() };
  }
  const endpoint = defaultEtcdEndpoint();
  const throwaway = (await etcdReachable(endpoint)) ? undefined : await startEtcdTestServer();
  const store = etcdStore({ endpoints: throwaway?.url ?? endpoint, prefix: `/kconform-run/${randomUUID()}` });
  return { store, release: async () => (await store.close(), await throwaway?.stop()) };
}

/**
 * The whole reference control plane in real time on the store, its API served over plain HTTP on
 * loopback (anonymous requests act as admin), its components talking to it over that same HTTP.
 */
async function startReference(store: Store): Promise<{ url: string; close: () => Promise<void> }> {
  const onComponentError = process.env.KCONFORM_COMPONENT_ERRORS ? (actor: string, message: string) => process.stderr.write(`${new Date().toISOString()} ${actor}: ${message}\n`) : undefined;
  const plane = await ControlPlane.start({ store, clock: 'real', http: { port: 0, host: '127.0.0.1' }, componentsOverHttp: true, anonymousAdmin: true, onComponentError });
  return { url: plane.url!, close: () => plane.stop() };
}

export async function createReferenceHttpDriver(backend: ReferenceBackend): Promise<Driver> {
  const { store, release } = await openStore(backend);
  let running: { url: string; close: () => Promise<void> } | undefined;
  try {
    running = await startReference(store);
    return await createKubeDriver(running.url, {
      name: `reference-http:${backend}`,
      description: `the kconform reference API server over HTTP at ${running.url}, ${backend} store`,
      defaultNamespace: 'server',
      cleanup: false,
      onClose: async () => (await running!.close(), await release()),
    });
  } catch (error) {
    await running?.close();
    await release();
    throw error;
  }
}
