// The one way a control-plane component talks to the cluster: the API server's REST API, in
// process or over HTTP. Components never hold a Store (FLOW-6).
//
// Every method rejects with ApiStatusError for a Kubernetes Status failure (404, 409, ...) and
// with TransportError when the server could not be reached. Objects returned are fresh copies the
// caller owns.

export type KubeObject = {
  apiVersion?: string;
  kind?: string;
  metadata: { name?: string; namespace?: string; uid?: string; resourceVersion?: string; [field: string]: any };
  [field: string]: any;
};

/** metav1.OwnerReference: the object that owns this one (ReplicaSet → Pod, Service → EndpointSlice). */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface Selection {
  /** Omitted: all namespaces (or cluster scope). */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface ListResult<T = KubeObject> {
  items: T[];
  resourceVersion: string;
}

export interface WatchEvent<T = KubeObject> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  /** For ERROR: the Status object. */
  object: T;
}

export interface WatchHandlers<T = KubeObject> {
  /** Called once per event, in order, as a task in the watch's lane. */
  onEvent(event: WatchEvent<T>): void;
  /** Called once when the stream ends on its own (server closed it, or it failed to start). */
  onEnd?(error?: Error): void;
}

export interface WatchHandle {
  /** Stops delivery; idempotent. No onEvent/onEnd runs after it. */
  stop(): void;
}

export interface DeleteOptions {
  /** Precondition: delete only this version. */
  resourceVersion?: string;
  uid?: string;
}

export interface ApiClient {
  /** Sent as the User-Agent; the flow trace attributes requests by it. */
  readonly userAgent: string;
  /** The same connection, presenting another User-Agent. */
  as(userAgent: string): ApiClient;
  get<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): Promise<T>;
  list<T extends KubeObject = KubeObject>(kind: string, selection?: Selection): Promise<ListResult<T>>;
  /** `object.kind` names the resource; a namespaced object without namespace goes to `default`. */
  create<T extends KubeObject>(object: T): Promise<T>;
  /** Replace (or replace a subresource); a set metadata.resourceVersion must be current (409 Conflict otherwise). */
  update<T extends KubeObject>(object: T, subresource?: 'status' | 'finalize'): Promise<T>;
  /** Replace the status subresource. */
  updateStatus<T extends KubeObject>(object: T): Promise<T>;
  /** JSON merge patch (RFC 7386), of the object or of a subresource (`status`). */
  patch<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string, patch: unknown, subresource?: 'status'): Promise<T>;
  /** The object as deleted, or as marked for deletion when finalizers remain. */
  delete(kind: string, namespace: string | undefined, name: string, options?: DeleteOptions): Promise<KubeObject>;
  /** DELETE on a collection (deletecollection) in one namespace. */
  deleteCollection(kind: string, namespace: string): Promise<void>;
  /** From `resourceVersion` ('' or '0': the current state first, as ADDED events). */
  watch<T extends KubeObject = KubeObject>(kind: string, selection: Selection & { resourceVersion?: string }, handlers: WatchHandlers<T>): WatchHandle;
  /** POST pods/{name}/binding. */
  bind(namespace: string, podName: string, nodeName: string): Promise<void>;
  /** Raw GET of a path (discovery documents). */
  getPath(path: string): Promise<any>;
}
