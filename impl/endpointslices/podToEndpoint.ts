// What one Pod becomes in a Service's EndpointSlices (upstream endpointslice utils.go:
// podToEndpoint, getEndpointPorts, getEndpointAddresses, getAddressTypesForService).
import { defaultServicePort, findPort, isPodReady, namespaceOf, shouldSetHostname, type Pod, type Service } from '../endpoints/index.ts';
import { LABEL_TOPOLOGY_ZONE, type AddressType, type Endpoint, type EndpointSlicePort, type SliceNode } from './types.ts';

const isIPv6 = (ip: string): boolean => ip.includes(':');

/** The pod's IPs: `status.podIPs`, or `[status.podIP]` when podIPs is absent (the API server's defaulting). */
function podIPs(pod: Pod): string[] {
  const listed = pod.status?.podIPs?.map((p) => p.ip).filter((ip): ip is string => typeof ip === 'string' && ip !== '') ?? [];
  if (listed.length) return listed;
  return pod.status?.podIP ? [pod.status.podIP] : [];
}

/**
 * The address types the service gets slices for: one per spec.ipFamilies entry; without
 * ipFamilies, the family of the cluster IP, or both for a headless service.
 */
export function addressTypesForService(service: Service): AddressType[] {
  const spec = service.spec ?? {};
  const types = new Set<AddressType>();
  for (const family of spec.ipFamilies ?? []) {
    if (family === 'IPv4') types.add('IPv4');
    if (family === 'IPv6') types.add('IPv6');
  }
  if (types.size) return [...types];
  if (spec.clusterIP && spec.clusterIP !== 'None') return [isIPv6(spec.clusterIP) ? 'IPv6' : 'IPv4'];
  return ['IPv4', 'IPv6'];
}

/**
 * The ports the pod offers for the service, in service-port order: one per service port whose
 * targetPort resolves on this pod. Empty for a headless service without ports, or when nothing
 * resolves (such a pod still gets an endpoint, in a slice without ports).
 */
export function endpointPorts(service: Service, pod: Pod): EndpointSlicePort[] {
  const ports: EndpointSlicePort[] = [];
  for (const raw of service.spec?.ports ?? []) {
    const sp = defaultServicePort(raw);
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    ports.push({ name: sp.name ?? '', port, protocol: sp.protocol, ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
  }
  return ports;
}

/**
 * The pod's endpoint in slices of `addressType`. `addresses` is empty when the pod has no IP of
 * that type (the caller then leaves it out). Ready is false for a terminating pod unless the
 * service publishes not-ready addresses; serving is the pod's readiness whatever it is doing.
 */
export function podToEndpoint(pod: Pod, node: SliceNode | undefined, service: Service, addressType: AddressType): Endpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready = service.spec?.publishNotReadyAddresses === true || (serving && !terminating);
  const zone = node?.metadata.labels?.[LABEL_TOPOLOGY_ZONE];
  return {
    addresses: podIPs(pod).filter((ip) => (addressType === 'IPv6') === isIPv6(ip)),
    conditions: { ready, serving, terminating },
    ...(shouldSetHostname(pod, service) ? { hostname: pod.spec!.hostname } : {}),
    targetRef: { kind: 'Pod', namespace: namespaceOf(pod.metadata), name: pod.metadata.name, ...(pod.metadata.uid ? { uid: pod.metadata.uid } : {}) },
    ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    ...(zone ? { zone } : {}),
  };
}
