// The store backends a test suite runs against: memory always; etcd at $KCONFORM_ETCD when it
// answers, else a throwaway etcd when the binary is installed, else skipped with the reason.
import { randomUUID } from 'node:crypto';
import type { Store } from './store.ts';
import { memoryStore, type MemoryStoreOptions } from './memoryStore.ts';
import { defaultEtcdEndpoint, etcdStore } from './etcdStore.ts';
import { etcdBinary, etcdReachable, startEtcdTestServer, type EtcdTestServer } from './etcdTestServer.ts';

export interface TestBackend {
  name: 'memory' | 'etcd';
  /** Why this backend's tests are skipped, or undefined when it is usable. */
  skip?: string;
  /** A fresh, empty store (etcd: a new key prefix on the shared server). */
  open(options?: MemoryStoreOptions): Store;
  /** Stops what `testBackends` started. */
  teardown(): Promise<void>;
}

export async function testBackends(): Promise<TestBackend[]> {
  const memory: TestBackend = { name: 'memory', open: (options) => memoryStore(options), teardown: async () => {} };
  const endpoint = defaultEtcdEndpoint();
  let server: EtcdTestServer | undefined;
  let url: string | undefined;
  let skip: string | undefined;
  if (await etcdReachable(endpoint)) url = endpoint;
  else if (etcdBinary()) {
    try {
      server = await startEtcdTestServer();
      url = server.url;
    } catch (error) {
      skip = `etcd tests skipped: no etcd at ${endpoint} and a throwaway one failed to start: ${(error as Error).message}`;
    }
  } else skip = `etcd tests skipped: no etcd reachable at ${endpoint} (set KCONFORM_ETCD) and no etcd binary installed`;
  const etcd: TestBackend = {
    name: 'etcd',
    skip,
    open: () => etcdStore({ endpoints: url!, prefix: `/kconform-test/${randomUUID()}` }),
    teardown: async () => server?.stop(),
  };
  return [memory, etcd];
}
