// ApiClient over a Transport: builds REST paths, encodes JSON bodies, turns Status failures into
// ApiStatusError, and delivers watch events as tasks (one lane per watch) when given a Tasks.
import type { Tasks } from '../clock/index.ts';
import type { ApiClient, DeleteOptions, KubeObject, ListResult, Selection, WatchEvent, WatchHandle, WatchHandlers } from './ApiClient.ts';
import { ApiStatusError } from './ApiStatusError.ts';
import { apiVersionOf, queryString, resourcePath, resourceType } from './resourcePath.ts';
import type { Transport, TransportRequest } from './Transport.ts';

export interface RestClientOptions {
  transport: Transport;
  /** Default `kconform`. */
  userAgent?: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Where watch events are delivered; without it they are delivered as they arrive. */
  tasks?: Tasks;
}

export class RestClient implements ApiClient {
  readonly userAgent: string;
  private readonly watchIds: { next: number };

  constructor(private readonly options: RestClientOptions, watchIds = { next: 0 }) {
    this.userAgent = options.userAgent ?? 'kconform';
    this.watchIds = watchIds;
  }

  as(userAgent: string): ApiClient {
    return new RestClient({ ...this.options, userAgent }, this.watchIds);
  }

  async get<T extends KubeObject>(kind: string, namespace: string | undefined, name: string): Promise<T> {
    return this.call('GET', resourcePath(resourceType(kind), namespace ?? 'default', name));
  }

  async list<T extends KubeObject>(kind: string, selection: Selection = {}): Promise<ListResult<T>> {
    const type = resourceType(kind);
    const list = await this.call('GET', resourcePath(type, selection.namespace) + queryString({ labelSelector: selection.labelSelector, fieldSelector: selection.fieldSelector }));
    const apiVersion = apiVersionOf(type);
    return { items: list.items.map((o: T) => ({ apiVersion, kind: type.kind, ...o })), resourceVersion: list.metadata.resourceVersion };
  }

  create<T extends KubeObject>(object: T): Promise<T> {
    const type = resourceType(String(object.kind));
    return this.call('POST', resourcePath(type, type.namespaced ? object.metadata.namespace ?? 'default' : undefined), object);
  }

  update<T extends KubeObject>(object: T, subresource?: 'status' | 'finalize'): Promise<T> {
    return this.call('PUT', resourcePath(resourceType(String(object.kind)), object.metadata.namespace, String(object.metadata.name), subresource), object);
  }

  updateStatus<T extends KubeObject>(object: T): Promise<T> {
    return this.update(object, 'status');
  }

  patch<T extends KubeObject>(kind: string, namespace: string | undefined, name: string, patch: unknown, subresource?: 'status'): Promise<T> {
    return this.call('PATCH', resourcePath(resourceType(kind), namespace, name, subresource), patch, 'application/merge-patch+json');
  }

  delete(kind: string, namespace: string | undefined, name: string, options: DeleteOptions = {}): Promise<KubeObject> {
    const preconditions = options.resourceVersion || options.uid ? { preconditions: { resourceVersion: options.resourceVersion, uid: options.uid } } : {};
    return this.call('DELETE', resourcePath(resourceType(kind), namespace, name), { kind: 'DeleteOptions', apiVersion: 'v1', ...preconditions });
  }

  async deleteCollection(kind: string, namespace: string): Promise<void> {
    await this.call('DELETE', resourcePath(resourceType(kind), namespace));
  }

  async bind(namespace: string, podName: string, nodeName: string): Promise<void> {
    const binding = { apiVersion: 'v1', kind: 'Binding', metadata: { name: podName, namespace }, target: { apiVersion: 'v1', kind: 'Node', name: nodeName } };
    await this.call('POST', resourcePath(resourceType('Pod'), namespace, podName, 'binding'), binding);
  }

  getPath(path: string): Promise<any> {
    return this.call('GET', path);
  }

  watch<T extends KubeObject>(kind: string, selection: Selection & { resourceVersion?: string }, handlers: WatchHandlers<T>): WatchHandle {
    const type = resourceType(kind);
    const path = resourcePath(type, selection.namespace) + queryString({
      watch: 'true', labelSelector: selection.labelSelector, fieldSelector: selection.fieldSelector, resourceVersion: selection.resourceVersion, allowWatchBookmarks: 'true',
    });
    const lane = `watch ${this.userAgent} ${type.resource}#${this.watchIds.next++}`;
    const apiVersion = apiVersionOf(type);
    let stopped = false;
    const deliver = (name: string, fn: () => void) => {
      const guarded = () => void (stopped || fn());
      if (this.options.tasks) this.options.tasks.enqueue(lane, name, guarded);
      else guarded();
    };
    const stream = this.options.transport.watch(
      this.request('GET', path),
      (event) => {
        const object = event.type === 'ERROR' || event.type === 'BOOKMARK' ? event.object : { apiVersion, kind: type.kind, ...event.object };
        deliver(event.type, () => handlers.onEvent({ type: event.type, object } as WatchEvent<T>));
      },
      (error) => deliver('end', () => {
        stopped = true;
        handlers.onEnd?.(error);
      }),
    );
    return {
      stop() {
        stopped = true;
        stream.stop();
      },
    };
  }

  private request(method: string, path: string, body?: unknown, contentType = 'application/json'): TransportRequest {
    const headers: Record<string, string> = { 'user-agent': this.userAgent, accept: 'application/json' };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    if (body !== undefined) headers['content-type'] = contentType;
    return { method, path, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) };
  }

  private async call(method: string, path: string, body?: unknown, contentType?: string): Promise<any> {
    const response = await this.options.transport.request(this.request(method, path, body, contentType));
    if (response.status >= 400) {
      const status = response.body ?? {};
      throw new ApiStatusError(response.status, String(status.reason ?? 'Unknown'), String(status.message ?? `HTTP ${response.status}`), status);
    }
    return response.body;
  }
}
