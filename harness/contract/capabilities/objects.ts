// Capability `objects`: the Kubernetes object API as black-box behaviour (create, get, list,
// update with resourceVersion, patch, delete, events since a resourceVersion).
// Errors are DriverErrors whose code is the Kubernetes Status reason (NotFound, AlreadyExists,
// Conflict, Invalid, Gone, BadRequest, Forbidden) with `causes` carrying field errors.

export type KubeObject = {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name?: string;
    generateName?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean }[];
    finalizers?: string[];
    [field: string]: unknown;
  };
  [field: string]: unknown;
};

/** Which object: kind (e.g. `Pod`), namespace for namespaced kinds, name. */
export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

export interface ListOptions {
  kind: string;
  /** Omitted: all namespaces (namespaced kinds) or cluster scope. */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
}

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: KubeObject;
}

export interface ObjectsMethods {
  'objects.create': { params: { object: KubeObject }; result: { object: KubeObject } };
  'objects.get': { params: ObjectRef; result: { object: KubeObject } };
  'objects.list': { params: ListOptions; result: { items: KubeObject[]; resourceVersion: string; continue?: string } };
  /** Replace; `object.metadata.resourceVersion`, when set, must be current or the call fails with Conflict. */
  'objects.update': { params: { object: KubeObject; subresource?: 'status' }; result: { object: KubeObject } };
  /** JSON merge patch (RFC 7386). */
  'objects.patch': { params: ObjectRef & { patch: unknown; subresource?: 'status' }; result: { object: KubeObject } };
  'objects.delete': { params: ObjectRef & { resourceVersion?: string }; result: { object?: KubeObject } };
  /**
   * The events after `resourceVersion`, oldest first. With `max`: returns when `max` events have
   * arrived or `timeoutMs` has passed, whichever is first. Without: waits up to `timeoutMs` for the
   * first event, then returns what follows it without a pause (over a network: until the stream is
   * quiet for a moment). A resourceVersion older than the kept history fails with Gone.
   */
  'objects.events': {
    params: Omit<ListOptions, 'limit' | 'continue'> & { resourceVersion: string; timeoutMs?: number; max?: number };
    result: { events: WatchEvent[]; resourceVersion: string };
  };
}
