// The kubelet API's `containerLogs` and `exec` for one pod (what the API server's pods/log and
// pods/exec reach, NODE-4). Which instance serves logs follows upstream validateContainerLogStatus,
// with its error texts.
import type { ExecResult } from '../runtime/execCommand.ts';
import type { LogOptions } from '../runtime/containerLogs.ts';
import type { Pod } from '../types.ts';
import type { KubeletCore } from './KubeletCore.ts';

export type KubeletIOResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** The pod's container named `container` (any container when the pod has one), or an error text. */
function pickContainer(pod: Pod, container: string | undefined): KubeletIOResult<string> {
  if (container !== undefined) return { ok: true, value: container };
  if (pod.spec.containers.length === 1) return { ok: true, value: pod.spec.containers[0].name };
  const names = pod.spec.containers.map((c) => c.name).join(' ');
  return { ok: false, message: `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names}]` };
}

/** Logs of the current instance, or with `previous` of the one before it; `now` bounds the output. */
export function readPodLogs(kubelet: KubeletCore, pod: Pod, container: string | undefined, options: LogOptions & { previous?: boolean }, now: number): KubeletIOResult<string> {
  const picked = pickContainer(pod, container);
  if (!picked.ok) return picked;
  const name = picked.value;
  const podName = pod.metadata.name ?? '';
  const rec = kubelet.pods.get(pod.metadata.uid ?? '');
  const status = [...(rec?.lastStatus?.containerStatuses ?? []), ...(rec?.lastStatus?.initContainerStatuses ?? [])].find((s) => s.name === name);
  if (!status) return { ok: false, message: `container "${name}" in pod "${podName}" is not available` };
  const idOf = (containerID: string | undefined) => containerID?.replace(/^[a-z]+:\/\//, '');
  let id: string | undefined;
  if (options.previous) {
    id = idOf(status.lastState.terminated?.containerID);
    if (!id) return { ok: false, message: `previous terminated container "${name}" in pod "${podName}" not found` };
  } else if (status.state.running) id = idOf(status.containerID);
  else if (status.state.terminated) id = idOf(status.state.terminated.containerID);
  else if (status.lastState.terminated) id = idOf(status.lastState.terminated.containerID);
  else if (status.state.waiting) {
    const reason = status.state.waiting.reason;
    const why = reason === 'ErrImagePull' ? "image can't be pulled" : reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
    return { ok: false, message: `container "${name}" in pod "${podName}" is waiting to start: ${why}` };
  }
  if (!id) return { ok: false, message: `container "${name}" in pod "${podName}" is waiting to start - no logs yet` };
  return { ok: true, value: kubelet.runtime.readLogs(id, now, options) };
}

/** Runs `command` in the pod's running container. */
export function execInPod(kubelet: KubeletCore, pod: Pod, container: string | undefined, command: string[], now: number): KubeletIOResult<ExecResult> {
  const picked = pickContainer(pod, container);
  if (!picked.ok) return picked;
  const cr = kubelet.pods.get(pod.metadata.uid ?? '')?.containers.get(picked.value);
  const id = cr?.instances[0];
  if (id === undefined || kubelet.runtime.containerStatus(id, now).state !== 'CONTAINER_RUNNING')
    return { ok: false, message: `unable to upgrade connection: container not found ("${picked.value}")` };
  return { ok: true, value: kubelet.runtime.execSync(id, command, now) };
}
