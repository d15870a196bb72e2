// The kubelet-owned pod conditions (upstream pkg/kubelet/status/generate.go), without timestamps:
// generatePodStatus adds lastTransitionTime. Messages list container names the way Go prints a
// []string: `containers with unready status: [web db]`.
import { isRestartableInit, type ContainerStatus, type Pod, type PodCondition, type PodPhase } from '../types.ts';
import { hasAnyRegularContainerStarted } from './getPhase.ts';

export const KUBELET_CONDITIONS = ['PodScheduled', 'Ready', 'Initialized', 'ContainersReady', 'PodReadyToStartContainers'];

const goList = (names: string[]) => `[${names.join(' ')}]`;
const statusOf = (statuses: readonly ContainerStatus[], name: string) => statuses.find((s) => s.name === name);

function terminal(type: string, phase: PodPhase): PodCondition {
  return { type, status: 'False', reason: phase === 'Failed' ? 'PodFailed' : 'PodCompleted' };
}

/** `statuses` are init and regular statuses together; null means the runtime gave none. */
export function containersReadyCondition(pod: Pod, statuses: readonly ContainerStatus[] | null, phase: PodPhase): PodCondition {
  if (statuses === null) return { type: 'ContainersReady', status: 'False', reason: 'UnknownContainerStatuses' };
  const unknown: string[] = [];
  const unready: string[] = [];
  const containers = [...(pod.spec.initContainers ?? []).filter(isRestartableInit), ...pod.spec.containers];
  for (const c of containers) {
    const s = statusOf(statuses, c.name);
    if (!s) unknown.push(c.name);
    else if (!s.ready) unready.push(c.name);
  }
  if ((phase === 'Succeeded' && unknown.length === 0) || phase === 'Failed') return terminal('ContainersReady', phase);
  const messages = [...(unknown.length ? [`containers with unknown status: ${goList(unknown)}`] : []), ...(unready.length ? [`containers with unready status: ${goList(unready)}`] : [])];
  if (messages.length) return { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: messages.join(', ') };
  return { type: 'ContainersReady', status: 'True' };
}

/** Ready: ContainersReady's verdict, then every readiness gate's condition must be True. */
export function podReadyCondition(pod: Pod, conditions: readonly PodCondition[], statuses: readonly ContainerStatus[] | null, phase: PodPhase): PodCondition {
  const cr = containersReadyCondition(pod, statuses, phase);
  if (cr.status !== 'True') return { ...cr, type: 'Ready' };
  const messages: string[] = [];
  for (const gate of pod.spec.readinessGates ?? []) {
    const c = conditions.find((x) => x.type === gate.conditionType);
    if (!c) messages.push(`corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`);
    else if (c.status !== 'True') messages.push(`the status of pod readiness gate "${gate.conditionType}" is not "True", but ${c.status}`);
  }
  if (messages.length) return { type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady', message: messages.join(', ') };
  return { type: 'Ready', status: 'True' };
}

/** Initialized: every init container succeeded (a sidecar: started), or a regular container has started. */
export function initializedCondition(pod: Pod, statuses: readonly ContainerStatus[] | null, phase: PodPhase): PodCondition {
  const inits = pod.spec.initContainers ?? [];
  if (statuses === null && inits.length > 0) return { type: 'Initialized', status: 'False', reason: 'UnknownContainerStatuses' };
  const list = statuses ?? [];
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of inits) {
    const s = statusOf(list, c.name);
    if (!s) unknown.push(c.name);
    else if (isRestartableInit(c) ? !s.started : !s.ready) incomplete.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) return { type: 'Initialized', status: 'True', reason: 'PodCompleted' };
  if (hasAnyRegularContainerStarted(pod, list)) return { type: 'Initialized', status: 'True' };
  const messages = [...(unknown.length ? [`containers with unknown status: ${goList(unknown)}`] : []), ...(incomplete.length ? [`containers with incomplete status: ${goList(incomplete)}`] : [])];
  if (messages.length) return { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: messages.join(', ') };
  return { type: 'Initialized', status: 'True' };
}

/** PodReadyToStartContainers: the sandbox exists and its network is set up. */
export function readyToStartContainersCondition(sandboxReady: boolean): PodCondition {
  return { type: 'PodReadyToStartContainers', status: sandboxReady ? 'True' : 'False' };
}
