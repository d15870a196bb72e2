// The pod status the kubelet writes (upstream generateAPIPodStatus plus the status manager's
// timestamps): phase, conditions, container statuses, IPs, start time, QoS class.
import { rfc3339 } from '../../clock/index.ts';
import type { ContainerStatus, Pod, PodCondition, PodPhase, PodStatus } from '../types.ts';
import { getPhase } from './getPhase.ts';
import { containersReadyCondition, initializedCondition, KUBELET_CONDITIONS, podReadyCondition, readyToStartContainersCondition } from './podConditions.ts';
import { podQosClass } from './podQosClass.ts';

export interface PodStatusInput {
  pod: Pod;
  /** In spec order. */
  initContainerStatuses: ContainerStatus[];
  /** In any order; sorted by name here, like upstream. */
  containerStatuses: ContainerStatus[];
  /** The pod's sandbox, once the runtime made one. */
  sandbox?: { ip: string; ready: boolean };
  /** The node's addresses, primary first. */
  hostIPs: string[];
  /** When the kubelet first accepted the pod (ms). */
  startTime: number;
  /** The kubelet stopped the pod for good (deleted or evicted): restartPolicy no longer applies. */
  podIsTerminal: boolean;
  /** The kubelet's last status for this pod; falls back to pod.status. */
  previous?: PodStatus;
  now: number;
}

const isTerminalPhase = (p: PodPhase | undefined) => p === 'Succeeded' || p === 'Failed';

/** Pure: the same input gives the same status. A terminal phase already reported is never left. */
export function generatePodStatus(input: PodStatusInput): PodStatus {
  const { pod, now } = input;
  const previous = input.previous ?? pod.status ?? {};
  const containerStatuses = [...input.containerStatuses].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const all = [...input.initContainerStatuses, ...containerStatuses];
  let phase = getPhase(pod, all, input.podIsTerminal);
  if (!isTerminalPhase(phase)) {
    if (isTerminalPhase(previous.phase)) phase = previous.phase!;
    else if (isTerminalPhase(pod.status?.phase)) phase = pod.status!.phase!;
  }
  if (isTerminalPhase(pod.status?.phase)) phase = pod.status!.phase!;

  const kept = (pod.status?.conditions ?? []).filter((c) => !KUBELET_CONDITIONS.includes(c.type));
  const ready = podReadyCondition(pod, kept, all, phase);
  const generated = [
    readyToStartContainersCondition(input.sandbox?.ready ?? false),
    initializedCondition(pod, all, phase),
    ready,
    containersReadyCondition(pod, all, phase),
    { type: 'PodScheduled', status: 'True' } as PodCondition,
  ];
  const oldConditions = [...(pod.status?.conditions ?? []), ...(previous.conditions ?? [])];
  const stamp = (c: PodCondition): PodCondition => {
    const old = oldConditions.filter((o) => o.type === c.type && o.status === c.status && o.lastTransitionTime).at(-1);
    return { ...c, lastProbeTime: null, lastTransitionTime: old?.lastTransitionTime ?? rfc3339(now) };
  };

  const status: PodStatus = {
    phase,
    conditions: [...kept, ...generated.map(stamp)],
    hostIP: input.hostIPs[0],
    hostIPs: input.hostIPs.map((ip) => ({ ip })),
    startTime: previous.startTime ?? rfc3339(input.startTime),
    containerStatuses,
    qosClass: podQosClass(pod),
  };
  const podIP = pod.spec.hostNetwork ? input.hostIPs[0] : input.sandbox?.ready ? input.sandbox.ip : previous.podIP;
  if (podIP) {
    status.podIP = podIP;
    status.podIPs = [{ ip: podIP }];
  }
  if (pod.spec.initContainers?.length) status.initContainerStatuses = input.initContainerStatuses;
  if (phase === previous.phase) {
    if (previous.reason) status.reason = previous.reason;
    if (previous.message) status.message = previous.message;
  }
  return status;
}
