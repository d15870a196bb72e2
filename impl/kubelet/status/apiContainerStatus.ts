// One container's API status from what the runtime reports and what the kubelet knows
// (upstream convertToAPIContainerStatuses plus the prober's ready/started).
import { rfc3339 } from '../../clock/index.ts';
import type { ContainerStatus as CriStatus } from '../runtime/criTypes.ts';
import type { Container, ContainerState, ContainerStatus } from '../types.ts';

export interface ContainerFacts {
  /** The runtime's instances of this container, newest first; only the first two matter. */
  instances: readonly CriStatus[];
  /** Why the kubelet has not (re)started it yet and will retry: ErrImagePull, CrashLoopBackOff, … */
  waiting?: { reason: string; message?: string };
  ready: boolean;
  started: boolean;
}

/** `ContainerCreating`, or `PodInitializing` for the regular containers of a pod with init containers. */
export type DefaultWaitingReason = 'ContainerCreating' | 'PodInitializing';

function stateOf(c: CriStatus, runtimeName: string): ContainerState {
  switch (c.state) {
    case 'CONTAINER_RUNNING':
      return { running: { startedAt: rfc3339(c.startedAt!) } };
    case 'CONTAINER_EXITED':
      return {
        terminated: {
          exitCode: c.exitCode ?? 0,
          reason: c.reason,
          startedAt: rfc3339(c.startedAt ?? c.createdAt),
          finishedAt: rfc3339(c.finishedAt!),
          containerID: `${runtimeName}://${c.id}`,
        },
      };
    default:
      return { waiting: {} };
  }
}

/**
 * Never waiting with a stale reason: a `waiting` fact replaces a terminated state (which moves to
 * lastState). restartCount is the newest instance's attempt; before any instance it is kept from
 * `previous`.
 */
export function apiContainerStatus(container: Container, facts: ContainerFacts, defaultWaiting: DefaultWaitingReason, runtimeName: string, previous?: ContainerStatus): ContainerStatus {
  const [latest, before] = facts.instances;
  const status: ContainerStatus = latest
    ? {
        name: container.name,
        state: stateOf(latest, runtimeName),
        lastState: before?.state === 'CONTAINER_EXITED' ? stateOf(before, runtimeName) : {},
        ready: facts.ready,
        restartCount: latest.metadata.attempt,
        image: latest.image,
        imageID: latest.imageRef,
        containerID: `${runtimeName}://${latest.id}`,
        started: facts.started,
      }
    : {
        name: container.name,
        state: { waiting: { reason: defaultWaiting } },
        lastState: previous?.lastState ?? {},
        ready: false,
        restartCount: previous?.restartCount ?? 0,
        image: container.image ?? '',
        imageID: '',
        started: false,
      };
  if (facts.waiting) {
    if (status.state.terminated) status.lastState = status.state;
    status.state = { waiting: { reason: facts.waiting.reason, ...(facts.waiting.message !== undefined && { message: facts.waiting.message }) } };
    status.ready = false;
    status.started = false;
  }
  return status;
}
