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
import { CLUSTER_DNS, type RunningClusterDns } from '../../impl/dns/index.ts';
import { serveDns, type ServedDns } from '../../impl/dns/server/dnsServer.ts';

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
  /** Serve cluster DNS on host:dnsPort over UDP and TCP (0: a free port); not with `components`. */
  dnsPort?: number;
}

export interface ServedReference {
  url: string;
  kubeconfig: string;
  /** The components running in this process (none with `components`). */
  components: string[];
  /** The port cluster DNS answers on (UDP and TCP), when served. */
  dnsPort?: number;
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
    const dns = !plan && options.dnsPort !== undefined ? await serveClusterDns(plane, host, options.dnsPort) : undefined;
    const stop = async () => (await dns?.close(), await processes?.close(), await plane.stop());
    return { url, kubeconfig, components: plane.components, processes, ...(dns ? { dnsPort: dns.port } : {}), stop };
  } catch (error) {
    await plane.stop();
    throw error;
  }
}

/** Serves the plane's running cluster DNS on the network; ServeLayoutError when the port is taken. */
async function serveClusterDns(plane: ControlPlane, host: string, port: number): Promise<ServedDns | undefined> {
  const dns = plane.component<RunningClusterDns>(CLUSTER_DNS);
  if (!dns) return undefined;
  return serveDns(() => dns.zone(), { host, port }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE' || error.code === 'EACCES' ? new ServeLayoutError(`cluster DNS cannot listen on ${host}:${port}: ${error.code}`) : error;
  });
}
