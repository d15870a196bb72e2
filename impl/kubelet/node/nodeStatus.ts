// The Node status a kubelet writes (upstream pkg/kubelet/nodestatus setters): capacity and
// allocatable, the four conditions with upstream's reasons and messages, nodeInfo, addresses,
// the kubelet endpoint, and the cached images (largest first, at most 50), which the scheduler's
// ImageLocality reads. Pure: time and images are passed in.
import { createHash } from 'node:crypto';
import { rfc3339 } from '../../clock/index.ts';
import type { CachedImage } from '../runtime/ImageStore.ts';
import type { ConditionStatus } from '../types.ts';

export interface NodeConfig {
  name: string;
  internalIP: string;
  /** The node's pod CIDR, e.g. `10.244.1.0/24`. */
  podCIDR: string;
  /** `{ cpu: '4', memory: '16Gi', pods: '110', 'ephemeral-storage': '100Gi' }` */
  capacity: Record<string, string>;
  /** Defaults to capacity (no reservations). */
  allocatable?: Record<string, string>;
  labels?: Record<string, string>;
  kubeletVersion?: string;
  containerRuntimeVersion?: string;
  osImage?: string;
  kernelVersion?: string;
  architecture?: string;
  kubeletPort?: number;
}

export interface NodeCondition {
  type: string;
  status: ConditionStatus;
  reason: string;
  message: string;
  lastHeartbeatTime: string;
  lastTransitionTime: string;
}

export interface NodeStatus {
  capacity: Record<string, string>;
  allocatable: Record<string, string>;
  conditions: NodeCondition[];
  addresses: { type: string; address: string }[];
  daemonEndpoints: { kubeletEndpoint: { Port: number } };
  nodeInfo: Record<string, string>;
  images: { names: string[]; sizeBytes: number }[];
}

/** What the node feels: pressures default to none, ready to true. */
export interface NodeHealth {
  memoryPressure?: boolean;
  diskPressure?: boolean;
  pidPressure?: boolean;
  /** Why the node is not ready (e.g. `container runtime is down`); empty or absent: ready. */
  notReadyReasons?: string[];
}

export const MAX_NODE_STATUS_IMAGES = 50;
export const DEFAULT_CAPACITY = { cpu: '4', memory: '16Gi', pods: '110', 'ephemeral-storage': '100Gi' };

const CONDITIONS: [type: string, key: 'memoryPressure' | 'diskPressure' | 'pidPressure', whenTrue: [string, string], whenFalse: [string, string]][] = [
  ['MemoryPressure', 'memoryPressure', ['KubeletHasInsufficientMemory', 'kubelet has insufficient memory available'], ['KubeletHasSufficientMemory', 'kubelet has sufficient memory available']],
  ['DiskPressure', 'diskPressure', ['KubeletHasDiskPressure', 'kubelet has disk pressure'], ['KubeletHasNoDiskPressure', 'kubelet has no disk pressure']],
  ['PIDPressure', 'pidPressure', ['KubeletHasInsufficientPID', 'kubelet has insufficient PID available'], ['KubeletHasSufficientPID', 'kubelet has sufficient PID available']],
];

const idOf = (name: string, what: string) => createHash('sha256').update(`${name}/${what}`).digest('hex').slice(0, 32);
const uuid = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;

/** The status at `now`; a condition keeps `previous`'s lastTransitionTime while its status holds. */
export function nodeStatus(config: NodeConfig, images: readonly CachedImage[], now: number, health: NodeHealth = {}, previous?: NodeStatus): NodeStatus {
  const at = rfc3339(now);
  const condition = (type: string, status: ConditionStatus, reason: string, message: string): NodeCondition => {
    const old = previous?.conditions.find((c) => c.type === type);
    return { type, status, reason, message, lastHeartbeatTime: at, lastTransitionTime: old && old.status === status ? old.lastTransitionTime : at };
  };
  const notReady = health.notReadyReasons ?? [];
  return {
    capacity: { ...config.capacity },
    allocatable: { ...(config.allocatable ?? config.capacity) },
    conditions: [
      ...CONDITIONS.map(([type, key, t, f]) => (health[key] ? condition(type, 'True', ...t) : condition(type, 'False', ...f))),
      notReady.length ? condition('Ready', 'False', 'KubeletNotReady', notReady.join(', ')) : condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
    ],
    addresses: [
      { type: 'InternalIP', address: config.internalIP },
      { type: 'Hostname', address: config.name },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: config.kubeletPort ?? 10250 } },
    nodeInfo: {
      machineID: idOf(config.name, 'machine'),
      systemUUID: uuid(idOf(config.name, 'system')),
      bootID: uuid(idOf(config.name, 'boot')),
      kernelVersion: config.kernelVersion ?? '6.8.0-sim',
      osImage: config.osImage ?? 'kconform simulated node',
      containerRuntimeVersion: config.containerRuntimeVersion ?? 'containerd://1.7.24-sim',
      kubeletVersion: config.kubeletVersion ?? 'v1.33.0-sim',
      kubeProxyVersion: '',
      operatingSystem: 'linux',
      architecture: config.architecture ?? 'amd64',
    },
    images: [...images]
      .sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1))
      .slice(0, MAX_NODE_STATUS_IMAGES)
      .map((i) => ({ names: [...i.repoDigests, ...i.repoTags], sizeBytes: i.size })),
  };
}

/** The Node object a kubelet registers: well-known labels and the pod CIDR. */
export function nodeObject(config: NodeConfig) {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: config.name,
      labels: { 'kubernetes.io/hostname': config.name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': config.architecture ?? 'amd64', ...config.labels },
    },
    spec: { podCIDR: config.podCIDR, podCIDRs: [config.podCIDR] },
  };
}
