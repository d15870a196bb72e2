// A model of kube-proxy: from Services and their EndpointSlices (or Endpoints), which backend a new
// connection reaches.
//
// Frontends are `clusterIP:port/protocol` for every service with a cluster IP, and
// `nodeIP:nodePort/protocol` on every known node for NodePort and LoadBalancer services.
// Backends are the endpoints listed for the service port's name and protocol (absent: TCP, as the
// API server defaults it) that a connection may use (proxyEndpoints.ts): the ready ones, or while
// none is ready, the ones still serving as they terminate.
//
// Load spreading: round-robin per service port over its backends sorted by (IP, port). Over any
// N consecutive connections without session affinity while the backend set is unchanged, each of
// the k backends receives ⌊N/k⌋ or ⌈N/k⌉ of them. (Upstream's iptables mode picks at random with
// probability 1/k, so it only spreads that evenly on average.)
//
// Session affinity ClientIP: a client that connected within timeoutSeconds (default 10800) goes
// to the backend it had, while that backend stays usable. Time is a virtual clock: `now` in ms.
import type { Endpoints, Service } from '../endpoints/types.ts';
import { sliceServiceKey, type EndpointSlice } from '../endpointslices/types.ts';
import { defaultServicePort } from '../endpoints/findPort.ts';
import { objectKey } from '../endpoints/types.ts';
import { fromEndpointSlice, fromEndpoints, mergeSources, servicePortKey, usableEndpoints, type PortEndpoints, type ProxyEndpoint } from './proxyEndpoints.ts';

export interface Backend {
  podIP: string;
  port: number;
  nodeName?: string;
}

export interface RouteRequest {
  ip: string;
  port: number;
  protocol?: string;
  clientIP?: string;
  /** Virtual time in milliseconds, for session affinity. */
  now?: number;
}

export type RouteResult =
  | ({ routed: true; service: string; portName: string; via: 'clusterIP' | 'nodePort' } & Backend)
  | { routed: false; reason: 'NoService' | 'NoEndpoints' | 'NoLocalEndpoints'; message: string };

interface Frontend {
  serviceKey: string;
  /** upstream's ServicePortName: `namespace/name` plus `:portName` when the port is named. */
  portName: string;
  /** The service port's own name ('' when unnamed), matched against Endpoints port names. */
  spName: string;
  portKey: string;
  via: 'clusterIP' | 'nodePort';
  /** For externalTrafficPolicy Local on a node port: only backends on this node. */
  localNode?: string;
}

interface UsableBackends {
  all: ProxyEndpoint[];
  cluster: Backend[];
  /** Per node, for traffic policy Local; filled as nodes are asked for. */
  local: Map<string, Backend[]>;
}

const toBackend = (e: ProxyEndpoint): Backend => ({ podIP: e.ip, port: e.port, ...(e.nodeName ? { nodeName: e.nodeName } : {}) });

export const DEFAULT_AFFINITY_SECONDS = 10800;

export class KubeProxy {
  private readonly nodeIPs: Map<string, string>;
  private readonly services = new Map<string, Service>();
  /** Per service, its endpoint sources by name: `Endpoints`, or `EndpointSlice/<name>`. */
  private readonly sources = new Map<string, Map<string, PortEndpoints>>();
  /** The service each slice was last filed under, by `namespace/slice name`. */
  private readonly sliceService = new Map<string, string>();
  private readonly frontends = new Map<string, Frontend>();
  private readonly frontendsOf = new Map<string, string[]>();
  private readonly backendCache = new Map<string, Map<string, UsableBackends>>();
  private readonly cursors = new Map<string, number>();
  private readonly affinity = new Map<string, { backend: string; lastUsed: number }>();

  /** `nodes`: node name → node IP, the addresses NodePorts listen on. */
  constructor(options: { nodes?: Record<string, string> } = {}) {
    this.nodeIPs = new Map(Object.entries(options.nodes ?? {}));
  }

  onServiceChange(service: Service): void {
    const key = objectKey(service.metadata);
    this.services.set(key, service);
    this.rebuild(key);
  }

  onServiceDelete(namespace: string, name: string): void {
    const key = `${namespace || 'default'}/${name}`;
    this.services.delete(key);
    this.rebuild(key);
  }

  onEndpointsChange(endpoints: Endpoints): void {
    this.setSource(objectKey(endpoints.metadata), 'Endpoints', fromEndpoints(endpoints));
  }

  onEndpointsDelete(namespace: string, name: string): void {
    this.setSource(`${namespace || 'default'}/${name}`, 'Endpoints', undefined);
  }

  /** A slice without the kubernetes.io/service-name label belongs to no service and is ignored, as upstream does. */
  onEndpointSliceChange(slice: EndpointSlice): void {
    const id = objectKey(slice.metadata);
    const serviceKey = sliceServiceKey(slice);
    const before = this.sliceService.get(id);
    if (before !== undefined && before !== serviceKey) this.onEndpointSliceDelete(slice.metadata.namespace ?? '', slice.metadata.name ?? '');
    if (serviceKey === undefined) return;
    this.sliceService.set(id, serviceKey);
    this.setSource(serviceKey, `EndpointSlice/${slice.metadata.name}`, fromEndpointSlice(slice));
  }

  onEndpointSliceDelete(namespace: string, name: string): void {
    const id = `${namespace || 'default'}/${name}`;
    const serviceKey = this.sliceService.get(id);
    this.sliceService.delete(id);
    if (serviceKey !== undefined) this.setSource(serviceKey, `EndpointSlice/${name}`, undefined);
  }

  /** Replaces all state, as a full resync does. */
  sync(services: readonly Service[], endpoints: readonly Endpoints[], slices: readonly EndpointSlice[] = []): void {
    for (const key of [...this.services.keys()]) {
      this.services.delete(key);
      this.rebuild(key);
    }
    this.sources.clear();
    this.sliceService.clear();
    this.backendCache.clear();
    endpoints.forEach((e) => this.onEndpointsChange(e));
    slices.forEach((s) => this.onEndpointSliceChange(s));
    services.forEach((s) => this.onServiceChange(s));
  }

  private setSource(serviceKey: string, source: string, endpoints: PortEndpoints | undefined): void {
    let sources = this.sources.get(serviceKey);
    if (endpoints) {
      if (!sources) this.sources.set(serviceKey, (sources = new Map()));
      sources.set(source, endpoints);
    } else if (sources?.delete(source) && sources.size === 0) this.sources.delete(serviceKey);
    this.backendCache.delete(serviceKey);
  }

  /** The backends a connection to a service port may use, sorted; empty when none. The list is shared: do not modify it. */
  backends(serviceKey: string, portName: string, protocol = 'TCP', localNode?: string): Backend[] {
    let cache = this.backendCache.get(serviceKey);
    if (!cache) this.backendCache.set(serviceKey, (cache = new Map()));
    const portKey = servicePortKey(portName, protocol);
    let entry = cache.get(portKey);
    if (!entry) {
      const sources = this.sources.get(serviceKey) ?? new Map<string, PortEndpoints>();
      const all = mergeSources([...sources.keys()].sort().map((k) => sources.get(k)!), portKey);
      cache.set(portKey, (entry = { all, cluster: usableEndpoints(all).map(toBackend), local: new Map() }));
    }
    if (localNode === undefined) return entry.cluster;
    let local = entry.local.get(localNode);
    if (!local) entry.local.set(localNode, (local = usableEndpoints(entry.all.filter((e) => e.nodeName === localNode)).map(toBackend)));
    return local;
  }

  /** Where a new connection to ip:port/protocol goes. Never throws. */
  route(request: RouteRequest): RouteResult {
    const protocol = request.protocol ?? 'TCP';
    const frontend = this.frontends.get(`${request.ip}:${request.port}/${protocol}`);
    if (!frontend) return { routed: false, reason: 'NoService', message: `no service listens on ${request.ip}:${request.port}/${protocol}` };
    const service = this.services.get(frontend.serviceKey)!;
    if (this.backends(frontend.serviceKey, frontend.spName, protocol).length === 0) return { routed: false, reason: 'NoEndpoints', message: `${frontend.portName} has no endpoints` };
    const backends = this.backends(frontend.serviceKey, frontend.spName, protocol, frontend.localNode);
    if (backends.length === 0) return { routed: false, reason: 'NoLocalEndpoints', message: `${frontend.portName} has no local endpoints` };
    const id = (b: Backend) => `${b.podIP}:${b.port}`;
    const now = request.now ?? 0;
    const sticky = service.spec?.sessionAffinity === 'ClientIP' && request.clientIP !== undefined;
    const affinityKey = `${frontend.portKey}|${frontend.localNode ?? ''}|${request.clientIP}`;
    if (sticky) {
      const timeoutMs = (service.spec?.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS) * 1000;
      const held = this.affinity.get(affinityKey);
      const backend = held && now - held.lastUsed <= timeoutMs ? backends.find((b) => id(b) === held.backend) : undefined;
      if (backend) {
        held!.lastUsed = now;
        return { routed: true, service: frontend.serviceKey, portName: frontend.portName, via: frontend.via, ...backend };
      }
    }
    const cursorKey = `${frontend.portKey}|${frontend.localNode ?? ''}`;
    const cursor = this.cursors.get(cursorKey) ?? 0;
    const backend = backends[cursor % backends.length];
    this.cursors.set(cursorKey, (cursor + 1) % backends.length);
    if (sticky) this.affinity.set(affinityKey, { backend: id(backend), lastUsed: now });
    return { routed: true, service: frontend.serviceKey, portName: frontend.portName, via: frontend.via, ...backend };
  }

  private rebuild(serviceKey: string): void {
    for (const f of this.frontendsOf.get(serviceKey) ?? []) this.frontends.delete(f);
    this.frontendsOf.delete(serviceKey);
    const service = this.services.get(serviceKey);
    if (!service) return;
    const spec = service.spec ?? {};
    const clusterIP = spec.clusterIP;
    const type = spec.type ?? 'ClusterIP';
    if (!clusterIP || clusterIP === 'None' || type === 'ExternalName') return;
    const keys: string[] = [];
    const add = (address: string, f: Frontend) => {
      this.frontends.set(address, f);
      keys.push(address);
    };
    for (const raw of spec.ports ?? []) {
      const sp = defaultServicePort(raw);
      const portName = sp.name ? `${serviceKey}:${sp.name}` : serviceKey;
      const portKey = `${portName}/${sp.protocol}`;
      const spName = sp.name ?? '';
      add(`${clusterIP}:${sp.port}/${sp.protocol}`, { serviceKey, portName, spName, portKey, via: 'clusterIP' });
      if ((type === 'NodePort' || type === 'LoadBalancer') && sp.nodePort) {
        for (const [node, ip] of this.nodeIPs) {
          const local = spec.externalTrafficPolicy === 'Local' ? { localNode: node } : {};
          add(`${ip}:${sp.nodePort}/${sp.protocol}`, { serviceKey, portName, spName, portKey, via: 'nodePort', ...local });
        }
      }
    }
    this.frontendsOf.set(serviceKey, keys);
  }
}
