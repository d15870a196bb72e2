// What kube-proxy knows of a service's endpoints, after upstream's pkg/proxy (endpointslicecache.go,
// topology.go): per service port (`portName/protocol`), each endpoint's IP, port, node and three
// conditions. They come from the service's EndpointSlices, which is what upstream's kube-proxy
// reads, or from its v1 Endpoints object (the endpoints.route method is handed those).
//
// From a slice: a missing `ready` or `serving` means true, a missing `terminating` false; a port
// without a name or number is skipped, as is an endpoint without addresses (only the first address
// counts). FQDN slices carry no IPs and are skipped. An endpoint listed by two slices counts once:
// the first by slice name wins. From Endpoints: `addresses` are ready and serving, the
// `notReadyAddresses` neither, and none are terminating.
//
// Which endpoints a connection may use (CategorizeEndpoints): the ready ones; only when none is
// ready, the ones still serving while terminating, so that connections are not dropped during a
// rolling update. Traffic policy Local applies the same choice to the endpoints on the node.
// Topology hints and trafficDistribution are not modelled.
import type { Endpoints } from '../endpoints/types.ts';
import type { EndpointSlice } from '../endpointslices/types.ts';

export interface ProxyEndpoint {
  ip: string;
  port: number;
  nodeName?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** Endpoints by service port, keyed `portName/protocol` (an unnamed port's name is ''). */
export type PortEndpoints = Map<string, ProxyEndpoint[]>;

export const servicePortKey = (name: string | undefined, protocol: string | undefined) => `${name ?? ''}/${protocol || 'TCP'}`;

function append(map: PortEndpoints, key: string, endpoint: ProxyEndpoint): void {
  const list = map.get(key);
  if (list) list.push(endpoint);
  else map.set(key, [endpoint]);
}

export function fromEndpointSlice(slice: EndpointSlice): PortEndpoints {
  const out: PortEndpoints = new Map();
  if (slice.addressType !== 'IPv4' && slice.addressType !== 'IPv6') return out;
  for (const port of slice.ports ?? []) {
    if (port.name === undefined || port.name === null || !port.port) continue;
    for (const e of slice.endpoints ?? []) {
      if (!e.addresses?.length) continue;
      const c = e.conditions ?? {};
      append(out, servicePortKey(port.name, port.protocol), {
        ip: e.addresses[0],
        port: port.port,
        ...(e.nodeName ? { nodeName: e.nodeName } : {}),
        ready: c.ready ?? true,
        serving: c.serving ?? true,
        terminating: c.terminating ?? false,
      });
    }
  }
  return out;
}

export function fromEndpoints(endpoints: Endpoints): PortEndpoints {
  const out: PortEndpoints = new Map();
  for (const subset of endpoints.subsets ?? []) {
    for (const port of subset.ports ?? []) {
      const key = servicePortKey(port.name, port.protocol);
      for (const [addresses, ready] of [[subset.addresses, true], [subset.notReadyAddresses, false]] as const) {
        for (const a of addresses ?? []) append(out, key, { ip: a.ip, port: port.port, ...(a.nodeName ? { nodeName: a.nodeName } : {}), ready, serving: ready, terminating: false });
      }
    }
  }
  return out;
}

/** The endpoints of one service port over all sources (in order), each `ip:port` once, sorted by IP then port. */
export function mergeSources(sources: Iterable<PortEndpoints>, portKey: string): ProxyEndpoint[] {
  const byAddress = new Map<string, ProxyEndpoint>();
  for (const source of sources) {
    for (const e of source.get(portKey) ?? []) {
      const id = `${e.ip}:${e.port}`;
      if (!byAddress.has(id)) byAddress.set(id, e);
    }
  }
  return [...byAddress.values()].sort((a, b) => (a.ip !== b.ip ? (a.ip < b.ip ? -1 : 1) : a.port - b.port));
}

/** The endpoints a connection may use: the ready ones, or when there are none, the serving terminating ones. */
export function usableEndpoints(endpoints: readonly ProxyEndpoint[]): ProxyEndpoint[] {
  const ready = endpoints.filter((e) => e.ready);
  return ready.length > 0 ? ready : endpoints.filter((e) => e.serving && e.terminating);
}
