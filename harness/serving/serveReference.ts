// The reference control plane served over HTTP(S) in real time, as `kconform serve` runs it: the API
// server in this process with a kubeconfig for kubectl, and the components either in this process too
// or (components) as separate processes on their ports of the upstream layout. The reference driver
// serves its ports (ports.serve) the same way.
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ControlPlane } from '../../impl/controlplane/index.ts';
import { remoteKubelets, writeKubeconfig } from '../../impl/apiserver/index.ts';
import type { Store } from '../../impl/store/index.ts';
import { ServeLayoutError, type ServedListener } from '../../impl/ports/index.ts';
import { planComponents, startComponentProcesses } from './componentProcesses.ts';

export interface ServeReferenceOptions {
  store: Store;
  /** Listen address (default 127.0.0.1). */
  host?: string;
  /** The API server's port without `components` (0: a free one). */
  port?: number;
  /** Run the components as processes of their own, every layout port shifted by portBase. */
  components?: { portBase: number };
  /** The etcd client URL when `store` is etcd: listed as where etcd is served. */
  etcd?: string;
  /** Plain HTTP instead of HTTPS with a self-signed certificate. */
  insecureHttp?: boolean;
  /** Requests without a bearer token act as the admin. */
  anonymousAdmin?: boolean;
  /** Where to write the kubeconfig (default <tmpdir>/kconform-<port>/kubeconfig). */
  kubeconfig?: string;
}

export interface ServedReference {
  url: string;
  kubeconfig: string;
  /** The components running in this process (none with `components`). */
  components: string[];
  /** With `components`: the layout's master listeners, and each component process. */
  processes?: { listeners: ServedListener[]; pids(): Record<string, number | undefined> };
  /** Stops the processes and the plane; the store is left open. */
  stop(): Promise<void>;
}

/** Starts it; rejects (ServeLayoutError for a port that cannot be served) leaving nothing running. */
export async function serveReference(options: ServeReferenceOptions): Promise<ServedReference> {
  const host = options.host ?? '127.0.0.1';
  const plan = options.components && (await planComponents(options.components.portBase, host, options.insecureHttp === true));
  // the API server reaches the kubelet process's API with the admin token, as upstream's does with
  // its client certificate
  const adminToken = randomBytes(32).toString('hex');
  const apiPort = plan ? plan.apiPort : (options.port ?? 0);
  const plane = await ControlPlane.start({
    store: options.store,
    clock: 'real',
    http: { port: apiPort, host, tls: plan ? (plan.tls ?? false) : !options.insecureHttp },
    componentsOverHttp: true,
    anonymousAdmin: options.anonymousAdmin === true,
    adminToken,
    trace: { enabled: false },
    ...(plan ? { components: [], kubelets: remoteKubelets({ url: plan.kubeletUrl, token: adminToken, ca: plan.tls?.cert }) } : {}),
  }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE' || error.code === 'EACCES' ? new ServeLayoutError(`kube-apiserver cannot listen on ${host}:${apiPort}: ${error.code}`) : error;
  });
  try {
    const url = plane.url!;
    const kubeconfig = resolve(options.kubeconfig ?? join(tmpdir(), `kconform-${new URL(url).port}`, 'kubeconfig'));
    await writeKubeconfig(url, kubeconfig, plane.adminToken, plane.caCert);
    const processes = plan && (await startComponentProcesses(plan, kubeconfig, { apiServer: url, etcd: options.etcd }));
    return { url, kubeconfig, components: plane.components, processes, stop: async () => (await processes?.close(), await plane.stop()) };
  } catch (error) {
    await plane.stop();
    throw error;
  }
}
