// A Service's EndpointSlices computed against the ones that exist: which to create, update and
// delete (upstream staging/src/k8s.io/endpointslice reconciler.go: Reconcile,
// reconcileByAddressType, finalize). Pure: the caller makes the writes.
//
// With `node` given, a pod whose node the caller does not know (an unscheduled pod included: upstream
// looks the empty name up) is skipped unless the service publishes not-ready addresses, as upstream
// does; without it (pure use) every pod is kept.
// Deliberate deviation: endpoint order is deterministic: pods are taken by name and new endpoints
// fill slices in that order (upstream pops them from a hash set).
// Not produced: the last-change-trigger-time annotation and topology hints.
import { isLeftUntouched, namespaceOf, selects, shouldPodBeInEndpoints, type Pod, type Service } from '../endpoints/index.ts';
import { EndpointSet, portMapKey } from './endpointSet.ts';
import { newEndpointSlice, ownedBy, sameLabels } from './newEndpointSlice.ts';
import { addressTypesForService, endpointPorts, podToEndpoint } from './podToEndpoint.ts';
import { reconcilePortMapping } from './reconcilePortMapping.ts';
import { MAX_ENDPOINTS_PER_SLICE, type AddressType, type EndpointSlice, type EndpointSlicePort, type SliceNode } from './types.ts';

export interface SliceOptions {
  /** Most endpoints per slice; upstream's default is 100. */
  maxEndpointsPerSlice?: number;
  /** The node a pod names, or undefined when it does not exist. Omitted: nodes are not consulted (no zones, no skipping). */
  node?: (name: string) => SliceNode | undefined;
}

export interface SlicePlan {
  create: EndpointSlice[];
  update: EndpointSlice[];
  delete: EndpointSlice[];
  /** `namespace/name` of pods left out because their node is unknown; the caller should retry when nodes change. */
  skippedPods: string[];
}

const sameOwnerRefs = (a: EndpointSlice, b: EndpointSlice) => JSON.stringify(a.metadata.ownerReferences ?? []) === JSON.stringify(b.metadata.ownerReferences ?? []);

/** True when `slice` is already the placeholder upstream would write (same namespace, labels, owners, type; no endpoints or ports). */
function isPlaceholder(slice: EndpointSlice, placeholder: EndpointSlice): boolean {
  return (
    namespaceOf(slice.metadata) === namespaceOf(placeholder.metadata) &&
    sameLabels(slice.metadata.labels, placeholder.metadata.labels) &&
    sameOwnerRefs(slice, placeholder) &&
    slice.addressType === placeholder.addressType &&
    !(slice.endpoints?.length) &&
    !(slice.ports?.length)
  );
}

function reconcileAddressType(service: Service, pods: readonly Pod[], existing: readonly EndpointSlice[], addressType: AddressType, options: SliceOptions, skipped: Set<string>): Omit<SlicePlan, 'skippedPods'> {
  const max = options.maxEndpointsPerSlice ?? MAX_ENDPOINTS_PER_SLICE;
  const existingByPorts = new Map<string, EndpointSlice[]>();
  const toDelete: EndpointSlice[] = [];
  for (const slice of existing) {
    if (!ownedBy(slice, service)) {
      toDelete.push(slice);
      continue;
    }
    const key = portMapKey(slice.ports);
    existingByPorts.set(key, [...(existingByPorts.get(key) ?? []), slice]);
  }

  const desired = new Map<string, { set: EndpointSet; ports: EndpointSlicePort[] }>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = endpointPorts(service, pod);
    const key = portMapKey(ports);
    if (!desired.has(key)) desired.set(key, { set: new EndpointSet(), ports });
    const node = options.node?.(pod.spec?.nodeName ?? '');
    if (options.node && !node && service.spec?.publishNotReadyAddresses !== true) {
      skipped.add(`${namespaceOf(pod.metadata)}/${pod.metadata.name}`);
      continue;
    }
    const endpoint = podToEndpoint(pod, node, service, addressType);
    if (endpoint.addresses.length > 0) desired.get(key)!.set.add(endpoint);
  }

  let create: EndpointSlice[] = [];
  const update: EndpointSlice[] = [];
  for (const [key, { set, ports }] of desired) {
    const plan = reconcilePortMapping(service, existingByPorts.get(key) ?? [], set, { addressType, ports }, max);
    create.push(...plan.create);
    update.push(...plan.update);
    toDelete.push(...plan.delete);
  }
  for (const [key, slices] of existingByPorts) if (!desired.has(key)) toDelete.push(...slices);

  if (existing.length === toDelete.length && create.length === 0) {
    const placeholder = newEndpointSlice(service, addressType, []);
    if (toDelete.length === 1 && isPlaceholder(toDelete[0], placeholder)) toDelete.length = 0;
    else create.push(placeholder);
  }

  // A slice about to be deleted is reused for a slice about to be created (same type, same owner).
  for (let i = 0; i < toDelete.length && create.length > 0; ) {
    const old = toDelete[i];
    const fresh = create[create.length - 1];
    if (old.addressType === fresh.addressType && ownedBy(old, service)) {
      fresh.metadata.name = old.metadata.name;
      if (old.metadata.resourceVersion) fresh.metadata.resourceVersion = old.metadata.resourceVersion;
      delete fresh.metadata.generateName;
      create = create.slice(0, -1);
      update.push(fresh);
      toDelete.splice(i, 1);
    } else {
      i++;
    }
  }
  // No new slices for a service being deleted: the garbage collector is removing them.
  if (service.metadata.deletionTimestamp) create = [];
  return { create, update, delete: toDelete };
}

/**
 * The writes that bring the service's existing slices (those labelled as managed by the
 * controller for this service) to what its pods call for, or null when the controller leaves the
 * service alone (no selector, or type ExternalName). `pods` may hold pods of any namespace and
 * labels: only those the service selects count. Never mutates its arguments.
 */
export function reconcileEndpointSlices(service: Service, pods: readonly Pod[], existing: readonly EndpointSlice[], options: SliceOptions = {}): SlicePlan | null {
  if (isLeftUntouched(service)) return null;
  const selected = pods.filter((pod) => selects(service, pod)).sort((a, b) => (String(a.metadata.name) < String(b.metadata.name) ? -1 : 1));
  const types = addressTypesForService(service);
  const plan: SlicePlan = { create: [], update: [], delete: [], skippedPods: [] };
  const skipped = new Set<string>();
  for (const type of types) {
    const part = reconcileAddressType(service, selected, existing.filter((s) => s.addressType === type), type, options, skipped);
    plan.create.push(...part.create);
    plan.update.push(...part.update);
    plan.delete.push(...part.delete);
  }
  plan.delete.push(...existing.filter((s) => !(types as string[]).includes(s.addressType)));
  plan.skippedPods = [...skipped];
  return plan;
}
