// A Service's cluster IP and NodePorts, taken all or nothing and given back on delete
// (upstream pkg/registry/core/service/storage/alloc.go).
import type { Service } from '../endpoints/types.ts';
import { ClusterIPAllocator } from './ClusterIPAllocator.ts';
import type { FieldError } from './fieldError.ts';
import { NodePortAllocator } from './NodePortAllocator.ts';

export type ServiceAllocation = { ok: true; service: Service } | { ok: false; error: FieldError };

export interface ServiceAllocatorOptions {
  serviceCIDR?: string;
  nodePortRange?: string;
}

export class ServiceAllocator {
  readonly ips: ClusterIPAllocator;
  readonly nodePorts: NodePortAllocator;

  constructor(options: ServiceAllocatorOptions = {}) {
    this.ips = new ClusterIPAllocator(options.serviceCIDR);
    this.nodePorts = new NodePortAllocator(options.nodePortRange);
  }

  /**
   * Returns a copy of the (validated) service with spec.clusterIP/clusterIPs and every
   * spec.ports[i].nodePort filled, or the first error with nothing taken. Service ports that share
   * a port number (e.g. 53/TCP and 53/UDP) share one NodePort, as upstream does.
   */
  allocate(service: Service): ServiceAllocation {
    const spec = { ...(service.spec ?? {}) };
    const type = spec.type ?? 'ClusterIP';
    const takenIPs: string[] = [];
    const takenPorts: number[] = [];
    const fail = (error: FieldError): ServiceAllocation => {
      takenIPs.forEach((ip) => this.ips.release(ip));
      takenPorts.forEach((p) => this.nodePorts.release(p));
      return { ok: false, error };
    };
    if (type !== 'ExternalName') {
      const requested = spec.clusterIP ?? spec.clusterIPs?.[0] ?? '';
      if (requested !== 'None') {
        const got = requested ? this.ips.allocate(requested, spec.clusterIPs ?? [requested]) : this.ips.allocateNext();
        if (!got.ok) return fail(got.error);
        takenIPs.push(got.value);
        spec.clusterIP = got.value;
        spec.clusterIPs = [got.value];
      }
    }
    const wantsNodePorts = type === 'NodePort' || (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
    const byPortNumber = new Map<number, number>();
    const ports = (spec.ports ?? []).map((p) => ({ ...p }));
    for (const [i, port] of ports.entries()) {
      if (!wantsNodePorts && !port.nodePort) continue;
      const shared = byPortNumber.get(port.port);
      if (shared !== undefined && (!port.nodePort || port.nodePort === shared)) {
        port.nodePort = shared;
        continue;
      }
      const got = port.nodePort ? this.nodePorts.allocate(port.nodePort, `spec.ports[${i}].nodePort`) : this.nodePorts.allocateNext();
      if (!got.ok) return fail(got.error);
      takenPorts.push(got.value);
      port.nodePort = got.value;
      if (shared === undefined) byPortNumber.set(port.port, got.value);
    }
    if (spec.ports) spec.ports = ports;
    return { ok: true, service: { ...service, spec } };
  }

  /** Gives back the service's cluster IP and NodePorts. Never throws; unknown values are ignored. */
  release(service: Service): void {
    const spec = service.spec ?? {};
    for (const ip of new Set([spec.clusterIP, ...(spec.clusterIPs ?? [])])) if (ip && ip !== 'None') this.ips.release(ip);
    for (const port of new Set((spec.ports ?? []).map((p) => p.nodePort))) if (port) this.nodePorts.release(port);
  }
}
