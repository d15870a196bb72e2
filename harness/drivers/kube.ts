// The `kube` driver: capability `objects` over the Kubernetes REST API of any server — the
// reference API server over HTTP or a real cluster — through @kubernetes/client-node.
//
// On a shared cluster (defaultNamespace 'own') an object whose scenario names no namespace goes
// into a namespace the driver owns, `kconform-<random>`; close() deletes every namespace the
// driver created. With defaultNamespace 'server' the server's default (the context's namespace,
// else `default`) applies, as a fresh API server per run allows.
import { randomBytes } from 'node:crypto';
import './kube/node20.ts';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import type { Driver } from '../contract/driver.ts';
import { DriverError } from '../contract/driver.ts';
import type { Hello, KubeObject, ListOptions, Method, ObjectsMethods, Params, Result } from '../contract/methods.ts';
import { PROTOCOL_VERSION } from '../contract/methods.ts';
import { RawApi } from './kube/rawApi.ts';
import { KindIndex, resourcePath, type KindInfo } from './kube/kindIndex.ts';
import { okBody } from './kube/statusError.ts';
import { collectEvents } from './kube/watchEvents.ts';

export interface KubeDriverOptions {
  /** 'own' (default): namespace-less objects go into a namespace the driver creates; 'server': the server decides. */
  defaultNamespace?: 'own' | 'server';
  /** Delete the namespaces the driver created on close (default true). */
  cleanup?: boolean;
  /** The driver's name in reports (default `kube`). */
  name?: string;
  description?: string;
  /** Runs after the driver's own cleanup in close() (e.g. stopping an in-process server). */
  onClose?: () => Promise<void>;
  /** objects.events without `max`: how long the stream must be quiet after an event before the call returns (default 50 ms). */
  quietMs?: number;
}

/** A KubeConfig for `https://…`/`http://…` (no credentials), a kubeconfig path, or '' for the default (KUBECONFIG, ~/.kube/config). */
export function kubeConfigFor(target: string): KubeConfig {
  const kc = new KubeConfig();
  if (target === '') kc.loadFromDefault();
  else if (/^https?:\/\//.test(target)) {
    kc.loadFromOptions({
      clusters: [{ name: 'target', server: target.replace(/\/+$/, ''), skipTLSVerify: target.startsWith('http://') }],
      users: [{ name: 'kconform' }],
      contexts: [{ name: 'target', cluster: 'target', user: 'kconform' }],
      currentContext: 'target',
    });
  } else kc.loadFromFile(target);
  if (!kc.getCurrentCluster()) throw new Error(`--driver kube:${target}: the kubeconfig has no current cluster`);
  return kc;
}

type ObjectsHandlers = { [M in keyof ObjectsMethods]: (p: Params<M>) => Promise<Result<M>> };

/** Connects (GET /version) and returns the driver; rejects when the server does not answer. */
export async function createKubeDriver(target: string | KubeConfig, options: KubeDriverOptions = {}): Promise<Driver> {
  const kc = typeof target === 'string' ? kubeConfigFor(target) : target;
  const api = RawApi.forConfig(kc);
  const core = kc.makeApiClient(CoreV1Api);
  const server = kc.getCurrentCluster()!.server;
  const version = await api.send({ method: 'GET', path: '/version' }).catch((e: Error) => {
    throw new Error(`--driver kube: the API server at ${server} does not answer: ${e.message}`);
  });
  const kinds = new KindIndex(api);
  const created = new Set<string>();
  const own = (options.defaultNamespace ?? 'own') === 'own';
  const contextNamespace = kc.getContextObject(kc.currentContext)?.namespace || 'default';
  let ownNamespace: Promise<string> | undefined;

  /** The namespace a namespace-less object of a namespaced kind goes to. */
  const defaultNamespace = (): Promise<string> => {
    if (!own) return Promise.resolve(contextNamespace);
    return (ownNamespace ??= (async () => {
      const name = `kconform-${randomBytes(4).toString('hex')}`;
      await core.createNamespace({ body: { metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'kconform' } } } });
      created.add(name);
      return name;
    })());
  };
  const namespaceOf = async (info: KindInfo, namespace: string | undefined) => (info.namespaced ? (namespace ?? (await defaultNamespace())) : undefined);
  const objectPath = async (kind: string, namespace: string | undefined, name: string, subresource?: string) => {
    if (name === '') throw new DriverError({ code: 'BadRequest', message: 'resource name may not be empty' });
    const info = await kinds.lookup(kind);
    return { info, path: resourcePath(info, await namespaceOf(info, namespace), name, subresource) };
  };
  const collection = async (p: Pick<ListOptions, 'kind' | 'namespace'>) => {
    const info = await kinds.lookup(p.kind);
    return { info, path: resourcePath(info, info.namespaced ? p.namespace : undefined) };
  };
  const typed = (info: KindInfo, o: KubeObject): KubeObject => ({ apiVersion: info.apiVersion, kind: info.kind, ...o });
  const requireKind = (o: KubeObject) => {
    if (typeof o.kind !== 'string' || !o.kind) throw new DriverError({ code: 'BadRequest', message: 'Object \'Kind\' is missing in the object' });
    return o.kind;
  };

  const handlers: ObjectsHandlers = {
    async 'objects.create'({ object }) {
      const info = await kinds.lookup(requireKind(object));
      const path = resourcePath(info, await namespaceOf(info, object.metadata?.namespace));
      const made = okBody(await api.send({ method: 'POST', path, body: object }));
      if (info.kind === 'Namespace') created.add(made.metadata.name);
      return { object: made };
    },
    async 'objects.get'({ kind, namespace, name }) {
      const { path } = await objectPath(kind, namespace, name);
      return { object: okBody(await api.send({ method: 'GET', path })) };
    },
    async 'objects.list'(p) {
      const { info, path } = await collection(p);
      const query = { labelSelector: p.labelSelector, fieldSelector: p.fieldSelector, limit: p.limit, continue: p.continue };
      const list = okBody(await api.send({ method: 'GET', path, query }));
      const meta = list.metadata ?? {};
      return { items: (list.items ?? []).map((o: KubeObject) => typed(info, o)), resourceVersion: String(meta.resourceVersion ?? ''), ...(meta.continue ? { continue: meta.continue } : {}) };
    },
    async 'objects.update'({ object, subresource }) {
      const { path } = await objectPath(requireKind(object), object.metadata?.namespace, String(object.metadata?.name ?? ''), subresource);
      return { object: okBody(await api.send({ method: 'PUT', path, body: object })) };
    },
    async 'objects.patch'({ kind, namespace, name, patch, subresource }) {
      const { path } = await objectPath(kind, namespace, name, subresource);
      return { object: okBody(await api.send({ method: 'PATCH', path, body: patch, contentType: 'application/merge-patch+json' })) };
    },
    async 'objects.delete'({ kind, namespace, name, resourceVersion }) {
      const { path } = await objectPath(kind, namespace, name);
      const body = { kind: 'DeleteOptions', apiVersion: 'v1', ...(resourceVersion ? { preconditions: { resourceVersion } } : {}) };
      const gone = okBody(await api.send({ method: 'DELETE', path, body }));
      return gone?.kind === 'Status' ? {} : { object: gone };
    },
    async 'objects.events'(p) {
      const { path } = await collection(p);
      const query = { resourceVersion: p.resourceVersion, labelSelector: p.labelSelector, fieldSelector: p.fieldSelector };
      const events = await collectEvents(kc, { path, query, timeoutMs: p.timeoutMs ?? 1000, max: p.max, quietMs: options.quietMs ?? 50 });
      const last = events.at(-1)?.object.metadata.resourceVersion;
      return { events, resourceVersion: last ? String(last) : p.resourceVersion };
    },
  };

  const gitVersion = version.status === 200 && typeof version.body?.gitVersion === 'string' ? version.body.gitVersion : undefined;
  const hello: Hello = {
    protocol: PROTOCOL_VERSION,
    implementation: { name: options.name ?? 'kube', ...(gitVersion ? { version: gitVersion } : {}), description: options.description ?? `the Kubernetes API at ${server}` },
    capabilities: ['objects'],
  };
  return {
    name: options.name ?? 'kube',
    hello,
    has: (c) => hello.capabilities.includes(c),
    async call<M extends Method>(method: M, params: Params<M>): Promise<Result<M>> {
      if (method === 'hello') return hello as Result<M>;
      if (method === 'shutdown') return {} as Result<M>;
      const h = (handlers as Record<string, (p: unknown) => Promise<unknown>>)[method];
      if (!h) throw new DriverError({ code: 'MethodNotFound', message: `method ${method} is not implemented by the kube driver` });
      return (await h(params)) as Result<M>;
    },
    async close() {
      if (options.cleanup ?? true) {
        await Promise.all([...created].map((name) => core.deleteNamespace({ name }).catch(() => undefined)));
      }
      await options.onClose?.();
    },
  };
}
