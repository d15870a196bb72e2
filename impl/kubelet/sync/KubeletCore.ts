// What one node's kubelet remembers between syncs: its runtime, the back-off tables, and per pod
// the sandbox, each container's instances, start-failure reasons (upstream's reasonCache) and probe
// trackers. syncPod, cleanupPods, readPodLogs and execInPod work on it; it holds no timers.
import type { KubeletDnsSettings } from '../../dns/index.ts';
import type { ProbeTracker } from '../probes/ProbeTracker.ts';
import type { SimRuntime } from '../runtime/SimRuntime.ts';
import type { PodStatus } from '../types.ts';
import { Backoff } from './Backoff.ts';

export interface KubeletConfig {
  nodeName: string;
  /** The node's addresses, primary first (status.hostIP/hostIPs). */
  hostIPs: string[];
  /** Cluster DNS for the pods' resolv.conf; without it pods get an empty one. */
  dns?: KubeletDnsSettings;
}

/** The probes of one container instance. */
export interface InstanceProbes {
  containerId: string;
  startup?: ProbeTracker;
  readiness?: ProbeTracker;
  liveness?: ProbeTracker;
  /** When the startup probe passed (or the start, without one): readiness and liveness run from then. */
  startedGate(): number;
}

export interface ContainerRecord {
  /** CRI ids of this container's instances, newest first (at most two are kept). */
  instances: string[];
  /** Why the last (re)start attempt did not happen; cleared by a start. */
  waiting?: { reason: string; message?: string };
  probes?: InstanceProbes;
  /** When the pull this container waits for began (for the Pulled event). */
  pullStartedAt?: number;
  /** The instance the kubelet is stopping for a deletion or a finished pod. */
  stopping?: string;
  /** Instances the kubelet killed because a liveness or startup probe failed. */
  probeKilled: Set<string>;
}

export interface PodRecord {
  uid: string;
  firstSeen: number;
  sandboxId?: string;
  containers: Map<string, ContainerRecord>;
  lastStatus?: PodStatus;
}

export class KubeletCore {
  readonly restartBackoff = new Backoff();
  readonly pullBackoff = new Backoff();
  readonly pods = new Map<string, PodRecord>();

  constructor(readonly runtime: SimRuntime, readonly config: KubeletConfig) {}

  /** The pod's record, created on first sight. */
  record(uid: string, now: number): PodRecord {
    let rec = this.pods.get(uid);
    if (!rec) this.pods.set(uid, (rec = { uid, firstSeen: now, containers: new Map() }));
    return rec;
  }

  container(rec: PodRecord, name: string): ContainerRecord {
    let c = rec.containers.get(name);
    if (!c) rec.containers.set(name, (c = { instances: [], probeKilled: new Set() }));
    return c;
  }
}

/** Labels the kubelet puts on what it creates, and the only containers it ever looks at. */
export const LABEL_POD_UID = 'io.kubernetes.pod.uid';
export const LABEL_POD_NAME = 'io.kubernetes.pod.name';
export const LABEL_POD_NAMESPACE = 'io.kubernetes.pod.namespace';
export const LABEL_CONTAINER_NAME = 'io.kubernetes.container.name';
