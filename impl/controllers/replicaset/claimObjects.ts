// ControllerRefManager.ClaimObject (pkg/controller/controller_ref_manager.go) as a pure function:
// which of the candidate objects a controller owns after adopting matching orphans and releasing
// owned objects its selector no longer matches.
import type { KubeObject } from '../../client/index.ts';
import { patchAction, type Action } from '../actions.ts';
import { controllerOf, labelsOf, newControllerRef, ownerReferences, type Matcher } from './objects.ts';

export interface ClaimInput<T extends KubeObject> {
  owner: KubeObject;
  /** The owner's apiVersion and kind, as written into ownerReferences (`apps/v1`, `ReplicaSet`). */
  ownerApiVersion: string;
  ownerKind: string;
  match: Matcher;
  candidates: readonly T[];
}

export interface Claimed<T extends KubeObject> {
  /** Objects the owner controls after the actions apply, in candidate order. */
  claimed: T[];
  /** Adoption and release patches (merge patches carrying the resourceVersion they were computed at). */
  actions: Action[];
}

/**
 * For each candidate: controlled by another uid → ignored; controlled by the owner → kept when
 * the selector matches, else released unless the owner is being deleted; an orphan → adopted
 * when the selector matches, neither side is being deleted and the namespaces agree.
 */
export function claimObjects<T extends KubeObject>(input: ClaimInput<T>): Claimed<T> {
  const { owner, match } = input;
  const ownerUid = owner.metadata.uid;
  const ownerDeleting = !!owner.metadata.deletionTimestamp;
  const claimed: T[] = [];
  const actions: Action[] = [];
  for (const obj of input.candidates) {
    const ref = controllerOf(obj);
    if (ref) {
      if (ref.uid !== ownerUid) continue;
      if (match(labelsOf(obj))) claimed.push(obj);
      else if (!ownerDeleting) actions.push(release(obj, String(ownerUid), input.ownerKind, owner));
      continue;
    }
    if (ownerDeleting || !match(labelsOf(obj)) || obj.metadata.deletionTimestamp) continue;
    if (owner.metadata.namespace && owner.metadata.namespace !== obj.metadata.namespace) continue;
    const refs = [...ownerReferences(obj), newControllerRef(owner, input.ownerApiVersion, input.ownerKind)];
    actions.push(patchAction(obj, { metadata: { ownerReferences: refs, resourceVersion: obj.metadata.resourceVersion } }, `adopt ${kindLower(obj)} by ${input.ownerKind} ${owner.metadata.name}`));
    claimed.push(obj);
  }
  return { claimed, actions };
}

function release(obj: KubeObject, ownerUid: string, ownerKind: string, owner: KubeObject): Action {
  const refs = ownerReferences(obj).filter((r) => r.uid !== ownerUid);
  const patch = { metadata: { ownerReferences: refs.length ? refs : null, resourceVersion: obj.metadata.resourceVersion } };
  return patchAction(obj, patch, `release ${kindLower(obj)} from ${ownerKind} ${owner.metadata.name}: selector no longer matches`);
}

const kindLower = (o: KubeObject) => `${String(o.kind ?? 'object').toLowerCase()} ${o.metadata.name}`;
