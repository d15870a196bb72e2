// Node-level aggregates kept up to date as pods come and go, so that a filter reads numbers
// instead of walking pods: requested and non-zero-requested resources, host ports in use, the
// pods with (anti-)affinity, and the images present.
import type { KubeObject } from '../types.ts';
import type { Labels } from './labelSelector.ts';
import type { PodInfo } from './podInfo.ts';
import { Resource } from './resource.ts';
import { readTaints, type Taint } from './taints.ts';

/** An image and the nodes that have it; shared by every NodeInfo that holds the image. */
export interface ImageStateSummary {
  size: number;
  readonly nodes: Set<string>;
}

export const BIND_ALL_HOST_IP = '0.0.0.0';

export class NodeInfo {
  readonly name: string;
  node: KubeObject | null = null;
  labels: Labels = {};
  taints: Taint[] = [];
  unschedulable = false;
  allocatable = new Resource();
  readonly requested = new Resource();
  readonly nonZeroRequested = new Resource();
  readonly pods: PodInfo[] = [];
  readonly podsWithAffinity: PodInfo[] = [];
  readonly podsWithRequiredAntiAffinity: PodInfo[] = [];
  /** Host IP → `protocol/port` in use. */
  readonly usedPorts = new Map<string, Set<string>>();
  imageStates = new Map<string, ImageStateSummary>();
  /** Bumped on every change. */
  generation = 0;

  constructor(name: string) {
    this.name = name;
  }

  /** Reads labels, taints, spec.unschedulable and allocatable (defaulted to capacity, as the API server does). */
  setNode(node: KubeObject): void {
    const spec = (node.spec ?? {}) as Record<string, any>;
    const status = (node.status ?? {}) as Record<string, any>;
    this.node = node;
    this.labels = node.metadata.labels ?? {};
    this.taints = readTaints(spec.taints);
    this.unschedulable = spec.unschedulable === true;
    this.allocatable = Resource.fromList(status.allocatable ?? status.capacity, status.allocatable ? 'status.allocatable' : 'status.capacity');
    this.generation++;
  }

  addPod(p: PodInfo): void {
    this.pods.push(p);
    if (p.hasPodAffinity) this.podsWithAffinity.push(p);
    if (p.hasRequiredAntiAffinity) this.podsWithRequiredAntiAffinity.push(p);
    this.update(p, 1);
  }

  /** Removes the pod with `key`; returns it, or null when it is not on this node. */
  removePod(key: string): PodInfo | null {
    const p = removeByKey(this.pods, key);
    if (!p) return null;
    removeByKey(this.podsWithAffinity, key);
    removeByKey(this.podsWithRequiredAntiAffinity, key);
    this.update(p, -1);
    return p;
  }

  /** Whether (ip, protocol, port) collides with a port in use; 0.0.0.0 collides with every IP. */
  portConflicts(ip: string, protocol: string, port: number): boolean {
    if (this.usedPorts.size === 0) return false;
    const pp = `${protocol}/${port}`;
    if (ip === BIND_ALL_HOST_IP) {
      for (const set of this.usedPorts.values()) if (set.has(pp)) return true;
      return false;
    }
    return (this.usedPorts.get(BIND_ALL_HOST_IP)?.has(pp) ?? false) || (this.usedPorts.get(ip)?.has(pp) ?? false);
  }

  private update(p: PodInfo, sign: 1 | -1): void {
    this.requested.addResource(p.requests, sign);
    this.nonZeroRequested.milliCPU += sign * p.nonZeroRequests.milliCPU;
    this.nonZeroRequested.memory += sign * p.nonZeroRequests.memory;
    for (const hp of p.hostPorts) {
      const pp = `${hp.protocol}/${hp.port}`;
      if (sign === 1) {
        let set = this.usedPorts.get(hp.ip);
        if (!set) this.usedPorts.set(hp.ip, (set = new Set()));
        set.add(pp);
      } else {
        const set = this.usedPorts.get(hp.ip);
        set?.delete(pp);
        if (set && set.size === 0) this.usedPorts.delete(hp.ip);
      }
    }
    this.generation++;
  }
}

function removeByKey(list: PodInfo[], key: string): PodInfo | null {
  for (let i = 0; i < list.length; i++) {
    if (list[i].key === key) {
      const p = list[i];
      list[i] = list[list.length - 1];
      list.pop();
      return p;
    }
  }
  return null;
}
