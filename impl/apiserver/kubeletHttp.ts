// The kubelet API over HTTPS, both ends: what the kubelet process serves on its port (10250) and the
// KubeletDialer the API server uses to reach it when the kubelet runs in another process.
//
//   GET  /containerLogs/{namespace}/{pod}/{container}?node=&uid=&tailLines=&limitBytes=&sinceSeconds=&sinceTime=&timestamps=&previous=
//        200 text/plain: the log; 400: the kubelet's message (unknown container, ...)
//   POST /run/{namespace}/{pod}/{uid}/{container}?node=&command=a&command=b
//        200 application/json {stdout, stderr, exitCode}; 400: the kubelet's message
//   503: that node's kubelet is not running here; 401: no or a wrong bearer token.
//
// The paths are upstream's kubelet server paths (the pod's uid goes in `uid` for logs). One simulated kubelet process runs every node (as
// kwok does), so the request names the node in `node`; /run answers JSON instead of upstream's
// combined output, which the API server then streams to a WebSocket client (see nodeProxy.ts).
import { request as httpsRequest } from 'node:https';
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { ApiError } from './status.ts';
import { logOptions, unreachable, type ContainerLogOptions, type KubeletAnswer, type KubeletApi, type KubeletDialer } from './nodeProxy.ts';

export interface KubeletEndpoint {
  /** `https://127.0.0.1:10250` */
  url: string;
  /** The bearer token both ends share. */
  token: string;
  /** The CA that signed the kubelet's serving certificate. */
  ca?: string;
}

const segment = encodeURIComponent;

function logQuery(node: string, uid: string, options: ContainerLogOptions): URLSearchParams {
  const query = new URLSearchParams({ node, uid });
  for (const key of ['tailLines', 'limitBytes', 'sinceSeconds'] as const) if (options[key] !== undefined) query.set(key, String(options[key]));
  if (options.sinceTime !== undefined) query.set('sinceTime', new Date(options.sinceTime).toISOString());
  if (options.timestamps) query.set('timestamps', 'true');
  if (options.previous) query.set('previous', 'true');
  return query;
}

/** The API server's way to every node's kubelet when they are served at `endpoint`. */
export function remoteKubelets(endpoint: KubeletEndpoint): KubeletDialer {
  const base = new URL(endpoint.url);
  const send = (method: string, path: string, query: URLSearchParams): Promise<{ status: number; body: string }> =>
    new Promise((resolve, reject) => {
      const request = base.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = request({ protocol: base.protocol, hostname: base.hostname, port: base.port, method, path: `${path}?${query}`, headers: { authorization: `Bearer ${endpoint.token}` }, ...(endpoint.ca ? { ca: endpoint.ca } : {}) });
      req.setTimeout(30_000, () => req.destroy(new Error('i/o timeout')));
      req.on('error', reject);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.end();
    });
  const call = async <T>(node: string, method: string, path: string, query: URLSearchParams, parse: (body: string) => T): Promise<KubeletAnswer<T>> => {
    const answer = await send(method, path, query).catch((error: Error) => {
      throw unreachable(node, path, `dial tcp ${base.host}: ${error.message}`);
    });
    if (answer.status === 200) return { ok: true, value: parse(answer.body) };
    if (answer.status === 400) return { ok: false, message: answer.body.trim() };
    if (answer.status === 503) throw unreachable(node, path);
    throw new ApiError(500, 'InternalError', `the kubelet at ${base.host} answered ${answer.status}: ${answer.body.trim().slice(0, 200)}`);
  };
  return (node) => ({
    containerLogs: (namespace, pod, uid, container, options) =>
      call(node, 'GET', `/containerLogs/${segment(namespace)}/${segment(pod)}/${segment(container)}`, logQuery(node, uid, options), (body) => body),
    exec: (namespace, pod, uid, container, command) => {
      const query = new URLSearchParams({ node });
      for (const c of command) query.append('command', c);
      return call(node, 'POST', `/run/${segment(namespace)}/${segment(pod)}/${segment(uid)}/${segment(container)}`, query, (body) => JSON.parse(body));
    },
  });
}

const LOGS = /^\/containerLogs\/([^/]+)\/([^/]+)\/([^/]+)$/;
const RUN = /^\/run\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)$/;

/**
 * The kubelet's side: answers the two paths above from `kubelets` (a node's running kubelet), and
 * false for any other path so the caller can answer it. Requests need `Bearer <token>`.
 */
export function serveKubeletApi(kubelets: KubeletDialer, token: string): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'https://kubelet');
    const logs = LOGS.exec(url.pathname);
    const run = RUN.exec(url.pathname);
    if (!logs && !run) return false;
    const reply = (status: number, body: string, type = 'text/plain; charset=utf-8') => void res.writeHead(status, { 'content-type': type }).end(body);
    if (req.headers.authorization !== `Bearer ${token}`) return reply(401, 'Unauthorized\n'), true;
    if (req.method !== (logs ? 'GET' : 'POST')) return reply(405, `${logs ? 'GET' : 'POST'} only\n`), true;
    const node = url.searchParams.get('node');
    const kubelet = node ? kubelets(node) : undefined;
    if (!kubelet) return reply(503, node ? `the kubelet of node ${node} is not running\n` : 'node: required\n'), true;
    const [ns, pod, ...rest] = (logs ?? run)!.slice(1).map(decodeURIComponent);
    try {
      const answer = logs
        ? await kubelet.containerLogs(ns, pod, url.searchParams.get('uid') ?? '', rest[0], logOptions(url.searchParams))
        : await kubelet.exec(ns, pod, rest[0], rest[1], url.searchParams.getAll('command'));
      if (!answer.ok) reply(400, answer.message);
      else if (typeof answer.value === 'string') reply(200, answer.value);
      else reply(200, JSON.stringify(answer.value), 'application/json');
    } catch (error) {
      reply(error instanceof ApiError ? error.code : 500, error instanceof Error ? error.message : String(error));
    }
    return true;
  };
}
