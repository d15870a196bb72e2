// kube-proxy as a running component (SVC-5): Services, EndpointSlices and Nodes from informers
// (through the API server, never the Store) keep a KubeProxy routing table up to date. Like
// upstream's kube-proxy since v1.19, it reads EndpointSlices, not v1 Endpoints: that is what tells it
// which endpoints are terminating but still serving.
//
// One component per cluster, with per-node views. Upstream runs one kube-proxy per node, each
// holding the same table built from the same watches; the tables differ only in NodePort
// frontends. Here one table holds every node's frontends: `nodeIP:nodePort` exists for every
// Node's InternalIP, and externalTrafficPolicy Local limits each node's frontend to the endpoints
// on that node. A connection to a cluster IP routes the same from any node, so one table answers
// for all of them. Round-robin state is therefore shared by the nodes (upstream's random choice
// has none to share).
//
// Services and EndpointSlices are applied to the table as they change. A change in the nodes' IPs
// marks the table stale; it is rebuilt from the informer caches (a full resync, which also resets
// round-robin and affinity state) at the next route(). Session affinity timeouts run on ctx.clock.
import type { ComponentContext, ComponentDefinition, RunningComponent } from '../../controlplane/Component.ts';
import type { KubeObject } from '../../client/index.ts';
import type { Service } from '../../endpoints/types.ts';
import type { EndpointSlice } from '../../endpointslices/types.ts';
import { KubeProxy, type RouteRequest, type RouteResult } from '../KubeProxy.ts';

export const KUBE_PROXY = 'kube-proxy';

/** A connection to route; the time is the proxy's own clock. */
export type LiveRouteRequest = Omit<RouteRequest, 'now'>;

export interface RunningKubeProxy extends RunningComponent {
  /** Where a new connection goes, by the table as the watches have built it so far. Never throws. */
  route(request: LiveRouteRequest): RouteResult;
  /** Gauges and counters for /metrics, named as upstream's kube-proxy exports them where one exists. */
  metrics(): Record<string, number>;
}

/** The address NodePorts listen on: the node's first InternalIP, or undefined. */
export function nodeAddress(node: KubeObject): string | undefined {
  const addresses = ((node.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses ?? []);
  return addresses.find((a) => a.type === 'InternalIP')?.address;
}

export async function startKubeProxy(ctx: ComponentContext): Promise<RunningKubeProxy> {
  const services = ctx.informer<Service & KubeObject>('Service');
  const slices = ctx.informer<EndpointSlice & KubeObject>('EndpointSlice');
  const nodes = ctx.informer('Node');
  const nodeIPs = new Map<string, string>();
  let proxy = new KubeProxy();
  let stale = false;
  let syncs = 0;
  let lastSyncMs = ctx.clock.now();
  const synced = () => {
    syncs++;
    lastSyncMs = ctx.clock.now();
  };

  const setNode = (name: string, ip: string | undefined) => {
    if (nodeIPs.get(name) === ip) return;
    if (ip === undefined) nodeIPs.delete(name);
    else nodeIPs.set(name, ip);
    stale = true;
  };
  nodes.on({
    add: (n) => setNode(String(n.metadata.name), nodeAddress(n)),
    update: (_, n) => setNode(String(n.metadata.name), nodeAddress(n)),
    delete: (n) => setNode(String(n.metadata.name), undefined),
  });
  const ns = (o: KubeObject) => String(o.metadata.namespace ?? 'default');
  services.on({
    add: (s) => (proxy.onServiceChange(s), synced()),
    update: (_, s) => (proxy.onServiceChange(s), synced()),
    delete: (s) => (proxy.onServiceDelete(ns(s), String(s.metadata.name)), synced()),
  });
  slices.on({
    add: (e) => (proxy.onEndpointSliceChange(e), synced()),
    update: (_, e) => (proxy.onEndpointSliceChange(e), synced()),
    delete: (e) => (proxy.onEndpointSliceDelete(ns(e), String(e.metadata.name)), synced()),
  });

  await nodes.start();
  await slices.start();
  await services.start();

  return {
    route(request) {
      if (stale) {
        proxy = new KubeProxy({ nodes: Object.fromEntries(nodeIPs) });
        proxy.sync(services.list(), [], slices.list());
        stale = false;
        synced();
      }
      return proxy.route({ ...request, now: ctx.clock.now() });
    },
    metrics: () => ({
      kubeproxy_sync_proxy_rules_last_timestamp_seconds: lastSyncMs / 1000,
      kubeproxy_sync_proxy_rules_total: syncs,
      kconform_kube_proxy_services: services.size,
      kconform_kube_proxy_endpointslices: slices.size,
      kconform_kube_proxy_nodes: nodeIPs.size,
    }),
  };
}

export const kubeProxyComponent: ComponentDefinition = {
  name: KUBE_PROXY,
  description: "routes connections to a Service's cluster IP or node ports to its ready endpoints (or, while none is ready, its serving terminating ones), from Services, EndpointSlices and Nodes it watches",
  start: (ctx) => startKubeProxy(ctx),
};
