// The metadata the controller gives a Service's slices: labels mirrored from the Service plus the
// reserved ones, the controller owner reference, and the name prefix (upstream utils.go:
// newEndpointSlice, setEndpointSliceLabels, ownedBy, getEndpointSlicePrefix).
import { isDNS1123Subdomain } from '../labels/index.ts';
import { namespaceOf, type Labels, type Service } from '../endpoints/index.ts';
import { CONTROLLER_NAME, LABEL_HEADLESS, LABEL_MANAGED_BY, LABEL_SERVICE_NAME, type AddressType, type EndpointSlice, type EndpointSlicePort } from './types.ts';

const RESERVED = new Set([LABEL_SERVICE_NAME, LABEL_MANAGED_BY, LABEL_HEADLESS]);

const withoutReserved = (labels: Labels | undefined): Labels =>
  Object.fromEntries(Object.entries(labels ?? {}).filter(([key]) => !RESERVED.has(key)));

export const sameLabels = (a: Labels = {}, b: Labels = {}): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/** True when the service has a cluster IP (neither empty nor "None"). */
const isServiceIPSet = (service: Service): boolean => !!service.spec?.clusterIP && service.spec.clusterIP !== 'None';

/**
 * The labels the slice must carry: the service's labels minus the reserved keys, the headless
 * label when the service has no cluster IP, the service-name and managed-by labels. `changed`
 * compares only the non-reserved labels, as upstream does: a slice whose reserved labels were
 * edited is not rewritten for that alone.
 */
export function sliceLabels(slice: Pick<EndpointSlice, 'metadata'>, service: Service): { labels: Labels; changed: boolean } {
  const mirrored = withoutReserved(service.metadata.labels);
  const changed = !sameLabels(withoutReserved(slice.metadata.labels), mirrored);
  const labels: Labels = { ...mirrored };
  if (!isServiceIPSet(service)) labels[LABEL_HEADLESS] = '';
  labels[LABEL_SERVICE_NAME] = service.metadata.name ?? '';
  labels[LABEL_MANAGED_BY] = CONTROLLER_NAME;
  return { labels, changed };
}

/** True when the slice has an owner reference to this service (by UID, kind Service, apiVersion v1). */
export function ownedBy(slice: EndpointSlice, service: Service): boolean {
  return (slice.metadata.ownerReferences ?? []).some((o) => o.uid === (service.metadata.uid ?? '') && o.kind === 'Service' && o.apiVersion === 'v1');
}

/** `<service>-`, or the bare name when the dash would make it too long (a trailing dash is allowed in a prefix). */
export function slicePrefix(serviceName: string): string {
  return isDNS1123Subdomain(`${serviceName}a`).length === 0 ? `${serviceName}-` : serviceName;
}

/** A new, unnamed slice of the service with no endpoints yet. */
export function newEndpointSlice(service: Service, addressType: AddressType, ports: EndpointSlicePort[]): EndpointSlice {
  const name = service.metadata.name ?? '';
  const slice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: slicePrefix(name),
      namespace: namespaceOf(service.metadata),
      labels: {},
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: String(service.metadata.uid ?? ''), controller: true, blockOwnerDeletion: true }],
    },
    addressType,
    endpoints: [],
    ports: structuredClone(ports),
  };
  slice.metadata.labels = sliceLabels(slice, service).labels;
  return slice;
}
