// pods/log and pods/exec: the API server picks the container, finds the pod's node and calls that
// node's kubelet API (NODE-4), answering with what the kubelet said. The kubelet is reached
// through a KubeletDialer: in process, the control plane's running kubelets; a node without a
// reachable kubelet answers like a refused connection.
//
// exec is served two ways. A plain request (no upgrade; a kconform addition the suite's drivers
// use) answers JSON `{stdout, stderr, exitCode}`. A request upgrading to a WebSocket (what
// kubectl ≥ 1.30 sends) gets the same checks, then the HTTP server streams the output over the
// remote-command channel protocol (execStream.ts). Errors found before the upgrade (pod,
// container, command, node, handshake, kubelet) are plain HTTP Status answers. Any other upgrade
// (SPDY, which kubectl tries after a failed WebSocket, and kubectl < 1.30 first) is refused with
// 400 only after the kubelet has answered, so that kubectl shows the kubelet's error when there is
// one; the (side-effect free) simulated command has then run for nothing.
import type { Obj } from './resourceType.ts';
import { ApiError, badRequest } from './status.ts';
import { execHandshakeProblem, unsupportedUpgrade } from './execStream.ts';
import type { Headers } from './webSocket.ts';

export interface ContainerLogOptions {
  previous?: boolean;
  tailLines?: number;
  /** ms since the epoch. */
  sinceTime?: number;
  sinceSeconds?: number;
  timestamps?: boolean;
  limitBytes?: number;
}

/** What a kubelet answers: the text, or the error message it would send with 400/404. */
export type KubeletAnswer<T> = { ok: true; value: T } | { ok: false; message: string };

export interface ExecOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** The kubelet API the API server calls, as the kubelet serves it (`/containerLogs`, `/exec`). */
export interface KubeletApi {
  containerLogs(namespace: string, pod: string, uid: string, container: string, options: ContainerLogOptions): Promise<KubeletAnswer<string>>;
  exec(namespace: string, pod: string, uid: string, container: string, command: string[]): Promise<KubeletAnswer<ExecOutput>>;
}

/** The kubelet of a node, or undefined when none answers there. */
export type KubeletDialer = (nodeName: string) => KubeletApi | undefined;

const KUBELET_PORT = 10250;
const names = (list: unknown) => (Array.isArray(list) ? list.map((c: Obj) => String(c?.name)) : []);

/** upstream's LogLocation/ExecLocation container choice, with its messages. */
export function pickContainer(pod: Obj, requested: string | null): string {
  const podName = pod.metadata.name;
  const containers = names(pod.spec?.containers);
  if (!requested) {
    if (containers.length === 1) return containers[0];
    const inits = names(pod.spec?.initContainers);
    throw badRequest(`a container name must be specified for pod ${podName}, choose one of: [${containers.join(' ')}]${inits.length ? ` or one of the init containers: [${inits.join(' ')}]` : ''}`);
  }
  if (![...containers, ...names(pod.spec?.initContainers)].includes(requested)) throw badRequest(`container ${requested} is not valid for pod ${podName}`);
  return requested;
}

const intParam = (query: URLSearchParams, name: string): number | undefined => {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`${name}: Invalid value: "${raw}": must be a non-negative integer`);
  return n;
};

export function logOptions(query: URLSearchParams): ContainerLogOptions {
  const sinceTime = query.get('sinceTime');
  const parsed = sinceTime === null ? undefined : Date.parse(sinceTime);
  if (parsed !== undefined && Number.isNaN(parsed)) throw badRequest(`sinceTime: Invalid value: "${sinceTime}": must be RFC 3339`);
  return {
    previous: query.get('previous') === 'true',
    timestamps: query.get('timestamps') === 'true',
    tailLines: intParam(query, 'tailLines'),
    limitBytes: intParam(query, 'limitBytes'),
    sinceSeconds: intParam(query, 'sinceSeconds'),
    sinceTime: parsed,
  };
}

/** What the API server answers when the node's kubelet cannot be reached; `why` as Go's dialer says it. */
export function unreachable(node: string, path: string, why = 'dial tcp: connect: connection refused'): ApiError {
  return new ApiError(500, 'InternalError', `Get "https://${node}:${KUBELET_PORT}${path}": ${why}`);
}

/** GET pods/{name}/log: the container's log as text/plain; an unscheduled pod has none yet (empty). */
export async function podLog(pod: Obj, query: URLSearchParams, dial: KubeletDialer | undefined): Promise<string> {
  const container = pickContainer(pod, query.get('container'));
  const options = logOptions(query);
  const node = pod.spec?.nodeName;
  if (!node) return '';
  const { namespace, name, uid } = pod.metadata;
  const kubelet = dial?.(node);
  if (!kubelet) throw unreachable(node, `/containerLogs/${namespace}/${name}/${container}`);
  const answer = await kubelet.containerLogs(namespace, name, uid, container, options);
  if (!answer.ok) throw badRequest(answer.message);
  return answer.value;
}

/** An exec request's wish to switch protocols: the Upgrade header, with the request's method and headers. */
export interface ExecUpgrade {
  upgrade: string;
  method: string;
  headers: Headers;
}

/** pods/{name}/exec: runs the `command` params in the container; with `upgrade`, only once the stream can be opened. */
export async function podExec(pod: Obj, query: URLSearchParams, upgrade: ExecUpgrade | undefined, dial: KubeletDialer | undefined): Promise<ExecOutput> {
  const container = pickContainer(pod, query.get('container'));
  const command = query.getAll('command');
  if (command.length === 0) throw badRequest('you must specify at least 1 command');
  const node = pod.spec?.nodeName;
  if (!node) throw badRequest(`pod ${pod.metadata.name} does not have a host assigned`);
  const websocket = upgrade?.upgrade.toLowerCase() === 'websocket';
  const badHandshake = websocket && execHandshakeProblem(upgrade!.method, upgrade!.headers);
  if (badHandshake) throw badRequest(badHandshake);
  const { namespace, name, uid } = pod.metadata;
  const kubelet = dial?.(node);
  if (!kubelet) throw unreachable(node, `/exec/${namespace}/${name}/${container}`);
  const answer = await kubelet.exec(namespace, name, uid, container, command);
  if (!answer.ok) throw badRequest(answer.message);
  if (upgrade && !websocket) throw badRequest(unsupportedUpgrade(upgrade.upgrade));
  return answer.value;
}
