// Starting or restarting one container (upstream SyncPod's start step): crash-loop back-off, the
// image (pull policy, pull back-off), then CreateContainer and StartContainer. What blocks the
// start is remembered as the container's waiting reason, with a wake-up for when it may clear.
import { formatGoDuration } from '../program/goDuration.ts';
import { ProbeTracker, probeSettings } from '../probes/ProbeTracker.ts';
import { RuntimeError } from '../runtime/criTypes.ts';
import { formatPod, type Container, type Pod } from '../types.ts';
import { LABEL_CONTAINER_NAME, LABEL_POD_NAME, LABEL_POD_NAMESPACE, LABEL_POD_UID, type ContainerRecord, type InstanceProbes, type KubeletCore, type PodRecord } from './KubeletCore.ts';

export interface KubeletEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** `spec.containers{web}`, upstream's fieldPath of the involved object; absent for pod-level events. */
  fieldPath?: string;
}

export interface SyncContext {
  pod: Pod;
  kubelet: KubeletCore;
  rec: PodRecord;
  now: number;
  events: KubeletEvent[];
  /** Asks for another sync at `at` (ignored unless after now). */
  wake(at: number): void;
}

/**
 * After a failed pull the kubelet looks again this soon (upstream: the PLEG relist and status
 * sync), so the container reads ImagePullBackOff for the rest of the back-off window.
 */
export const PULL_FAILURE_FOLLOW_UP_MS = 1000;

/** Upstream's defaulting: `:latest` or no tag pulls Always, anything else IfNotPresent. */
export function pullPolicyOf(c: Container): string {
  if (c.imagePullPolicy) return c.imagePullPolicy;
  const image = c.image ?? '';
  if (image.includes('@')) return 'IfNotPresent';
  const tag = image.lastIndexOf(':') > image.lastIndexOf('/') ? image.slice(image.lastIndexOf(':') + 1) : 'latest';
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** True when the container was started now. `field` is `spec.containers{web}` for events. */
export function startContainer(ctx: SyncContext, container: Container, field: string, path: string): boolean {
  const { kubelet, rec, pod, now } = ctx;
  const rt = kubelet.runtime;
  const cr = kubelet.container(rec, container.name);
  const event = (type: KubeletEvent['type'], reason: string, message: string) => ctx.events.push({ type, reason, message, fieldPath: field });
  const block = (reason: string, message: string | undefined, wakeAt?: number) => {
    if (cr.waiting?.reason !== reason || cr.waiting.message !== message) cr.waiting = { reason, ...(message !== undefined && { message }) };
    if (wakeAt !== undefined) ctx.wake(wakeAt);
    return false;
  };

  const latest = cr.instances[0] === undefined ? undefined : rt.containerStatus(cr.instances[0], now);
  const backoffKey = `${pod.metadata.uid}_${container.name}`;
  if (latest?.state === 'CONTAINER_EXITED' && kubelet.restartBackoff.isInBackOffSince(backoffKey, latest.finishedAt!, now)) {
    const window = kubelet.restartBackoff.get(backoffKey);
    if (cr.waiting?.reason !== 'CrashLoopBackOff') event('Warning', 'BackOff', `Back-off restarting failed container ${container.name} in pod ${formatPod(pod)}`);
    return block('CrashLoopBackOff', `back-off ${formatGoDuration(window)} restarting failed container=${container.name} pod=${formatPod(pod)}`, latest.finishedAt! + window);
  }

  const image = container.image ?? '';
  const policy = pullPolicyOf(container);
  const cached = rt.imageStatus(image);
  if (policy === 'Never' && !cached) return block('ErrImageNeverPull', `Container image "${image}" is not present with pull policy of Never`);
  if (policy !== 'Never' && !(policy === 'IfNotPresent' && cached)) {
    const pullKey = `${pod.metadata.uid}_${image}`;
    if (kubelet.pullBackoff.isInBackOffSinceUpdate(pullKey, now)) {
      const retryAt = kubelet.pullBackoff.lastUpdate(pullKey)! + kubelet.pullBackoff.get(pullKey);
      // A pull that failed at this very instant still reads ErrImagePull (syncPod is idempotent).
      if (cr.waiting?.reason === 'ErrImagePull' && kubelet.pullBackoff.lastUpdate(pullKey) === now) return block('ErrImagePull', cr.waiting.message, now + PULL_FAILURE_FOLLOW_UP_MS);
      if (cr.waiting?.reason !== 'ImagePullBackOff') event('Normal', 'BackOff', `Back-off pulling image "${image}"`);
      return block('ImagePullBackOff', `Back-off pulling image "${image}"`, retryAt);
    }
    const progress = rt.pullImage(image, now);
    if (progress.state === 'pulling') {
      if (cr.pullStartedAt === undefined) {
        cr.pullStartedAt = now;
        event('Normal', 'Pulling', `Pulling image "${image}"`);
      }
      ctx.wake(progress.doneAt);
      return false;
    }
    const began = cr.pullStartedAt;
    cr.pullStartedAt = undefined;
    if (progress.state === 'failed') {
      kubelet.pullBackoff.next(pullKey, now, now);
      event('Warning', 'Failed', `Failed to pull image "${image}": ${progress.message}`);
      event('Warning', 'Failed', 'Error: ErrImagePull');
      return block('ErrImagePull', progress.message, now + PULL_FAILURE_FOLLOW_UP_MS);
    }
    if (began !== undefined) {
      const took = formatGoDuration(now - began);
      event('Normal', 'Pulled', `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${rt.imageStatus(image)?.size ?? 0} bytes.`);
    }
  } else if (cached) event('Normal', 'Pulled', `Container image "${image}" already present on machine`);

  if (rec.sandboxId === undefined) return false;
  const attempt = latest ? latest.metadata.attempt + 1 : 0;
  let id: string;
  try {
    id = rt.createContainer(
      rec.sandboxId,
      {
        metadata: { name: container.name, attempt },
        image,
        command: container.command,
        args: container.args,
        envs: (container.env ?? []).map((e) => ({ key: e.name, value: e.value ?? '' })),
        labels: { [LABEL_POD_UID]: pod.metadata.uid ?? '', [LABEL_POD_NAME]: pod.metadata.name ?? '', [LABEL_POD_NAMESPACE]: pod.metadata.namespace ?? 'default', [LABEL_CONTAINER_NAME]: container.name },
        annotations: { 'io.kubernetes.container.restartCount': String(attempt) },
        fieldPath: path,
      },
      now,
    );
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    if (cr.waiting?.reason !== 'CreateContainerError') event('Warning', 'Failed', `Error: ${e.message}`);
    return block('CreateContainerError', e.message);
  }
  if (latest?.state === 'CONTAINER_EXITED') kubelet.restartBackoff.next(backoffKey, latest.finishedAt!, now);
  rt.startContainer(id, now);
  for (const old of cr.instances.splice(1)) rt.removeContainer(old, now);
  cr.instances.unshift(id);
  cr.waiting = undefined;
  cr.probes = instanceProbes(container, id, rt.programOf(id), now);
  event('Normal', 'Created', `Created container ${container.name}`);
  event('Normal', 'Started', `Started container ${container.name}`);
  return true;
}

function instanceProbes(c: Container, containerId: string, program: ReturnType<KubeletCore['runtime']['programOf']>, startedAt: number): InstanceProbes {
  const make = (kind: 'startup' | 'readiness' | 'liveness', probe = c[`${kind}Probe`]) => probe && new ProbeTracker(kind, probeSettings(probe), program, startedAt);
  const startup = make('startup');
  return {
    containerId,
    startup,
    readiness: make('readiness'),
    liveness: make('liveness'),
    startedGate: () => (!startup ? startedAt : startup.result === 'Success' ? startup.changedAt! : Infinity),
  };
}

export type { ContainerRecord };
