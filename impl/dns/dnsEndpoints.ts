// The endpoints cluster DNS publishes for headless services, by service (`namespace/name`): from
// v1 Endpoints (their ready `addresses`) or from EndpointSlices, as CoreDNS's kubernetes plugin
// reads them (endpoints whose `ready` is not false, every address, the slice's ports; slices are
// filed under their kubernetes.io/service-name label, and a slice without it is ignored).
import type { Endpoints } from '../endpoints/types.ts';
import { objectKey } from '../endpoints/types.ts';
import { sliceServiceKey, type EndpointSlice } from '../endpointslices/types.ts';

export interface DnsEndpoint {
  ip: string;
  hostname?: string;
  ports: { name?: string; port?: number; protocol?: string }[];
}

const isSlice = (o: Endpoints | EndpointSlice): o is EndpointSlice => 'addressType' in o;

function add(out: Map<string, DnsEndpoint[]>, key: string, endpoints: DnsEndpoint[]): void {
  if (endpoints.length) out.set(key, [...(out.get(key) ?? []), ...endpoints]);
}

export function dnsEndpoints(objects: readonly (Endpoints | EndpointSlice)[]): Map<string, DnsEndpoint[]> {
  const out = new Map<string, DnsEndpoint[]>();
  for (const o of objects) {
    if (!isSlice(o)) {
      const subsets = o.subsets ?? [];
      add(out, objectKey(o.metadata), subsets.flatMap((s) => (s.addresses ?? []).map((a) => ({ ip: a.ip, ...(a.hostname ? { hostname: a.hostname } : {}), ports: s.ports ?? [] }))));
      continue;
    }
    const service = sliceServiceKey(o);
    if (!service || (o.addressType !== 'IPv4' && o.addressType !== 'IPv6')) continue;
    const ports = (o.ports ?? []).map((p) => ({ ...p, name: p.name ?? undefined, protocol: p.protocol ?? undefined }));
    const ready = (o.endpoints ?? []).filter((e) => e.conditions?.ready !== false);
    add(out, service, ready.flatMap((e) => (e.addresses ?? []).map((ip) => ({ ip, ...(e.hostname ? { hostname: e.hostname } : {}), ports }))));
  }
  return out;
}
