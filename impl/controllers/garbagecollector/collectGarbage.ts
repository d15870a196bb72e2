// The garbage collector (pkg/controller/garbagecollector attemptToDeleteItem, processing of the
// orphan and foregroundDeletion finalizers) as one pure pass over every object in the cluster.
import type { KubeObject } from '../../client/index.ts';
import { deleteAction, patchAction, type Action } from '../actions.ts';
import { ownerReferences, type OwnerReference } from '../replicaset/objects.ts';

export const FOREGROUND_FINALIZER = 'foregroundDeletion';
export const ORPHAN_FINALIZER = 'orphan';

/** Kinds served cluster-scoped by the reference API server (and common upstream ones). */
export const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition',
  'PriorityClass', 'APIService', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'CSIDriver', 'CSINode',
  'VolumeAttachment', 'RuntimeClass', 'IngressClass', 'CertificateSigningRequest',
]);

export interface GarbageOptions {
  /** Whether objects of `kind` live in namespaces; default: not in CLUSTER_SCOPED_KINDS. */
  isNamespaced?(kind: string): boolean;
}

type RefState = 'solid' | 'dangling' | 'waiting';

const finalizersOf = (o: KubeObject): string[] => o.metadata.finalizers ?? [];
const deleting = (o: KubeObject) => !!o.metadata.deletionTimestamp;

/**
 * One pass. For each object:
 *  - being deleted with `orphan`: its dependents drop their reference to it, then it drops the finalizer;
 *  - being deleted with `foregroundDeletion`: once no dependent blocks it (blockOwnerDeletion), it
 *    drops the finalizer;
 *  - otherwise, with owner references: an owner is solid when an object with that uid, kind and
 *    name exists in the dependent's namespace (or cluster scope) and is not being deleted in the
 *    foreground; dangling when it does not exist; waiting when it is being deleted in the
 *    foreground. Any solid owner: the dangling and waiting references are removed (a patch).
 *    No solid owner: the object is deleted (uid precondition), in the foreground when a waiting
 *    owner exists and the object has dependents of its own.
 * An object with a solid owner is never deleted. A cluster-scoped dependent naming a namespaced
 * owner kind cannot be resolved and counts as owned (upstream only reports it).
 */
export function collectGarbage(allObjects: readonly KubeObject[], options: GarbageOptions = {}): Action[] {
  const isNamespaced = options.isNamespaced ?? ((kind: string) => !CLUSTER_SCOPED_KINDS.has(kind));
  const byUid = new Map(allObjects.map((o) => [o.metadata.uid, o]));
  const dependents = new Map<string, KubeObject[]>();
  for (const o of allObjects) for (const r of ownerReferences(o)) dependents.set(r.uid, [...(dependents.get(r.uid) ?? []), o]);

  const state = (dep: KubeObject, ref: OwnerReference): RefState => {
    const owner = byUid.get(ref.uid);
    const depNamespace = dep.metadata.namespace ?? '';
    if (!depNamespace && isNamespaced(ref.kind)) return 'solid';
    const resolves = owner && owner.kind === ref.kind && owner.metadata.name === ref.name && (owner.metadata.namespace ?? '') === (isNamespaced(ref.kind) ? depNamespace : '');
    if (!resolves) return 'dangling';
    return deleting(owner) && finalizersOf(owner).includes(FOREGROUND_FINALIZER) ? 'waiting' : 'solid';
  };

  const actions: Action[] = [];
  for (const o of allObjects) {
    const uid = String(o.metadata.uid);
    if (deleting(o)) {
      if (finalizersOf(o).includes(ORPHAN_FINALIZER)) {
        for (const d of dependents.get(uid) ?? []) actions.push(withoutRefs(d, [uid], `orphan ${name(d)}: owner ${name(o)} is deleted with orphan propagation`));
        actions.push(withoutFinalizer(o, ORPHAN_FINALIZER, 'dependents orphaned'));
      } else if (finalizersOf(o).includes(FOREGROUND_FINALIZER)) {
        const blocking = (dependents.get(uid) ?? []).filter((d) => ownerReferences(d).some((r) => r.uid === uid && r.blockOwnerDeletion));
        if (!blocking.length) actions.push(withoutFinalizer(o, FOREGROUND_FINALIZER, 'no dependent blocks the foreground deletion any more'));
      }
      continue;
    }
    const refs = ownerReferences(o);
    if (!refs.length) continue;
    const states = refs.map((r) => state(o, r));
    if (states.includes('solid')) {
      const stale = refs.filter((_, i) => states[i] !== 'solid').map((r) => r.uid);
      if (stale.length) actions.push(withoutRefs(o, stale, `${name(o)}: remove references to owners that are gone or going`));
      continue;
    }
    const waiting = refs.filter((_, i) => states[i] === 'waiting');
    const reason = `${name(o)}: every owner is gone`;
    if (waiting.length && dependents.get(uid)?.length) {
      const unblocked = refs.map((r) => (waiting.includes(r) && r.blockOwnerDeletion ? { ...r, blockOwnerDeletion: false } : r));
      const finalizers = [...new Set([...finalizersOf(o), FOREGROUND_FINALIZER])];
      actions.push(patchAction(o, { metadata: { ownerReferences: unblocked, finalizers } }, `${reason}; delete it in the foreground after its own dependents`));
    }
    actions.push(deleteAction(o, reason, { preconditions: { uid } }));
  }
  return actions;
}

const name = (o: KubeObject) => `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`;

function withoutRefs(o: KubeObject, uids: string[], reason: string): Action {
  const refs = ownerReferences(o).filter((r) => !uids.includes(r.uid));
  return patchAction(o, { metadata: { ownerReferences: refs.length ? refs : null } }, reason);
}

function withoutFinalizer(o: KubeObject, finalizer: string, reason: string): Action {
  const finalizers = finalizersOf(o).filter((f) => f !== finalizer);
  return patchAction(o, { metadata: { finalizers: finalizers.length ? finalizers : null } }, `${name(o)}: ${reason}`);
}
