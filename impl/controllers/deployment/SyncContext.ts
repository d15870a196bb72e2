// The working state of one Deployment sync. Upstream's sync issues API calls as it goes and
// carries on with the objects they return; here every write lands on a working copy and
// `finish` turns the copies into actions, one create or update per ReplicaSet.
import type { KubeObject } from '../../client/index.ts';
import { deleteAction, patchAction, updateAction, updateStatusAction, type Action, type ActionEvent } from '../actions.ts';
import { clone, deepEqual } from '../replicaset/objects.ts';
import { REVISION, replicasAnnotationsNeedUpdate, setReplicasAnnotations } from './annotations.ts';
import { desiredReplicas, maxSurge } from './intOrPercent.ts';
import { specReplicas } from './replicaSetSets.ts';

export interface SyncContext {
  now: number;
  /** As read; the status and annotations it had decide what `finish` must write. */
  readonly original: KubeObject;
  /** Working copy: annotations, spec (rollback) and status change during the sync. */
  d: KubeObject;
  /** Working copies of the ReplicaSets the Deployment controls (plus any it creates). */
  rss: KubeObject[];
  /** Every ReplicaSet in the namespace, as read (name collisions). */
  allInNamespace: readonly KubeObject[];
  /** Pods in the namespace, as read. */
  pods: readonly KubeObject[];
  actions: Action[];
  /** ReplicaSets written so far, and the action that will carry each. */
  written: Map<KubeObject, Action>;
  requeueAfterMs?: number;
  /** The Deployment spec changed (rollback): `finish` sends an update instead of an annotation patch. */
  specChanged?: boolean;
  /** An event about the Deployment itself, carried by its update (rollback). */
  deploymentEvent?: ActionEvent;
  /** The status to write; set by the status step of the sync. */
  status?: Record<string, unknown>;
}

export function newSyncContext(d: KubeObject, rss: KubeObject[], allInNamespace: readonly KubeObject[], pods: readonly KubeObject[], now: number): SyncContext {
  const working = clone(d);
  working.status = clone(d.status ?? {});
  return { now, original: d, d: working, rss: rss.map(clone), allInNamespace, pods, actions: [], written: new Map() };
}

export const event = (ctx: SyncContext, type: ActionEvent['type'], reason: string, message: string): ActionEvent => ({ type, reason, message, regarding: ctx.original });

/** Marks `rs` as needing a create or update; the action carries the working copy until `finish`. */
export function write(ctx: SyncContext, rs: KubeObject, verb: 'create' | 'update', reason: string, ev?: ActionEvent): void {
  const existing = ctx.written.get(rs);
  if (existing) {
    existing.reason += `; ${reason}`;
    if (ev) existing.event = ev;
    return;
  }
  const action: Action = verb === 'create' ? { verb, kind: 'ReplicaSet', namespace: rs.metadata.namespace, name: rs.metadata.name, object: rs, reason } : updateAction(rs, reason);
  if (ev) action.event = ev;
  ctx.written.set(rs, action);
  ctx.actions.push(action);
}

export function remove(ctx: SyncContext, rs: KubeObject, reason: string): void {
  ctx.actions.push(deleteAction(rs, reason));
}

/**
 * scaleReplicaSet: sets spec.replicas and the desired/max-replicas annotations; an event when the
 * size changes. True when it did.
 */
export function scaleReplicaSet(ctx: SyncContext, rs: KubeObject, newScale: number, operation?: 'up' | 'down'): boolean {
  const oldScale = specReplicas(rs);
  const desired = desiredReplicas(ctx.d);
  const max = desired + maxSurge(ctx.d);
  const sizeChanged = oldScale !== newScale;
  if (!sizeChanged && !replicasAnnotationsNeedUpdate(rs, desired, max)) return false;
  rs.spec = { ...rs.spec, replicas: newScale };
  setReplicasAnnotations(rs, desired, max);
  const op = operation ?? (oldScale < newScale ? 'up' : 'down');
  write(ctx, rs, 'update', `scale ${rs.metadata.name} ${op} from ${oldScale} to ${newScale}`,
    sizeChanged ? event(ctx, 'Normal', 'ScalingReplicaSet', `Scaled ${op} replica set ${rs.metadata.name} to ${newScale} from ${oldScale}`) : undefined);
  return sizeChanged;
}

/** scaleReplicaSetAndRecordEvent: nothing at all when the size is already right. */
export function scaleIfNeeded(ctx: SyncContext, rs: KubeObject, newScale: number): boolean {
  return specReplicas(rs) !== newScale && scaleReplicaSet(ctx, rs, newScale);
}

/** SetDeploymentRevision on the working copy. */
export function setDeploymentRevision(ctx: SyncContext, revision: string | undefined): void {
  if (revision === undefined) return;
  const a = (ctx.d.metadata.annotations ??= {});
  a[REVISION] = revision;
}

/**
 * The actions of the sync, in order: claims, ReplicaSet creates/updates/deletes, then the
 * Deployment's status (when it differs from the stored one), then its revision annotation (a
 * merge patch; the status subresource does not carry annotations here) or, after a rollback, the
 * whole Deployment.
 */
export function finish(ctx: SyncContext): Action[] {
  const actions = ctx.actions.map((a) => (a.object && ctx.written.has(a.object) ? { ...a, object: clone(a.object) } : a));
  const { original, d } = ctx;
  if (!ctx.status && !deepEqual(normalizedStatus(original.status), normalizedStatus(d.status))) ctx.status = d.status;
  if (ctx.status && !deepEqual(normalizedStatus(original.status), normalizedStatus(ctx.status)))
    actions.push(updateStatusAction({ ...clone(original), status: ctx.status }, 'deployment status changed'));
  if (ctx.specChanged) actions.push(updateAction(clone(d), ctx.deploymentEvent?.message ?? 'roll back the pod template', ctx.deploymentEvent));
  else {
    const before = original.metadata.annotations?.[REVISION];
    const after = d.metadata.annotations?.[REVISION];
    if (after !== undefined && after !== before) actions.push(patchAction(original, { metadata: { annotations: { [REVISION]: after } } }, `revision ${after}`));
  }
  return actions;
}

/** DeploymentStatus as upstream serializes it: zero counts and empty lists are omitted. */
export function normalizedStatus(status: any): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(status ?? {})) {
    if (v === undefined || v === null || v === 0 || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}
