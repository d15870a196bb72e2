// The records cluster DNS serves for Services, after the Kubernetes DNS-based service discovery
// specification (kubernetes/dns docs/specification.md), as CoreDNS's kubernetes plugin does:
//
//   <svc>.<ns>.svc.<zone>                  A     cluster IP; headless: every ready endpoint IP
//   <host>.<svc>.<ns>.svc.<zone>           A     a headless endpoint, by its hostname, or by its
//                                                IP with dots as dashes (10-1-0-4) when it has none
//   _<port>._<proto>.<svc>.<ns>.svc.<zone> SRV   named ports only; target the service name, or
//                                                (headless) each endpoint's name above
//   <svc>.<ns>.svc.<zone>                  CNAME ExternalName services
//
// Not served: pod records (<a-b-c-d>.<ns>.pod.<zone>) and PTR records.
import type { Endpoints, Service } from '../endpoints/types.ts';
import type { EndpointSlice } from '../endpointslices/types.ts';
import { namespaceOf } from '../endpoints/podContribution.ts';
import { objectKey } from '../endpoints/types.ts';
import { dnsEndpoints, type DnsEndpoint } from './dnsEndpoints.ts';

export type RecordType = 'A' | 'SRV' | 'CNAME';
export type DnsRecord =
  | { type: 'A'; name: string; ip: string }
  | { type: 'CNAME'; name: string; target: string }
  | { type: 'SRV'; name: string; priority: number; weight: number; port: number; target: string };

export const DEFAULT_CLUSTER_DOMAIN = 'cluster.local';

export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

export class ClusterDnsZone {
  readonly domain: string;
  private readonly byName = new Map<string, DnsRecord[]>();

  /** `endpoints`: the services' Endpoints objects or EndpointSlices (see dnsEndpoints.ts). */
  constructor(services: readonly Service[], endpoints: readonly (Endpoints | EndpointSlice)[], domain = DEFAULT_CLUSTER_DOMAIN) {
    this.domain = normaliseName(domain);
    const byService = dnsEndpoints(endpoints);
    for (const service of services) this.addService(service, byService.get(objectKey(service.metadata)) ?? []);
  }

  /** The records of one name and type; empty when there are none. */
  lookup(name: string, type: RecordType): DnsRecord[] {
    return (this.byName.get(normaliseName(name)) ?? []).filter((r) => r.type === type);
  }

  /** True when the name has records of any type (NOERROR rather than NXDOMAIN). */
  has(name: string): boolean {
    return this.byName.has(normaliseName(name));
  }

  names(): string[] {
    return [...this.byName.keys()].sort();
  }

  private add(record: DnsRecord): void {
    const list = this.byName.get(record.name);
    if (list) list.push(record);
    else this.byName.set(record.name, [record]);
  }

  private addService(service: Service, endpoints: readonly DnsEndpoint[]): void {
    const spec = service.spec ?? {};
    const name = `${service.metadata.name}.${namespaceOf(service.metadata)}.svc.${this.domain}`;
    if (spec.type === 'ExternalName') {
      if (spec.externalName) this.add({ type: 'CNAME', name, target: normaliseName(spec.externalName) });
      return;
    }
    const namedPorts = (spec.ports ?? []).filter((p) => p.name);
    const srvName = (portName: string, protocol: string) => `_${portName}._${protocol.toLowerCase()}.${name}`;
    if (spec.clusterIP && spec.clusterIP !== 'None') {
      this.add({ type: 'A', name, ip: spec.clusterIP });
      for (const p of namedPorts) this.add({ type: 'SRV', name: srvName(p.name!, p.protocol ?? 'TCP'), priority: 0, weight: 100, port: p.port, target: name });
      return;
    }
    if (spec.clusterIP !== 'None') return;
    const seen = new Set<string>();
    for (const address of endpoints) {
      const host = `${address.hostname ?? address.ip.replace(/[.:]/g, '-')}.${name}`;
      if (!seen.has(address.ip)) this.add({ type: 'A', name, ip: address.ip });
      if (!seen.has(`${host} ${address.ip}`)) this.add({ type: 'A', name: host, ip: address.ip });
      seen.add(address.ip).add(`${host} ${address.ip}`);
      for (const p of address.ports) {
        if (p.name && p.port) this.add({ type: 'SRV', name: srvName(p.name, p.protocol ?? 'TCP'), priority: 0, weight: 100, port: p.port, target: host });
      }
    }
  }
}
