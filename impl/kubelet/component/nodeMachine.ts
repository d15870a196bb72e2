// The simulated machine behind a Node object. What the Node's creator declared describes the
// machine (InternalIP, podCIDR, capacity, allocatable, images, labels); what is missing the
// kubelet fills in from the node's registration index: InternalIP 192.168.<i/250>.<i%250+2>,
// podCIDR 10.<244+i/256>.<i%256>.0/24, DEFAULT_CAPACITY.
import type { KubeObject } from '../../client/index.ts';
import { DEFAULT_CAPACITY, type NodeConfig } from '../node/nodeStatus.ts';

export const KUBELET_PORT = 10250;

export interface NodeMachine {
  config: NodeConfig;
  /** Images the creator listed in status.images: reported as they are, instead of the runtime's. */
  declaredImages?: { names: string[]; sizeBytes: number }[];
}

const internalIP = (node: KubeObject): string | undefined =>
  (node.status?.addresses ?? []).find((a: { type: string; address: string }) => a.type === 'InternalIP')?.address;

/** The machine of `node`, the `index`-th node this kubelet fleet saw. */
export function nodeMachine(node: KubeObject, index: number): NodeMachine {
  const capacity = node.status?.capacity ?? DEFAULT_CAPACITY;
  return {
    config: {
      name: String(node.metadata.name),
      internalIP: internalIP(node) ?? `192.168.${Math.floor(index / 250) % 256}.${(index % 250) + 2}`,
      podCIDR: node.spec?.podCIDR ?? `10.${244 + (Math.floor(index / 256) % 12)}.${index % 256}.0/24`,
      capacity: { ...capacity },
      allocatable: { ...(node.status?.allocatable ?? capacity) },
      kubeletPort: KUBELET_PORT,
    },
    ...(Array.isArray(node.status?.images) && node.status.images.length ? { declaredImages: node.status.images } : {}),
  };
}

/** Follows what someone other than the kubelet wrote into the node's status since. */
export function redeclared(machine: NodeMachine, node: KubeObject, lastPosted: unknown): NodeMachine {
  const status = node.status ?? {};
  const config = { ...machine.config };
  if (status.capacity) config.capacity = { ...status.capacity };
  if (status.allocatable) config.allocatable = { ...status.allocatable };
  const posted = (lastPosted as { images?: unknown } | undefined)?.images;
  const images = Array.isArray(status.images) && status.images.length && JSON.stringify(status.images) !== JSON.stringify(posted) ? status.images : machine.declaredImages;
  return { config, ...(images ? { declaredImages: images } : {}) };
}
