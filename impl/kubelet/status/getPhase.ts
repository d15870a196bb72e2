// The pod phase from its container statuses: upstream's getPhase (pkg/kubelet/kubelet_pods.go),
// restartable init containers (sidecars) included.
import { isRestartableInit, type ContainerStatus, type Pod, type PodPhase } from '../types.ts';

const statusOf = (statuses: readonly ContainerStatus[], name: string) => statuses.find((s) => s.name === name);

/** True once any regular (non-init) container is running or has terminated. */
export function hasAnyRegularContainerStarted(pod: Pod, statuses: readonly ContainerStatus[]): boolean {
  const names = new Set(pod.spec.containers.map((c) => c.name));
  return statuses.some((s) => names.has(s.name) && (s.state.running !== undefined || s.state.terminated !== undefined));
}

/**
 * Pending until every init container succeeded and every container started; Running while one
 * runs (or, under Always/OnFailure, all stopped and are being restarted); Succeeded/Failed when
 * all stopped and will not restart. `podIsTerminal`: the kubelet stopped the pod for good
 * (deleted, or evicted), so restartPolicy no longer matters. `statuses` holds init and regular
 * container statuses.
 */
export function getPhase(pod: Pod, statuses: readonly ContainerStatus[], podIsTerminal = false): PodPhase {
  const spec = pod.spec;
  let pendingInit = 0;
  let failedInit = 0;
  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of spec.initContainers ?? []) {
    const s = statusOf(statuses, c.name);
    if (isRestartableInit(c)) {
      if (!s) unknown++;
      else if (s.state.running) {
        if (!s.started) pendingInit++;
        running++;
      } else if (s.state.terminated) {
        // A terminated sidecar does not count.
      } else if (s.state.waiting) {
        if (!s.lastState.terminated) {
          pendingInit++;
          waiting++;
        }
      } else {
        pendingInit++;
        unknown++;
      }
      continue;
    }
    if (!s || s.state.running) pendingInit++;
    else if (s.state.terminated) failedInit += s.state.terminated.exitCode !== 0 ? 1 : 0;
    else if (s.state.waiting && s.lastState.terminated) failedInit += s.lastState.terminated.exitCode !== 0 ? 1 : 0;
    else pendingInit++;
  }
  for (const c of spec.containers) {
    const s = statusOf(statuses, c.name);
    if (!s) unknown++;
    else if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state.waiting) {
      if (s.lastState.terminated) stopped++;
      else waiting++;
    } else unknown++;
  }
  const policy = spec.restartPolicy ?? 'Always';
  if (failedInit > 0 && policy === 'Never') return 'Failed';
  if ((pendingInit > 0 && !hasAnyRegularContainerStarted(pod, statuses)) || waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}
