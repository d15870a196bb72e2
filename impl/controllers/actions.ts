// The API writes a controller's reconcile logic asks for. The ReplicaSet, Deployment,
// node-lifecycle and garbage-collector reconcilers are pure (current state in, actions out); the
// component that wires one applies its actions in order through the ApiClient:
//   create       → client.create(object)
//   update       → client.update(object)            (object carries the resourceVersion it was read at)
//   updateStatus → client.updateStatus(object)
//   patch        → client.patch(kind, namespace, name, patch, subresource)   (JSON merge patch)
//   delete       → client.delete(kind, namespace, name, preconditions)
// and records `event`, when present, with the EventRecorder. A failed action means "requeue the key".
import type { KubeObject } from '../client/index.ts';

export type ActionVerb = 'create' | 'update' | 'updateStatus' | 'patch' | 'delete';

/** A core/v1 Event the controller would record (upstream's recorder.Eventf). */
export interface ActionEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** The object the event is about (metadata.uid included when known). */
  regarding: KubeObject;
}

export interface Action {
  verb: ActionVerb;
  kind: string;
  namespace?: string;
  name?: string;
  /** create / update / updateStatus: the whole object to send. */
  object?: KubeObject;
  /** patch: a JSON merge patch (RFC 7386). */
  patch?: unknown;
  subresource?: 'status';
  /** delete: only delete this exact object (upstream's DeleteOptions.Preconditions). */
  preconditions?: { uid?: string; resourceVersion?: string };
  /** Why, in words (for traces and test diffs). */
  reason: string;
  event?: ActionEvent;
}

/** What a reconcile returns: the actions, and when to look again even if nothing changes. */
export interface Reconciled<S = unknown> {
  actions: Action[];
  status: S;
  /** Resync the key after this many milliseconds (timers: minReadySeconds, progress deadline...). */
  requeueAfterMs?: number;
}

const where = (o: KubeObject) => ({ kind: String(o.kind), namespace: o.metadata.namespace, name: o.metadata.name });

export const createAction = (object: KubeObject, reason: string, event?: ActionEvent): Action => ({ verb: 'create', ...where(object), object, reason, ...(event && { event }) });

export const updateAction = (object: KubeObject, reason: string, event?: ActionEvent): Action => ({ verb: 'update', ...where(object), object, reason, ...(event && { event }) });

export const updateStatusAction = (object: KubeObject, reason: string): Action => ({ verb: 'updateStatus', ...where(object), object, reason });

export function patchAction(target: KubeObject, patch: unknown, reason: string, options: { subresource?: 'status'; event?: ActionEvent } = {}): Action {
  return { verb: 'patch', ...where(target), patch, reason, ...options };
}

export function deleteAction(target: KubeObject, reason: string, options: { preconditions?: Action['preconditions']; event?: ActionEvent } = {}): Action {
  return { verb: 'delete', ...where(target), reason, ...options };
}

/** The earliest of two optional delays. */
export function earliest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
