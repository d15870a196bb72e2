// Capability `objects` of the reference driver: every call goes through the API server's own
// request handling (createApiHandler), in process, so the reference and its HTTP server answer alike.
import type { Handlers } from './handlers.ts';
import { DriverError } from '../../contract/driver.ts';
import type { KubeObject, ListOptions, WatchEvent } from '../../contract/methods.ts';
import { memoryStore } from '../../../impl/store/index.ts';
import { createApiHandler, groupVersion, resourceForKind, type ApiHandler, type ApiRequest, type ResourceType, type StatusBody, type WatchEventOut } from '../../../impl/apiserver/index.ts';

/** Gives the API server to call (created lazily by the caller). */
type Api = () => ApiHandler | Promise<ApiHandler>;

export interface ObjectsHandlersOptions {
  /** Called after every successful create/update/patch/delete, so a read sees the components' reactions. */
  settle?: () => Promise<void>;
  /** Sent as User-Agent (the flow trace names the driver by it). */
  userAgent?: string;
}

function typeOf(kind: string): ResourceType {
  const type = resourceForKind(kind);
  if (!type) throw new DriverError({ code: 'NotFound', message: `the server doesn't have a resource type "${kind}"` });
  return type;
}

/** The REST path of a collection or object; namespaced kinds default to `default`. */
function pathOf(type: ResourceType, namespace: string | undefined, name?: string, subresource?: string, allNamespaces = false): string {
  const base = type.group ? `/apis/${type.group}/${type.version}` : `/api/${type.version}`;
  const ns = type.namespaced && !(allNamespaces && namespace === undefined) ? `/namespaces/${encodeURIComponent(namespace || 'default')}` : '';
  return `${base}${ns}/${type.resource}${name !== undefined ? `/${encodeURIComponent(name)}` : ''}${subresource ? `/${subresource}` : ''}`;
}

/** A Status failure as the protocol's DriverError (reason → code; Expired → Gone). */
function failure(status: StatusBody): DriverError {
  const code = status.reason === 'Expired' ? 'Gone' : status.reason;
  const causes = status.details?.causes?.map((c) => ({ field: c.field, message: c.message, type: c.reason }));
  return new DriverError({ code, message: status.message, ...(causes ? { causes } : {}) });
}

const query = (params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

async function call(api: Api, request: ApiRequest, userAgent?: string): Promise<any> {
  const response = await (await api()).handle(userAgent ? { ...request, headers: { ...request.headers, 'user-agent': userAgent } } : request);
  if ('watch' in response) throw new DriverError({ code: 'Internal', message: 'unexpected watch response' }, 'protocol');
  const body = JSON.parse(response.body);
  if (response.status >= 400) throw failure(body as StatusBody);
  return body;
}

const jsonBody = (value: unknown) => ({ headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(value)) });
const typed = (type: ResourceType, o: KubeObject): KubeObject => ({ apiVersion: groupVersion(type), kind: type.kind, ...o });

function listPath(p: Omit<ListOptions, 'limit' | 'continue'>, extra: Record<string, string | number | undefined>): string {
  const type = typeOf(p.kind);
  return pathOf(type, p.namespace, undefined, undefined, true) + query({ labelSelector: p.labelSelector, fieldSelector: p.fieldSelector, ...extra });
}

/**
 * objects.events in process: the events after a resourceVersion, until `max` of them or timeoutMs.
 * Without `max`: waits up to timeoutMs for the first, then takes what is ready (a replay arrives in one go).
 */
async function events(api: Api, path: string, timeoutMs: number, max: number | undefined): Promise<WatchEvent[]> {
  const response = await (await api()).handle({ method: 'GET', url: path });
  if (!('watch' in response)) throw failure(JSON.parse(response.body));
  const out: WatchEventOut[] = [];
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    void response.watch.start(
      (event) => {
        out.push(event);
        if ((max !== undefined && out.length >= max) || event.type === 'ERROR') return void (clearTimeout(timer), resolve());
        if (max === undefined && out.length === 1) clearTimeout(timer), setTimeout(resolve, 0);
      },
      () => (clearTimeout(timer), resolve()),
    );
  });
  await response.watch.stop();
  const error = out.find((e) => e.type === 'ERROR');
  if (error) throw failure(error.object as StatusBody);
  return out.slice(0, max ?? out.length) as WatchEvent[];
}

/** The `objects` handlers over one in-process API server. */
export function createObjectsHandlers(api: Api, options: ObjectsHandlersOptions = {}): Handlers<'objects'> {
  const read = (request: ApiRequest) => call(api, request, options.userAgent);
  const write = async (request: ApiRequest) => {
    const body = await call(api, request, options.userAgent);
    await options.settle?.();
    return body;
  };
  return {
    'objects.create': async ({ object }) => {
      const type = typeOf(String(object.kind));
      return { object: typed(type, await write({ method: 'POST', url: pathOf(type, object.metadata?.namespace), ...jsonBody(object) })) };
    },
    'objects.get': async ({ kind, namespace, name }) => {
      const type = typeOf(kind);
      return { object: await read({ method: 'GET', url: pathOf(type, namespace, name) }) };
    },
    'objects.list': async (p) => {
      const type = typeOf(p.kind);
      const list = await read({ method: 'GET', url: listPath(p, { limit: p.limit, continue: p.continue }) });
      return { items: list.items.map((o: KubeObject) => typed(type, o)), resourceVersion: list.metadata.resourceVersion, ...(list.metadata.continue ? { continue: list.metadata.continue } : {}) };
    },
    'objects.update': async ({ object, subresource }) => {
      const type = typeOf(String(object.kind));
      return { object: await write({ method: 'PUT', url: pathOf(type, object.metadata?.namespace, String(object.metadata?.name ?? ''), subresource), ...jsonBody(object) }) };
    },
    'objects.patch': async ({ kind, namespace, name, patch, subresource }) => {
      const type = typeOf(kind);
      const request = { method: 'PATCH', url: pathOf(type, namespace, name, subresource), headers: { 'content-type': 'application/merge-patch+json' }, body: Buffer.from(JSON.stringify(patch)) };
      return { object: await write(request) };
    },
    'objects.delete': async ({ kind, namespace, name, resourceVersion }) => {
      const type = typeOf(kind);
      const options = { kind: 'DeleteOptions', apiVersion: 'v1', ...(resourceVersion ? { preconditions: { resourceVersion } } : {}) };
      return { object: await write({ method: 'DELETE', url: pathOf(type, namespace, name), ...jsonBody(options) }) };
    },
    'objects.events': async (p) => {
      const path = listPath(p, { watch: 'true', resourceVersion: p.resourceVersion });
      const got = await events(api, path, p.timeoutMs ?? 1000, p.max);
      const last = got.length ? String(got[got.length - 1].object.metadata.resourceVersion) : p.resourceVersion;
      return { events: got, resourceVersion: last };
    },
  };
}

let shared: Promise<ApiHandler> | undefined;

/** The reference's `objects` capability, over one shared in-process API server on the memory store. */
export const objectsHandlers: Handlers<'objects'> = createObjectsHandlers(() => (shared ??= createApiHandler(memoryStore())));
