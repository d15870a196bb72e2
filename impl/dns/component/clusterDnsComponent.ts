// Cluster DNS as a running component (SVC-6, ADD-1), in CoreDNS's role: Services and EndpointSlices
// from informers (through the API server, never the Store) keep a ClusterDnsZone up to date; a
// query is answered from the zone as the watches have built it so far. The zone is rebuilt on the
// first lookup after a change. The kube-dns Service that fronts it is the dns-addon's.
//
// Serving it over UDP and TCP (RFC 1035) is dnsServer.ts's job; `kconform serve --dns-port` does it.
import type { ComponentContext, ComponentDefinition, RunningComponent } from '../../controlplane/Component.ts';
import type { KubeObject } from '../../client/index.ts';
import type { Service } from '../../endpoints/types.ts';
import type { EndpointSlice } from '../../endpointslices/types.ts';
import { ClusterDnsZone } from '../ClusterDnsZone.ts';

export const CLUSTER_DNS = 'cluster-dns';

export interface RunningClusterDns extends RunningComponent {
  /** The zone as the watches have built it so far. */
  zone(): ClusterDnsZone;
  metrics(): Record<string, number>;
}

export async function startClusterDns(ctx: ComponentContext): Promise<RunningClusterDns> {
  const services = ctx.informer<Service & KubeObject>('Service');
  const slices = ctx.informer<EndpointSlice & KubeObject>('EndpointSlice');
  let zone: ClusterDnsZone | undefined;
  let rebuilds = 0;
  const changed = () => (zone = undefined);
  for (const informer of [services, slices]) informer.on({ add: changed, update: changed, delete: changed });
  await services.start();
  await slices.start();
  return {
    zone() {
      if (!zone) {
        zone = new ClusterDnsZone(services.list(), slices.list());
        rebuilds++;
      }
      return zone;
    },
    metrics: () => ({ kconform_cluster_dns_services: services.size, kconform_cluster_dns_endpointslices: slices.size, kconform_cluster_dns_zone_rebuilds_total: rebuilds }),
  };
}

export const clusterDnsComponent: ComponentDefinition = {
  name: CLUSTER_DNS,
  description: 'answers DNS queries for <service>.<namespace>.svc.cluster.local from the Services and EndpointSlices it watches',
  start: (ctx) => startClusterDns(ctx),
};
