// The API server's request handling, independent of the transport: node:http and the in-process
// reference driver both call `handle`. A response is a JSON body or a watch stream; every
// failure is a Status body. `handle` never rejects. A request asking to switch protocols
// (Connection: Upgrade) is refused with 400 unless it is a pods/exec WebSocket handshake, which is
// answered 101 with the command's output for the transport to stream (execStream.ts).
import type { Store } from '../store/index.ts';
import type { Obj, ResourceType } from './resourceType.ts';
import { ResourceStore, translate } from './resourceStore.ts';
import { resourceRoute, type ResourceRoute } from './route.ts';
import { apiGroup, apiGroups, coreVersions, openApiV3, openApiV3Index, resourceList, VERSION } from './discovery.ts';
import { asObject, decodeBody, type PatchKind } from './decodeBody.ts';
import { listCollection, listObject, positiveInt, selection } from './listCollection.ts';
import { includeObjectParam, toTable, wantsTable } from './table.ts';
import { watchStream, type WatchStream } from './watchStream.ts';
import { applyPatch } from './patch.ts';
import { serveScale, type ScaleRequest } from './scale.ts';
import { withTypeMeta, type ServerEnv } from './objectMeta.ts';
import { ADMIN, createAuthenticator, type AuthenticationOptions, type UserInfo } from './authenticate.ts';
import { deleteOptionsDryRun, isDryRun } from './dryRun.ts';
import { answerReview, reviewAt } from './accessReviews.ts';
import { ApiError, badRequest, conflict, methodNotAllowed, pathNotFound } from './status.ts';
import { namespaces } from './kinds/namespaces.ts';
import { pods } from './kinds/pods.ts';
import { serviceAllocator } from './kinds/services.ts';
import { podExec, podLog, type ExecUpgrade, type KubeletDialer } from './nodeProxy.ts';
import { METRICS_CONTENT_TYPE, RequestCounter } from './requestMetrics.ts';

export interface ApiRequest {
  method: string;
  /** Path and query, e.g. `/api/v1/namespaces/default/pods?limit=10`. */
  url: string;
  headers?: Record<string, string | string[] | undefined>;
  body?: Buffer;
}

export type ApiResponse =
  /** status 101 (pods/exec upgraded to a WebSocket): `body` is the ExecOutput JSON the stream carries. */
  | { status: number; contentType: string; body: string }
  | { status: 200; contentType: string; watch: WatchStream; table?: (object: Obj, first: boolean) => Obj };

export const BOOTSTRAP_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export interface ApiHandler {
  handle(request: ApiRequest): Promise<ApiResponse>;
  readonly resources: ResourceStore;
}

const json = (status: number, body: unknown): ApiResponse => ({ status, contentType: 'application/json', body: JSON.stringify(body) });
const header = (r: ApiRequest, name: string) => {
  const v = r.headers?.[name];
  return Array.isArray(v) ? v.join(',') : v;
};

/** The protocol a request asks to switch to (Upgrade, with `upgrade` among Connection's tokens), or undefined. */
const upgradeOf = (r: ApiRequest): string | undefined => {
  const wanted = header(r, 'upgrade')?.trim();
  const connection = (header(r, 'connection') ?? '').split(',').map((t) => t.trim().toLowerCase());
  return wanted && connection.includes('upgrade') ? wanted : undefined;
};

export interface ApiHandlerOptions {
  /** Without it every request acts as the admin (no authentication). */
  authentication?: AuthenticationOptions;
  /** Time and identifiers (default: wall clock and crypto). */
  env?: ServerEnv;
  /** How pods/log and pods/exec reach a node's kubelet (without it: connection refused). */
  kubelets?: KubeletDialer;
}

/** Paths served to anyone, authenticated or not. */
const PUBLIC_PATHS = new Set(['/healthz', '/readyz', '/livez']);

/** Creates the handler and the bootstrap namespaces (existing ones are kept). */
export async function createApiHandler(store: Store, options: ApiHandlerOptions = {}): Promise<ApiHandler> {
  const resources = new ResourceStore(store, { beforeCreate: beforeCreate(), env: options.env });
  const authenticate = options.authentication ? createAuthenticator(resources, options.authentication) : undefined;
  for (const name of BOOTSTRAP_NAMESPACES) {
    await resources.create(namespaces, undefined, { metadata: { name } }).catch((error: unknown) => {
      if (!(error instanceof ApiError && error.reason === 'AlreadyExists')) throw error;
    });
  }
  const requests = new RequestCounter();
  const answer = async (request: ApiRequest): Promise<ApiResponse> => {
    try {
      const path = request.url.split('?')[0];
      const user = authenticate && !PUBLIC_PATHS.has(path) ? await authenticate(header(request, 'authorization')) : ADMIN;
      if (path === '/metrics') {
        if (!/^(GET|HEAD)$/i.test(request.method)) throw methodNotAllowed();
        return { status: 200, contentType: METRICS_CONTENT_TYPE, body: requests.text() };
      }
      return await dispatch(resources, request, options.kubelets, user);
    } catch (error) {
      const failure = translate(error);
      return json(failure.code, failure.body);
    }
  };
  return {
    resources,
    async handle(request) {
      const response = await answer(request);
      requests.count(request.method, response.status);
      return response;
    },
  };
}

function beforeCreate() {
  const allocate = serviceAllocator();
  return (type: ResourceType, object: Obj, dryRun: boolean) => {
    if (type.resource === 'services') allocate(object, dryRun);
  };
}

async function dispatch(rs: ResourceStore, request: ApiRequest, kubelets: KubeletDialer | undefined, user: UserInfo): Promise<ApiResponse> {
  let url: URL;
  try {
    url = new URL(request.url, 'http://apiserver');
  } catch {
    throw badRequest(`malformed request URL: ${request.url.slice(0, 100)}`);
  }
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const method = request.method.toUpperCase();
  const route = resourceRoute(path);
  const upgrade = upgradeOf(request);
  if (upgrade && !(route?.name !== undefined && route.subresource === 'exec'))
    throw badRequest(`upgrading a request to "${upgrade}" is not supported for ${path}: this server upgrades only pods/exec, to a WebSocket`);
  const nonResource = nonResourcePath(path);
  if (nonResource !== undefined) {
    if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed();
    return nonResource;
  }
  const review = reviewAt(path);
  if (review) {
    if (method !== 'POST') throw methodNotAllowed();
    isDryRun(method, url.searchParams.getAll('dryRun'));
    return json(201, answerReview(review, request.body, header(request, 'content-type'), user, rs.env.now()));
  }
  if (!route) throw pathNotFound();
  if (route.name !== undefined && (route.subresource === 'log' || route.subresource === 'exec')) return nodeProxy(rs, route, method, url.searchParams, request, kubelets);
  return resource(rs, route, method, url.searchParams, request);
}

/** pods/log (GET) and pods/exec (GET or POST), answered by the pod's kubelet. */
async function nodeProxy(rs: ResourceStore, route: ResourceRoute, method: string, query: URLSearchParams, request: ApiRequest, kubelets: KubeletDialer | undefined): Promise<ApiResponse> {
  const exec = route.subresource === 'exec';
  if (method !== 'GET' && !(exec && method === 'POST')) throw methodNotAllowed();
  const pod = await rs.get(route.type, route.namespace, route.name!);
  if (!exec) return { status: 200, contentType: 'text/plain', body: await podLog(pod, query, kubelets) };
  const wanted = upgradeOf(request);
  const upgrade: ExecUpgrade | undefined = wanted ? { upgrade: wanted, method, headers: request.headers ?? {} } : undefined;
  return json(upgrade ? 101 : 200, await podExec(pod, query, upgrade, kubelets));
}

function nonResourcePath(path: string): ApiResponse | undefined {
  if (path === '/healthz' || path === '/readyz' || path === '/livez') return { status: 200, contentType: 'text/plain', body: 'ok' };
  if (path === '/version') return json(200, VERSION);
  if (path === '/api') return json(200, coreVersions());
  if (path === '/apis') return json(200, apiGroups());
  if (path === '/openapi/v3') return json(200, openApiV3Index());
  const openapi = /^\/openapi\/v3\/(.+)$/.exec(path);
  if (openapi) return found(openApiV3(openapi[1]));
  const core = /^\/api\/([^/]+)$/.exec(path);
  if (core) return found(resourceList('', core[1]));
  const group = /^\/apis\/([^/]+)$/.exec(path);
  if (group) return found(apiGroup(group[1]));
  const groupVersion = /^\/apis\/([^/]+)\/([^/]+)$/.exec(path);
  if (groupVersion) return found(resourceList(groupVersion[1], groupVersion[2]));
  return undefined;
}

const found = (doc: unknown): ApiResponse => {
  if (doc === undefined) throw pathNotFound();
  return json(200, doc);
};

async function resource(rs: ResourceStore, route: ResourceRoute, method: string, query: URLSearchParams, request: ApiRequest): Promise<ApiResponse> {
  const { type, namespace, name, subresource } = route;
  // DeleteOptions come from a DELETE's body when it has one, else from the query, as upstream decodes them.
  const deleteOptions: Obj | undefined = method === 'DELETE' && request.body?.length ? decodeBody(request.body, header(request, 'content-type')).value as Obj : undefined;
  if (isDryRun(method, deleteOptions ? deleteOptionsDryRun(deleteOptions) : query.getAll('dryRun'))) rs = rs.asDryRun();
  const accept = header(request, 'accept');
  const table = wantsTable(accept);
  const include = includeObjectParam(query.get('includeObject'));
  const typed = (object: Obj) => withTypeMeta(type, object);
  const body = (patch = false) => decodeBody(request.body, header(request, 'content-type'), patch);

  if (name === undefined) {
    if (method === 'GET' && (query.get('watch') === 'true' || query.get('watch') === '1')) {
      const stream = watchStream(rs, type, namespace, {
        match: selection(type, query),
        resourceVersion: query.get('resourceVersion') ?? '',
        timeoutSeconds: positiveInt(query, 'timeoutSeconds'),
      });
      const asTable = table ? (object: Obj, first: boolean) => toTable(type, [object], {}, { include, headers: first }) : undefined;
      return { status: 200, contentType: 'application/json', watch: stream, ...(asTable ? { table: asTable } : {}) };
    }
    if (method === 'GET') {
      const outcome = await listCollection(rs, type, namespace, query);
      return json(200, table ? toTable(type, outcome.items, outcome.listMeta, { include, headers: query.get('noHeaders') !== 'true' }) : listObject(type, outcome));
    }
    if (method === 'POST') {
      if (type.namespaced && namespace === undefined) throw methodNotAllowed();
      const object = asObject(type, body().value);
      if (type.namespaced && object.metadata.namespace && object.metadata.namespace !== namespace)
        throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      return json(201, typed(await rs.create(type, namespace, object)));
    }
    if (method === 'DELETE') {
      const outcome = await listCollection(rs, type, namespace, query);
      const deleted: Obj[] = [];
      for (const item of outcome.items) {
        const gone = await rs.delete(type, item.metadata.namespace, item.metadata.name).catch(ignoreNotFound);
        if (gone) deleted.push(gone);
      }
      return json(200, listObject(type, { items: deleted, listMeta: outcome.listMeta }));
    }
    throw methodNotAllowed();
  }

  if (subresource === 'binding') {
    if (method !== 'POST') throw methodNotAllowed();
    return bind(rs, namespace!, name, body().value);
  }
  if (subresource === 'scale') return json(200, await serveScale(rs, type, namespace, name, scaleRequest(method, body)));
  switch (method) {
    case 'GET': {
      if (subresource === 'finalize') throw methodNotAllowed();
      const object = await rs.get(type, namespace, name);
      return json(200, table ? toTable(type, [object], { resourceVersion: object.metadata.resourceVersion }, { include, headers: true }) : typed(object));
    }
    case 'PUT': {
      const object = asObject(type, body().value);
      if (type.namespaced && object.metadata.namespace && object.metadata.namespace !== namespace)
        throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      return json(200, typed(await rs.update(type, namespace, name, () => object, subresource)));
    }
    case 'PATCH': {
      if (subresource === 'finalize') throw methodNotAllowed();
      const { value, patchKind } = patchBody(body);
      const updated = await rs.update(type, namespace, name, (current) => {
        const next = asObject(type, applyPatch(patchKind, typed(current), value));
        if (next.metadata.resourceVersion === current.metadata.resourceVersion) delete next.metadata.resourceVersion;
        return next;
      }, subresource);
      return json(200, typed(updated));
    }
    case 'DELETE': {
      if (subresource) throw methodNotAllowed();
      const pre = typeof deleteOptions === 'object' && deleteOptions !== null ? deleteOptions.preconditions ?? {} : {};
      const deleted = await rs.delete(type, namespace, name, { uid: stringOrUndefined(pre.uid), resourceVersion: stringOrUndefined(pre.resourceVersion) });
      return json(deleted.metadata.deletionTimestamp ? 202 : 200, typed(deleted));
    }
    default:
      throw methodNotAllowed();
  }
}

type BodyDecoder = (patch?: boolean) => { value: unknown; patchKind?: PatchKind };

/** A PATCH body and its kind; merge patches must be JSON objects. */
function patchBody(body: BodyDecoder): { value: unknown; patchKind: PatchKind } {
  const { value, patchKind = 'merge' } = body(true);
  if (patchKind !== 'json' && (typeof value !== 'object' || value === null || Array.isArray(value))) throw badRequest('the patch is not a JSON object');
  return { value, patchKind };
}

function scaleRequest(method: string, body: BodyDecoder): ScaleRequest {
  if (method === 'GET') return { method };
  if (method === 'PUT') return { method, body: body().value };
  if (method === 'PATCH') {
    const { value, patchKind } = patchBody(body);
    return { method, body: value, patchKind };
  }
  throw methodNotAllowed();
}

/** Drops metadata.resourceVersion so that an update retries lost races instead of failing. */
const unversioned = (object: Obj): Obj => {
  const { resourceVersion: _, ...metadata } = object.metadata;
  return { ...object, metadata };
};

const stringOrUndefined = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

const ignoreNotFound = (error: unknown): undefined => {
  if (error instanceof ApiError && error.code === 404) return undefined;
  throw error;
};

/** pods/binding: assigns an unassigned pod to a node (the scheduler's write). */
async function bind(rs: ResourceStore, namespace: string, name: string, value: unknown): Promise<ApiResponse> {
  const binding = asObject(pods, value, 'Binding', 'v1');
  const target = binding.target;
  if (typeof target !== 'object' || target === null || typeof target.name !== 'string' || target.name === '')
    throw badRequest('Binding target.name is required');
  if (target.kind !== undefined && target.kind !== '' && target.kind !== 'Node') throw badRequest(`Binding target kind must be Node, not ${String(target.kind)}`);
  const bindingName = { resource: 'pods/binding', group: '' };
  await rs.update(pods, namespace, name, (pod) => {
    if (pod.metadata.deletionTimestamp) throw conflict(bindingName, name, `pod ${name} is being deleted, cannot be assigned to a host`);
    if (pod.spec?.nodeName) throw conflict(bindingName, name, `pod ${name} is already assigned to node "${pod.spec.nodeName}"`);
    return unversioned({ ...pod, spec: { ...pod.spec, nodeName: target.name } });
  });
  await rs.update(pods, namespace, name, (pod) => {
    const conditions = (pod.status?.conditions ?? []).filter((c: Obj) => c.type !== 'PodScheduled');
    return unversioned({ ...pod, status: { ...pod.status, conditions: [...conditions, { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rs.env.now() }] } });
  }, 'status');
  return json(201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}
