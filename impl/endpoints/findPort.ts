// Resolving a service port's targetPort on one pod (upstream podutil.FindPort).
import type { Pod, ServicePort } from './types.ts';

/** A service port with the API server's defaults applied: protocol TCP, targetPort (absent, 0 or "") = port. */
export interface DefaultedServicePort extends ServicePort {
  protocol: string;
  targetPort: number | string;
}

export function defaultServicePort(port: ServicePort): DefaultedServicePort {
  const target = port.targetPort;
  return { ...port, protocol: port.protocol || 'TCP', targetPort: target === undefined || target === 0 || target === '' ? port.port : target };
}

/**
 * The container port a service port reaches on this pod, or undefined when it has none.
 * A numeric targetPort is taken as is. A named one is looked up, by name and protocol, in the
 * pod's containers and then in its sidecars (init containers with restartPolicy Always).
 * A string is always a name, even "8080" (intstr semantics), so it matches only a port so named.
 */
export function findPort(pod: Pod, servicePort: DefaultedServicePort): number | undefined {
  const target = servicePort.targetPort;
  if (typeof target === 'number') return target;
  const match = (containers: { ports?: { name?: string; containerPort: number; protocol?: string }[] }[]) => {
    for (const container of containers) {
      for (const port of container.ports ?? []) {
        if (port.name === target && (port.protocol || 'TCP') === servicePort.protocol) return port.containerPort;
      }
    }
    return undefined;
  };
  const spec = pod.spec ?? {};
  return match(spec.containers ?? []) ?? match((spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always'));
}
