// One group of a Service's slices (one address type, one port list): keeps the endpoints that are
// still wanted where they are, fills slices it must write anyway, then the unchanged slice that
// the rest fits best, then new slices (upstream reconciler.go reconcileByPortMapping).
import type { Service } from '../endpoints/index.ts';
import { EndpointSet, endpointsEqualBeyondKey } from './endpointSet.ts';
import { newEndpointSlice, sliceLabels } from './newEndpointSlice.ts';
import type { AddressType, Endpoint, EndpointSlice, EndpointSlicePort } from './types.ts';

export interface PortMappingPlan {
  create: EndpointSlice[];
  update: EndpointSlice[];
  delete: EndpointSlice[];
}

/** The unchanged slice that `count` more endpoints fill closest to `max`, if any has room. */
function sliceToFill(slices: EndpointSlice[], count: number, max: number): EndpointSlice | undefined {
  let best: EndpointSlice | undefined;
  let closest = max;
  for (const slice of slices) {
    const diff = max - (count + (slice.endpoints?.length ?? 0));
    if (diff >= 0 && diff < closest) {
      closest = diff;
      best = slice;
      if (diff === 0) break;
    }
  }
  return best;
}

/**
 * The writes that make `existing` (this group's slices, owned by the service) hold exactly
 * `desired`, with at most `max` endpoints per slice. Consumes `desired`. Never mutates
 * `existing`: slices to update are copies.
 */
export function reconcilePortMapping(
  service: Service,
  existing: readonly EndpointSlice[],
  desired: EndpointSet,
  meta: { addressType: AddressType; ports: EndpointSlicePort[] },
  max: number,
): PortMappingPlan {
  const byName = new Map<string, EndpointSlice>();
  const unchanged: string[] = [];
  const toUpdate: string[] = [];
  const toDelete: string[] = [];

  for (const slice of existing) {
    const name = String(slice.metadata.name);
    byName.set(name, slice);
    const current = slice.endpoints ?? [];
    const kept: Endpoint[] = [];
    let endpointChanged = false;
    for (const endpoint of current) {
      const want = desired.get(endpoint);
      if (!want) continue;
      kept.push(want);
      if (!endpointsEqualBeyondKey(want, endpoint)) endpointChanged = true;
      desired.delete(endpoint);
    }
    const { labels, changed: labelsChanged } = sliceLabels(slice, service);
    if (endpointChanged || kept.length !== current.length) {
      if (kept.length === 0) {
        toDelete.push(name);
        continue;
      }
      byName.set(name, { ...structuredClone(slice), endpoints: kept, metadata: { ...structuredClone(slice.metadata), labels } });
      toUpdate.push(name);
    } else if (labelsChanged) {
      byName.set(name, { ...structuredClone(slice), metadata: { ...structuredClone(slice.metadata), labels } });
      toUpdate.push(name);
    } else {
      unchanged.push(name);
    }
  }

  // Slices written anyway take new endpoints first, the fullest first.
  if (desired.size > 0 && toUpdate.length > 0) {
    const slices = toUpdate.map((n) => byName.get(n)!).sort((a, b) => (b.endpoints?.length ?? 0) - (a.endpoints?.length ?? 0));
    for (const slice of slices) {
      const endpoints = (slice.endpoints ??= []);
      while (desired.size > 0 && endpoints.length < max) endpoints.push(desired.popFirst());
    }
  }

  const create: EndpointSlice[] = [];
  while (desired.size > 0) {
    let fill: EndpointSlice | undefined;
    if (desired.size < max && unchanged.length > 0) {
      const found = sliceToFill(unchanged.map((n) => byName.get(n)!), desired.size, max);
      if (found) {
        fill = structuredClone(found);
        byName.set(String(fill.metadata.name), fill);
      }
    }
    fill ??= newEndpointSlice(service, meta.addressType, meta.ports);
    const endpoints = (fill.endpoints ??= []);
    while (desired.size > 0 && endpoints.length < max) endpoints.push(desired.popFirst());
    if (fill.metadata.name) {
      const name = String(fill.metadata.name);
      if (!toUpdate.includes(name)) toUpdate.push(name);
      unchanged.splice(unchanged.indexOf(name), 1);
    } else {
      create.push(fill);
    }
  }

  return { create, update: toUpdate.map((n) => byName.get(n)!), delete: toDelete.map((n) => byName.get(n)!) };
}
