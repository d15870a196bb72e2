// A Service's v1 Endpoints computed from scratch from the Service and the Pods (the object the
// upstream endpoints controller's syncService would write).
//
// Not produced: the `endpoints.kubernetes.io/last-change-trigger-time` annotation (it records
// wall-clock times of pod changes, which a pure function does not see).
import { hasSelector, namespaceOf, podContribution, selects } from './podContribution.ts';
import { repackSubsets, type AddressOffer } from './repackSubsets.ts';
import { truncateSubsets } from './truncateSubsets.ts';
import {
  HEADLESS_SERVICE_LABEL,
  MAX_ENDPOINTS_CAPACITY,
  OVER_CAPACITY_ANNOTATION,
  OVER_CAPACITY_TRUNCATED,
  objectKey,
  type EndpointSubset,
  type Endpoints,
  type Pod,
  type Service,
} from './types.ts';

export interface EndpointsOptions {
  /** Most addresses kept; upstream's is 1000. */
  capacity?: number;
}

/** True when the endpoints controller leaves this service's Endpoints alone (no selector, or ExternalName). */
export function isLeftUntouched(service: Service): boolean {
  return !hasSelector(service) || service.spec?.type === 'ExternalName';
}

/** The Endpoints object for the service, given its (already repacked, sorted) subsets. */
export function assembleEndpoints(service: Service, subsets: EndpointSubset[], options: EndpointsOptions = {}): Endpoints {
  const { subsets: kept, truncated } = truncateSubsets(subsets, options.capacity ?? MAX_ENDPOINTS_CAPACITY);
  const clusterIP = service.spec?.clusterIP;
  const headless = !clusterIP || clusterIP === 'None';
  const labels = { ...(service.metadata.labels ?? {}), ...(headless ? { [HEADLESS_SERVICE_LABEL]: '' } : {}) };
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: service.metadata.name ?? '',
      namespace: namespaceOf(service.metadata),
      ...(Object.keys(labels).length ? { labels } : {}),
      ...(truncated ? { annotations: { [OVER_CAPACITY_ANNOTATION]: OVER_CAPACITY_TRUNCATED } } : {}),
    },
    ...(kept.length ? { subsets: kept } : {}),
  };
}

/**
 * The service's Endpoints, or null when the controller leaves them untouched (no selector, or
 * type ExternalName). `{}` as selector selects every pod of the service's namespace. Pods of other
 * namespaces are ignored. Pure; never throws on well-formed JSON objects.
 */
export function computeEndpoints(service: Service, pods: readonly Pod[], options: EndpointsOptions = {}): Endpoints | null {
  if (isLeftUntouched(service)) return null;
  const offers: AddressOffer[] = [];
  const selected = pods.filter((pod) => selects(service, pod));
  selected.sort((a, b) => (objectKey(a.metadata) < objectKey(b.metadata) ? -1 : 1));
  for (const pod of selected) {
    const contribution = podContribution(service, pod);
    if (contribution) offers.push(contribution);
  }
  return assembleEndpoints(service, repackSubsets(offers), options);
}
