// discovery.k8s.io/v1 EndpointSlice as plain JSON, and the names the EndpointSlice controller
// owns. Service and Pod come from the endpoints package (the same slices of v1 are read).
import type { OwnerReference } from '../client/index.ts';
import type { Labels, ObjectMeta } from '../endpoints/index.ts';

export type AddressType = 'IPv4' | 'IPv6' | 'FQDN';

export interface EndpointConditions {
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
}

export interface SliceObjectReference {
  kind: string;
  namespace?: string;
  name?: string;
  uid?: string;
  resourceVersion?: string;
}

export interface Endpoint {
  addresses: string[];
  conditions: EndpointConditions;
  hostname?: string;
  targetRef?: SliceObjectReference;
  nodeName?: string;
  zone?: string;
  [field: string]: unknown;
}

/** The controller always writes a name, empty when the service port has none (upstream's `&portName`). */
export interface EndpointSlicePort {
  name?: string;
  port?: number;
  protocol?: string;
  appProtocol?: string;
}

export interface EndpointSlice {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta & { generateName?: string; ownerReferences?: OwnerReference[] };
  addressType: AddressType | string;
  endpoints?: Endpoint[] | null;
  ports?: EndpointSlicePort[] | null;
  [field: string]: unknown;
}

/** A Node as far as slices read it: its name and labels. */
export interface SliceNode {
  metadata: { name?: string; labels?: Labels };
}

export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const LABEL_HEADLESS = 'service.kubernetes.io/headless';
export const LABEL_TOPOLOGY_ZONE = 'topology.kubernetes.io/zone';
/** kube-controller-manager's --max-endpoints-per-slice default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

/** The `namespace/name` of the service a slice belongs to, by its kubernetes.io/service-name label; undefined without one. */
export function sliceServiceKey(slice: Pick<EndpointSlice, 'metadata'>): string | undefined {
  const service = slice.metadata.labels?.[LABEL_SERVICE_NAME];
  return service ? `${slice.metadata.namespace || 'default'}/${service}` : undefined;
}
