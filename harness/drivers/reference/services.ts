// The reference driver's `endpoints` and `ports` capabilities: the pure services packages, in process,
// and (routeLive, ports.serve) the control plane's running kube-proxy and components.
import { DriverError } from '../../contract/driver.ts';
import type { EndpointsMethods, PortsMethods } from '../../contract/capabilities/services.ts';
import type { Params } from '../../contract/methods.ts';
import type { KubeObject } from '../../contract/capabilities/objects.ts';
import { computeEndpoints, type Endpoints, type Pod, type Service } from '../../../impl/endpoints/index.ts';
import { ServiceAllocator, validateService, IpamConfigError } from '../../../impl/ipam/index.ts';
import { KubeProxy, KUBE_PROXY, type RouteResult, type RunningKubeProxy } from '../../../impl/proxy/index.ts';
import { ClusterDnsZone, podDnsConfig, resolveName } from '../../../impl/dns/index.ts';
import { referenceLayout, servePlanePorts, ServeLayoutError, type ServingLayout } from '../../../impl/ports/index.ts';
import { selfSignedCertificate, type ServingCertificate } from '../../../impl/apiserver/index.ts';
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

/** `endpoints.*` over `plane` (routeLive asks its running kube-proxy). */
export function createEndpointsHandlers(plane: () => ControlPlane): HandlersOf<EndpointsMethods> {
  return { ...endpointsHandlers, 'endpoints.routeLive': ({ connections }) => routeLive(plane(), connections) };
}

async function routeLive(plane: ControlPlane, connections: Params<'endpoints.routeLive'>['connections']) {
  const proxy = plane.component<RunningKubeProxy>(KUBE_PROXY);
  if (!proxy) throw new DriverError({ code: 'NotApplicable', message: `the control plane runs no ${KUBE_PROXY}` });
  await settled(plane.settle());
  return { routes: connections.map((c) => routeAnswer(proxy.route(c))) };
}

const endpointsHandlers: Omit<HandlersOf<EndpointsMethods>, 'endpoints.routeLive'> = {
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
      answers: queries.map((q) => {
        const r = resolveName(zone, q.name, conf, q.type ?? 'A');
        return r.found ? { found: true as const, name: r.name, records: r.records.map(({ name: _name, ...rest }) => rest) } : { found: false as const, tried: r.tried };
      }),
    };
  },
};

/**
 * `ports.*` over `plane`. ports.serve opens the API server and each component's listeners on the
 * layout's ports (https ones with a self-signed certificate, or plain HTTP without openssl);
 * serving again first closes what the last call opened. Call the returned `close` on shutdown.
 */
export function createPortsHandlers(plane: () => ControlPlane): HandlersOf<PortsMethods> & { close(): Promise<void> } {
  let serving: ServingLayout | undefined;
  let certificate: Promise<ServingCertificate | undefined> | undefined;
  const stop = async () => {
    const s = serving;
    serving = undefined;
    await s?.close();
  };
  return {
    'ports.layout': () => {
      const layout = referenceLayout();
      return { layout: layout.layout, components: layout.components.map(({ scheme: _scheme, ...listener }) => listener) };
    },
    'ports.serve': async ({ portBase }) => {
      await stop();
      const layout = referenceLayout();
      certificate ??= selfSignedCertificate().catch(() => undefined);
      try {
        serving = await servePlanePorts(plane(), { layout, portBase, tls: await certificate });
      } catch (error) {
        if (error instanceof ServeLayoutError) throw new DriverError({ code: 'InvalidParams', message: error.message, field: 'portBase' });
        throw error;
      }
      return { layout: layout.layout, listeners: serving.listeners };
    },
    'ports.stopServing': async () => (await stop(), {}),
    close: stop,
  };
}
