// The slices of v1 Service, Pod and Endpoints this package reads and writes, as plain JSON.
// Fields the package does not use may be present and are ignored.

export type Labels = Record<string, string>;
export type Protocol = 'TCP' | 'UDP' | 'SCTP' | string;

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  labels?: Labels;
  annotations?: Record<string, string>;
  deletionTimestamp?: string | null;
  [field: string]: unknown;
}

export interface ServicePort {
  name?: string;
  protocol?: Protocol;
  appProtocol?: string;
  port: number;
  /** int or IANA_SVC_NAME; absent means "same as port". */
  targetPort?: number | string;
  nodePort?: number;
}

export interface Service {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: {
    selector?: Labels | null;
    ports?: ServicePort[];
    clusterIP?: string;
    clusterIPs?: string[];
    ipFamilies?: string[];
    type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName' | string;
    externalName?: string;
    publishNotReadyAddresses?: boolean;
    sessionAffinity?: 'None' | 'ClientIP' | string;
    sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } } | null;
    externalTrafficPolicy?: 'Cluster' | 'Local' | string;
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: Protocol;
  [field: string]: unknown;
}

export interface Container {
  name?: string;
  ports?: ContainerPort[];
  restartPolicy?: string;
  [field: string]: unknown;
}

export interface Pod {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: {
    nodeName?: string;
    hostname?: string;
    subdomain?: string;
    restartPolicy?: string;
    hostNetwork?: boolean;
    dnsPolicy?: string;
    dnsConfig?: { nameservers?: string[]; searches?: string[]; options?: { name: string; value?: string }[] };
    containers?: Container[];
    initContainers?: Container[];
    [field: string]: unknown;
  };
  status?: {
    phase?: string;
    podIP?: string;
    podIPs?: { ip: string }[];
    conditions?: { type: string; status: string; [field: string]: unknown }[];
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

export interface ObjectReference {
  kind: 'Pod';
  namespace?: string;
  name?: string;
  uid?: string;
}

export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef?: ObjectReference;
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol: Protocol;
  appProtocol?: string;
}

/** Empty lists are omitted, as upstream's JSON does (`omitempty`). */
export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

export interface Endpoints {
  apiVersion: 'v1';
  kind: 'Endpoints';
  metadata: { name: string; namespace: string; labels?: Labels; annotations?: Record<string, string> };
  subsets?: EndpointSubset[];
}

/** Most addresses (ready plus not ready, counted per subset) one Endpoints object holds. */
export const MAX_ENDPOINTS_CAPACITY = 1000;
export const OVER_CAPACITY_ANNOTATION = 'endpoints.kubernetes.io/over-capacity';
export const OVER_CAPACITY_TRUNCATED = 'truncated';
/** Set on Endpoints of services whose cluster IP is "None" or not yet set. */
export const HEADLESS_SERVICE_LABEL = 'service.kubernetes.io/headless';

export function objectKey(meta: ObjectMeta): string {
  return `${meta.namespace || 'default'}/${meta.name ?? ''}`;
}
