import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The few API server answers kubectl needs to run its selector code against no cluster: discovery
 * (core v1 with configmaps and pods, and the metrics.k8s.io group that `kubectl top` looks for)
 * and empty pod and pod-metrics lists.
 *
 * Contract: a list of pod metrics in namespace `<ns>` records the request's `labelSelector`
 * query parameter ('' when absent); `takeSelector(ns)` returns and forgets it. kubectl's metrics
 * client sends `labels.Parse(selector).String()` there, so the recorded text is upstream's
 * canonical form of the selector. Listens on 127.0.0.1 only; never writes anything to disk.
 */
export class ApiStub {
  private readonly selectors = new Map<string, string>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<ApiStub> {
    let stub: ApiStub | undefined;
    const server = createServer((req, res) => stub!.answer(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    stub = new ApiStub(server, `http://127.0.0.1:${port}`);
    return stub;
  }

  /** The canonical selector kubectl sent for namespace `ns`, or undefined if it sent none. */
  takeSelector(ns: string): string | undefined {
    const s = this.selectors.get(ns);
    this.selectors.delete(ns);
    return s;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    const metricsList = /^\/apis\/metrics\.k8s\.io\/v1beta1\/namespaces\/([^/]+)\/pods$/.exec(url.pathname);
    if (metricsList) this.selectors.set(metricsList[1], url.searchParams.get('labelSelector') ?? '');
    const body = metricsList ? list('metrics.k8s.io/v1beta1', 'PodMetricsList') : answerFor(url.pathname);
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 }));
  }
}

function list(apiVersion: string, kind: string): object {
  return { kind, apiVersion, metadata: {}, items: [] };
}

function resource(name: string, kind: string, verbs: string[]): object {
  return { name, singularName: kind.toLowerCase(), namespaced: true, kind, verbs };
}

const metricsVersion = { groupVersion: 'metrics.k8s.io/v1beta1', version: 'v1beta1' };

const DISCOVERY: Record<string, object> = {
  '/api': { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] },
  '/apis': {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [{ name: 'metrics.k8s.io', versions: [metricsVersion], preferredVersion: metricsVersion }],
  },
  '/api/v1': {
    kind: 'APIResourceList',
    groupVersion: 'v1',
    resources: [resource('configmaps', 'ConfigMap', ['create', 'get', 'list']), resource('pods', 'Pod', ['get', 'list'])],
  },
  '/apis/metrics.k8s.io/v1beta1': {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: 'metrics.k8s.io/v1beta1',
    resources: [resource('pods', 'PodMetrics', ['get', 'list'])],
  },
};

function answerFor(path: string): object | undefined {
  if (/^\/api\/v1\/namespaces\/[^/]+\/pods$/.test(path)) return list('v1', 'PodList');
  return DISCOVERY[path];
}
