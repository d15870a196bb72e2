// Endpoints keyed as upstream's EndpointSet hashes them (sorted addresses, hostname, target
// namespace/name), and the comparison of what the key leaves out (EndpointsEqualBeyondHash).
import type { Endpoint, EndpointSlicePort } from './types.ts';

export function endpointKey(endpoint: Endpoint): string {
  const ref = endpoint.targetRef;
  return JSON.stringify([[...(endpoint.addresses ?? [])].sort(), endpoint.hostname ?? '', ref?.namespace ?? '', ref?.name ?? '']);
}

/** A set of endpoints by key that remembers insertion order; `popFirst` stands for upstream's PopAny. */
export class EndpointSet {
  private readonly byKey = new Map<string, Endpoint>();

  add(endpoint: Endpoint): void {
    this.byKey.set(endpointKey(endpoint), endpoint);
  }
  get(endpoint: Endpoint): Endpoint | undefined {
    return this.byKey.get(endpointKey(endpoint));
  }
  delete(endpoint: Endpoint): void {
    this.byKey.delete(endpointKey(endpoint));
  }
  popFirst(): Endpoint {
    const [key, endpoint] = this.byKey.entries().next().value!;
    this.byKey.delete(key);
    return endpoint;
  }
  get size(): number {
    return this.byKey.size;
  }
}

const sameRef = (a: Endpoint['targetRef'], b: Endpoint['targetRef']): boolean => {
  if (!a || !b) return !a && !b;
  return a.kind === b.kind && a.namespace === b.namespace && a.name === b.name && a.uid === b.uid;
};

/** True when two endpoints with the same key agree on node, zone, the three conditions and target (resourceVersion ignored). */
export function endpointsEqualBeyondKey(a: Endpoint, b: Endpoint): boolean {
  const ca = a.conditions ?? {};
  const cb = b.conditions ?? {};
  return (
    a.nodeName === b.nodeName &&
    a.zone === b.zone &&
    ca.ready === cb.ready &&
    ca.serving === cb.serving &&
    ca.terminating === cb.terminating &&
    sameRef(a.targetRef, b.targetRef)
  );
}

/** A key for a list of ports that ignores their order (upstream's PortMapKey). */
export function portMapKey(ports: readonly EndpointSlicePort[] | null | undefined): string {
  return JSON.stringify((ports ?? []).map((p) => JSON.stringify([p.name ?? '', p.port ?? null, p.protocol ?? '', p.appProtocol ?? null])).sort());
}
