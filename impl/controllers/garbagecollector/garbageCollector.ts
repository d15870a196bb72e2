// The garbage collector as a running component: an informer on every collectable resource
// (collectableResources.ts) keeps a cluster-wide view indexed by uid; events that may leave
// garbage (a dependent whose owner is unknown or being deleted, an owner deleted while it has
// dependents, an object deleted with the orphan or foregroundDeletion finalizer) enqueue the one
// cluster-wide key, whose sync runs collectGarbage over the view. Each delete or owner-reference
// removal is confirmed first by reading the owners afresh (ownerStillHolds.ts); deletes carry the
// uid as a precondition.
//
// Unlike upstream, an owner the collector has never seen (no object with its uid ever appeared)
// holds its dependents for UNSEEN_OWNER_GRACE_MS of cluster time before they are collected: a
// dependent created with a made-up owner reference survives a short test. Owners that were seen
// and then deleted release their dependents at once.
import type { KubeObject } from '../../client/index.ts';
import type { ComponentContext, ComponentDefinition } from '../../controlplane/Component.ts';
import type { Action } from '../actions.ts';
import { applyAction } from '../replicaset/applyActions.ts';
import { ownerReferences, type OwnerReference } from '../replicaset/objects.ts';
import { collectableResources } from './collectableResources.ts';
import { CLUSTER_SCOPED_KINDS, collectGarbage, FOREGROUND_FINALIZER, ORPHAN_FINALIZER } from './collectGarbage.ts';
import { ownerStillHolds } from './ownerStillHolds.ts';

export const GARBAGE_COLLECTOR = 'garbage-collector';
/** The work queue's one key: every sync looks at the whole cluster. */
export const CLUSTER_KEY = 'cluster';
export const UNSEEN_OWNER_GRACE_MS = 60_000;

const uidOf = (o: KubeObject) => String(o.metadata.uid);
const identity = (kind: unknown, namespace: unknown, name: unknown) => `${kind}/${namespace ?? ''}/${name}`;
const deleting = (o: KubeObject) => !!o.metadata.deletionTimestamp;
const gcFinalizer = (o: KubeObject) => (o.metadata.finalizers ?? []).some((f: string) => f === ORPHAN_FINALIZER || f === FOREGROUND_FINALIZER);

export async function startGarbageCollector(ctx: ComponentContext) {
  const resources = await collectableResources(ctx.client);
  const namespacedKinds = new Map(resources.map((r) => [r.kind, r.namespaced]));
  const isNamespaced = (kind: string) => namespacedKinds.get(kind) ?? !CLUSTER_SCOPED_KINDS.has(kind);
  const byUid = new Map<string, KubeObject>();
  const dependents = new Map<string, Set<string>>();
  const seen = new Set<string>();
  /** Owner uids never seen → when a dependent naming them was first seen. */
  const unseenSince = new Map<string, number>();
  const queue = ctx.queue(collect);

  const link = (o: KubeObject, add: boolean) => {
    for (const r of ownerReferences(o)) {
      const deps = dependents.get(r.uid) ?? new Set<string>();
      if (add) dependents.set(r.uid, deps.add(uidOf(o)));
      else if (deps.delete(uidOf(o)) && !deps.size) dependents.delete(r.uid);
    }
  };
  /** The owner as cached, when `ref` resolves to it. */
  const cachedOwner = (ref: OwnerReference): KubeObject | undefined => {
    const owner = byUid.get(ref.uid);
    return owner && owner.kind === ref.kind && owner.metadata.name === ref.name ? owner : undefined;
  };
  /** Could `o` be garbage, or hold up garbage collection, as the caches show it? */
  const worthALook = (o: KubeObject) =>
    (deleting(o) && gcFinalizer(o)) || ownerReferences(o).some((r) => { const owner = cachedOwner(r); return !owner || deleting(owner); });
  const observe = (o: KubeObject) => {
    seen.add(uidOf(o));
    unseenSince.delete(uidOf(o));
    for (const r of ownerReferences(o)) if (!seen.has(r.uid) && !unseenSince.has(r.uid)) unseenSince.set(r.uid, ctx.clock.now());
  };
  /** Milliseconds until `refs` may be treated as gone: the longest grace left of an owner never seen. */
  const graceLeft = (refs: readonly OwnerReference[]) =>
    Math.max(0, ...refs.map((r) => (unseenSince.has(r.uid) ? unseenSince.get(r.uid)! + UNSEEN_OWNER_GRACE_MS - ctx.clock.now() : 0)));

  const informers = resources.map((r) => ctx.informer(r.kind));
  for (const informer of informers) {
    informer.on({
      add: (o) => {
        observe(o);
        byUid.set(uidOf(o), o);
        link(o, true);
        if (worthALook(o)) queue.add(CLUSTER_KEY);
      },
      update: (old, o) => {
        link(old, false);
        observe(o);
        byUid.set(uidOf(o), o);
        link(o, true);
        if (worthALook(o)) queue.add(CLUSTER_KEY);
      },
      delete: (o) => {
        byUid.delete(uidOf(o));
        link(o, false);
        if (dependents.has(uidOf(o)) || worthALook(o)) queue.add(CLUSTER_KEY);
      },
    });
  }

  async function collect() {
    const all = [...byUid.values()];
    const byIdentity = new Map(all.map((o) => [identity(o.kind, o.metadata.namespace, o.metadata.name), o]));
    let failure: unknown;
    let wait: number | undefined;
    for (const action of collectGarbage(all, { isNamespaced })) {
      const target = byIdentity.get(identity(action.kind, action.namespace, action.name));
      if (!target) continue;
      const removed = referencesRemoved(action, target);
      const grace = graceLeft(removed);
      if (grace > 0) {
        wait = Math.min(wait ?? grace, grace);
        continue;
      }
      if (removed.length && (await ownerStillHolds(ctx.client, target, removed, action.verb === 'delete', isNamespaced))) continue;
      await applyAction(ctx, action).catch((error) => void (failure ??= error));
    }
    if (failure) throw failure;
    return wait === undefined ? undefined : { requeueAfterMs: wait };
  }

  // Every informer syncs before the collector acts on anything.
  for (const informer of informers) await informer.start();
}

/** The owner references `action` takes away from `target`: all of them for a delete. */
function referencesRemoved(action: Action, target: KubeObject): OwnerReference[] {
  const refs = ownerReferences(target);
  if (action.verb === 'delete') return refs;
  const kept = (action.patch as { metadata?: { ownerReferences?: OwnerReference[] | null } } | undefined)?.metadata?.ownerReferences;
  if (kept === undefined) return [];
  return refs.filter((r) => !(kept ?? []).some((k) => k.uid === r.uid));
}

export const garbageCollector: ComponentDefinition = {
  name: GARBAGE_COLLECTOR,
  description: 'deletes objects whose owners are gone, and runs the orphan and foregroundDeletion finalizers',
  start: (ctx) => startGarbageCollector(ctx),
};
