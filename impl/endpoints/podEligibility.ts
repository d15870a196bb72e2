// Which pods may appear in a Service's endpoints, and as what (upstream's
// endpointslice/util ShouldPodBeInEndpoints, IsPodReady, ShouldSetHostname and the
// endpoints controller's IP-family choice).
import type { Pod, Service } from './types.ts';

/** The pod's Ready condition is "True" (podutil.IsPodReady). */
export function isPodReady(pod: Pod): boolean {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  return ready?.status === 'True';
}

/** Phase Succeeded or Failed, whatever the restartPolicy (current upstream; before 1.22 the rule depended on it). */
export function isPodTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/**
 * True when the pod belongs in the endpoints at all: not terminal, holding an IP, and not
 * terminating unless `includeTerminating` (the service's publishNotReadyAddresses).
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (!pod.status?.podIP && !(pod.status?.podIPs?.length)) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** The pod's hostname goes on the address when its subdomain names this service in its namespace. */
export function shouldSetHostname(pod: Pod, service: Service): boolean {
  return (
    !!pod.spec?.hostname &&
    pod.spec?.subdomain === service.metadata.name &&
    (service.metadata.namespace || 'default') === (pod.metadata.namespace || 'default')
  );
}

const isIPv6 = (ip: string): boolean => ip.includes(':');

/**
 * The pod IP of the service's first IP family, or undefined when the pod has none of that family.
 * The family comes from spec.ipFamilies[0], else from the cluster IP, else (headless) from the
 * pod's own IP. A pod whose `podIPs` is absent is read as `podIPs: [{ip: podIP}]`, as the API
 * server's defaulting would make it.
 */
export function podIPForService(service: Service, pod: Pod): string | undefined {
  const spec = service.spec ?? {};
  const podIPs = pod.status?.podIPs?.length ? pod.status.podIPs.map((p) => p.ip) : pod.status?.podIP ? [pod.status.podIP] : [];
  let v6: boolean;
  if (spec.ipFamilies?.length) v6 = spec.ipFamilies[0] === 'IPv6';
  else if (spec.clusterIP && spec.clusterIP !== 'None') v6 = isIPv6(spec.clusterIP);
  else v6 = isIPv6(pod.status?.podIP ?? podIPs[0] ?? '');
  return podIPs.find((ip) => isIPv6(ip) === v6);
}
