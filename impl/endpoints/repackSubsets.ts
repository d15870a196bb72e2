// The canonical layout of Endpoints subsets (upstream pkg/api/v1/endpoints RepackSubsets).
//
// Ports that are offered by exactly the same addresses, with the same readiness, share a subset.
// Addresses are deduplicated by IP + targetRef UID; the first one seen is kept, and "not ready"
// wins over "ready" for the same port. Addresses sort by IP (bytewise) then UID, as upstream.
//
// Divergence: upstream orders ports within a subset, and subsets, by an md5 of a Go value dump,
// an order no other language can reproduce. Here ports sort by (name, port, protocol,
// appProtocol) and subsets by their first port (portless first). Compare subsets as sets when
// checking another implementation.
import { addressKey, endpointPortKey } from './podContribution.ts';
import type { EndpointAddress, EndpointPort, EndpointSubset } from './types.ts';

export interface AddressOffer {
  address: EndpointAddress;
  ready: boolean;
  /** `null` stands for "no ports" (a headless service without ports). */
  ports: (EndpointPort | null)[];
}

export function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  if (!a.targetRef || !b.targetRef) return a.targetRef ? 1 : b.targetRef ? -1 : 0;
  const ua = a.targetRef.uid ?? '';
  const ub = b.targetRef.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

export function comparePorts(a: EndpointPort | null, b: EndpointPort | null): number {
  const ka = endpointPortKey(a);
  const kb = endpointPortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Builds one subset from sorted parts, leaving out empty lists as upstream's JSON does. */
export function makeSubset(
  ready: EndpointAddress[],
  notReady: EndpointAddress[],
  ports: (EndpointPort | null)[],
): EndpointSubset {
  const real = ports.filter((p): p is EndpointPort => p !== null);
  return {
    ...(ready.length ? { addresses: ready } : {}),
    ...(notReady.length ? { notReadyAddresses: notReady } : {}),
    ...(real.length ? { ports: real } : {}),
  };
}

/** Subsets in canonical order: by the key of their first port, portless first. */
export function subsetOrder(a: EndpointSubset, b: EndpointSubset): number {
  return comparePorts(a.ports?.[0] ?? null, b.ports?.[0] ?? null);
}

/** Repacks offers (in the order the pods were listed) into sorted subsets. Pure. */
export function repackSubsets(offers: readonly AddressOffer[]): EndpointSubset[] {
  const firstSeen = new Map<string, EndpointAddress>();
  const byPort = new Map<string, { port: EndpointPort | null; addrs: Map<string, boolean> }>();
  for (const offer of offers) {
    const key = addressKey(offer.address);
    if (!firstSeen.has(key)) firstSeen.set(key, offer.address);
    for (const port of offer.ports) {
      const pk = endpointPortKey(port);
      let entry = byPort.get(pk);
      if (!entry) byPort.set(pk, (entry = { port, addrs: new Map() }));
      const was = entry.addrs.get(key);
      if (was === undefined || was) entry.addrs.set(key, offer.ready);
    }
  }
  const groups = new Map<string, { addrs: Map<string, boolean>; ports: (EndpointPort | null)[] }>();
  for (const { port, addrs } of byPort.values()) {
    const signature = [...addrs].map(([k, r]) => `${k}\u0000${r ? 1 : 0}`).sort().join('\u0001');
    const group = groups.get(signature);
    if (group) group.ports.push(port);
    else groups.set(signature, { addrs, ports: [port] });
  }
  const subsets: EndpointSubset[] = [];
  for (const { addrs, ports } of groups.values()) {
    const ready: EndpointAddress[] = [];
    const notReady: EndpointAddress[] = [];
    for (const [key, isReady] of addrs) (isReady ? ready : notReady).push(firstSeen.get(key)!);
    ready.sort(compareAddresses);
    notReady.sort(compareAddresses);
    ports.sort(comparePorts);
    subsets.push(makeSubset(ready, notReady, ports));
  }
  return subsets.sort(subsetOrder);
}
