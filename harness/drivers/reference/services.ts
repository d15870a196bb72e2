// The reference driver's `endpoints` and `ports` capabilities: the pure services packages, in process,
// and (routeLive, ports.serve) the control plane's running kube-proxy and components.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DriverError } from '../../contract/driver.ts';
import type { EndpointsMethods, PortsMethods } from '../../contract/capabilities/services.ts';
import type { Params } from '../../contract/methods.ts';
import type { KubeObject } from '../../contract/capabilities/objects.ts';
import { computeEndpoints, type Endpoints, type Pod, type Service } from '../../../impl/endpoints/index.ts';
import { ServiceAllocator, validateService, IpamConfigError } from '../../../impl/ipam/index.ts';
import { KubeProxy, KUBE_PROXY, type RouteResult, type RunningKubeProxy } from '../../../impl/proxy/index.ts';
import { ClusterDnsZone, podDnsConfig, resolveName, CLUSTER_DNS, type Resolution, type RunningClusterDns } from '../../../impl/dns/index.ts';
import { referenceLayout, REFERENCE_LAYOUT, ServeLayoutError } from '../../../impl/ports/index.ts';
import { memoryStore, type Store } from '../../../impl/store/index.ts';
import { serveReference, type ServedReference } from '../../serving/serveReference.ts';
import type { ControlPlane } from '../../../impl/controlplane/index.ts';
import { settled } from './time.ts';

type HandlersOf<T> = { [M in keyof T]: T[M] extends { params: infer P; result: infer R } ? (params: P) => R | Promise<R> : never };

/** Rejects params whose objects lack metadata, instead of failing deep inside. */
function objects<T>(list: unknown, what: string): T[] {
  if (!Array.isArray(list)) throw new DriverError({ code: 'InvalidParams', message: `${what} must be an array` });
  return list.map((o, i) => object<T>(o, `${what}[${i}]`));
}
function object<T>(value: unknown, what: string): T {
  const meta = (value as KubeObject | undefined)?.metadata;
  if (!value || typeof value !== 'object' || !meta || typeof meta !== 'object') {
    throw new DriverError({ code: 'InvalidParams', message: `${what} must be a Kubernetes object with metadata` });
  }
  return value as T;
}
const routeAnswer = (r: RouteResult) => (r.routed ? { routed: true as const, podIP: r.podIP, port: r.port, service: r.service, via: r.via } : r);
const configError = (e: unknown) => (e instanceof IpamConfigError ? new DriverError({ code: 'InvalidParams', message: e.message }) : e);

/** `endpoints.*` over `plane` (routeLive asks its running kube-proxy, resolveLive its cluster DNS). */
export function createEndpointsHandlers(plane: () => ControlPlane): HandlersOf<EndpointsMethods> {
  return {
    ...endpointsHandlers,
    'endpoints.routeLive': ({ connections }) => routeLive(plane(), connections),
    'endpoints.resolveLive': ({ queries }) => resolveLive(plane(), queries),
  };
}

async function resolveLive(plane: ControlPlane, queries: Params<'endpoints.resolveLive'>['queries']) {
  const dns = plane.component<RunningClusterDns>(CLUSTER_DNS);
  if (!dns) throw new DriverError({ code: 'NotApplicable', message: `the control plane runs no ${CLUSTER_DNS}` });
  await settled(plane.settle());
  const zone = dns.zone();
  const absolute = { nameservers: [], searches: [], options: [] };
  return { answers: queries.map((q) => dnsAnswer(resolveName(zone, q.name.endsWith('.') ? q.name : `${q.name}.`, absolute, q.type ?? 'A'))) };
}

const dnsAnswer = (r: Resolution) => (r.found ? { found: true as const, name: r.name, records: r.records.map(({ name: _name, ...rest }) => rest) } : { found: false as const, tried: r.tried });

async function routeLive(plane: ControlPlane, connections: Params<'endpoints.routeLive'>['connections']) {
  const proxy = plane.component<RunningKubeProxy>(KUBE_PROXY);
  if (!proxy) throw new DriverError({ code: 'NotApplicable', message: `the control plane runs no ${KUBE_PROXY}` });
  await settled(plane.settle());
  return { routes: connections.map((c) => routeAnswer(proxy.route(c))) };
}

const endpointsHandlers: Omit<HandlersOf<EndpointsMethods>, 'endpoints.routeLive' | 'endpoints.resolveLive'> = {
  'endpoints.compute': ({ service, pods }) => ({
    endpoints: computeEndpoints(object<Service>(service, 'service'), objects<Pod>(pods, 'pods')) as unknown as KubeObject | null,
  }),

  'endpoints.validateService': ({ service }) => {
    const errors = validateService(object<Service>(service, 'service'));
    return { valid: errors.length === 0, errors };
  },

  'endpoints.allocate': ({ serviceCIDR, nodePortRange, operations }) => {
    let allocator: ServiceAllocator;
    try {
      allocator = new ServiceAllocator({ serviceCIDR, nodePortRange });
    } catch (e) {
      throw configError(e);
    }
    const live = new Map<string, Service>();
    const results = operations.map((op) => {
      if ('delete' in op) {
        const key = `${op.delete.namespace || 'default'}/${op.delete.name}`;
        const held = live.get(key);
        if (held) allocator.release(held);
        live.delete(key);
        return { deleted: true as const };
      }
      const svc = object<Service>(op.create, 'create');
      const got = allocator.allocate(svc);
      if (!got.ok) return { ok: false as const, error: got.error };
      live.set(`${svc.metadata.namespace || 'default'}/${svc.metadata.name}`, got.service);
      const spec = got.service.spec ?? {};
      return { ok: true as const, ...(spec.clusterIP ? { clusterIP: spec.clusterIP } : {}), nodePorts: (spec.ports ?? []).flatMap((p) => (p.nodePort ? [p.nodePort] : [])) };
    });
    return { results };
  },

  'endpoints.route': ({ services, endpoints, nodes, connections }) => {
    const proxy = new KubeProxy({ nodes });
    proxy.sync(objects<Service>(services, 'services'), objects<Endpoints>(endpoints, 'endpoints'));
    return {
      routes: connections.map((c) => {
        return routeAnswer(proxy.route(c));
      }),
    };
  },

  'endpoints.resolve': ({ services, endpoints, pod, clusterDNS, clusterDomain, queries }) => {
    const zone = new ClusterDnsZone(objects<Service>(services, 'services'), objects<Endpoints>(endpoints, 'endpoints'), clusterDomain);
    const conf = podDnsConfig(object<Pod>(pod, 'pod'), { clusterDNS: clusterDNS ?? ['10.0.0.10'], clusterDomain });
    return {
      resolvConf: { nameservers: conf.nameservers, searches: conf.searches, options: conf.options.map((o) => (o.value !== undefined ? `${o.name}:${o.value}` : o.name)) },
      answers: queries.map((q) => dnsAnswer(resolveName(zone, q.name, conf, q.type ?? 'A'))),
    };
  },
};

/**
 * `ports.*` of the reference. ports.serve starts the reference as upstream runs it (as
 * `kconform serve --components` does): an API server on the layout's port and each component in a
 * process of its own on its ports, all shifted by the base, https ones with a self-signed
 * certificate (plain HTTP without openssl), on a fresh memory store. Serving again first stops what
 * the last call started. Call the returned `close` on shutdown.
 */
export function createPortsHandlers(): HandlersOf<PortsMethods> & { close(): Promise<void> } {
  let serving: { served: ServedReference; store: Store; dir: string } | undefined;
  const stop = async () => {
    const s = serving;
    serving = undefined;
    if (!s) return;
    await s.served.stop();
    await s.store.close();
    await rm(s.dir, { recursive: true, force: true });
  };
  return {
    'ports.layout': () => {
      const layout = referenceLayout();
      return { layout: layout.layout, components: layout.components.map(({ scheme: _scheme, ...listener }) => listener) };
    },
    'ports.serve': async ({ portBase }) => {
      await stop();
      const store = memoryStore();
      const dir = await mkdtemp(join(tmpdir(), 'kconform-ports-'));
      try {
        const served = await serveReference({ store, components: { portBase }, insecureHttp: !(await hasOpenssl()), kubeconfig: join(dir, 'kubeconfig') });
        serving = { served, store, dir };
        return { layout: REFERENCE_LAYOUT, listeners: served.processes!.listeners };
      } catch (error) {
        await store.close();
        await rm(dir, { recursive: true, force: true });
        if (error instanceof ServeLayoutError) throw new DriverError({ code: 'InvalidParams', message: error.message, field: 'portBase' });
        throw error;
      }
    },
    'ports.stopServing': async () => (await stop(), {}),
    close: stop,
  };
}

let openssl: Promise<boolean> | undefined;
/** The self-signed serving certificate is made with the openssl CLI. */
function hasOpenssl(): Promise<boolean> {
  return (openssl ??= new Promise((resolve) => execFile('openssl', ['version'], (error) => resolve(!error))));
}
