// What one pod adds to one service's endpoints: its address, whether it is ready, and the
// endpoint port it offers for each service port (the per-pod step of upstream's syncService).
import { defaultServicePort, findPort } from './findPort.ts';
import { isPodReady, podIPForService, shouldPodBeInEndpoints, shouldSetHostname } from './podEligibility.ts';
import type { EndpointAddress, EndpointPort, Labels, Pod, Service } from './types.ts';

export interface PodContribution {
  /** Upstream deduplicates addresses by IP + targetRef UID. */
  addrKey: string;
  address: EndpointAddress;
  /** Ready, or the service publishes not-ready addresses. */
  ready: boolean;
  /** One per service port the pod resolves; `null` for a headless service without ports. */
  ports: (EndpointPort | null)[];
}

/** True when the service's selector is set; `{}` selects every pod of its namespace. */
export function hasSelector(service: Service): boolean {
  const selector = service.spec?.selector;
  return selector !== undefined && selector !== null;
}

export function selectorMatches(selector: Labels, labels: Labels | undefined): boolean {
  for (const key in selector) {
    if (labels?.[key] !== selector[key]) return false;
  }
  return true;
}

export function namespaceOf(meta: { namespace?: string }): string {
  return meta.namespace || 'default';
}

/** The pod selected by the service: same namespace, selector set and matching. */
export function selects(service: Service, pod: Pod): boolean {
  return (
    hasSelector(service) &&
    namespaceOf(service.metadata) === namespaceOf(pod.metadata) &&
    selectorMatches(service.spec!.selector!, pod.metadata.labels)
  );
}

export function addressKey(address: EndpointAddress): string {
  return `${address.ip}\u0000${address.targetRef?.uid ?? ''}`;
}

export function endpointPortKey(port: EndpointPort | null): string {
  if (port === null) return '\u0000sentinel';
  return `${port.name ?? ''}\u0000${port.port}\u0000${port.protocol}\u0000${port.appProtocol ?? '\u0001'}`;
}

/**
 * The pod's contribution to a service it is selected by, or null when it contributes nothing
 * (not eligible, no IP of the service's family, or no service port resolves on it).
 * Never throws on well-formed JSON objects.
 */
export function podContribution(service: Service, pod: Pod): PodContribution | null {
  const publishNotReady = service.spec?.publishNotReadyAddresses === true;
  if (!shouldPodBeInEndpoints(pod, publishNotReady)) return null;
  const ip = podIPForService(service, pod);
  if (ip === undefined) return null;
  const address: EndpointAddress = {
    ip,
    ...(shouldSetHostname(pod, service) ? { hostname: pod.spec!.hostname } : {}),
    nodeName: pod.spec?.nodeName ?? '',
    targetRef: {
      kind: 'Pod',
      namespace: namespaceOf(pod.metadata),
      name: pod.metadata.name,
      ...(pod.metadata.uid ? { uid: pod.metadata.uid } : {}),
    },
  };
  const servicePorts = service.spec?.ports ?? [];
  const ports: (EndpointPort | null)[] = [];
  if (servicePorts.length === 0) {
    if (service.spec?.clusterIP === 'None') ports.push(null);
  } else {
    for (const raw of servicePorts) {
      const sp = defaultServicePort(raw);
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      ports.push({
        ...(sp.name ? { name: sp.name } : {}),
        port,
        protocol: sp.protocol,
        ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}),
      });
    }
  }
  if (ports.length === 0) return null;
  return { addrKey: addressKey(address), address, ready: publishNotReady || isPodReady(pod), ports };
}
