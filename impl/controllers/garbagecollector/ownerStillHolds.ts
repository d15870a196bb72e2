// The garbage collector's live check: before it deletes an object or removes owner references
// from it, it reads each owner afresh from the API server, since its caches may lag (an owner
// created a moment ago, or recreated under the same name).
import { isNotFound, type ApiClient, type KubeObject } from '../../client/index.ts';
import type { OwnerReference } from '../replicaset/objects.ts';
import { FOREGROUND_FINALIZER } from './collectGarbage.ts';

export type OwnerCheck = 'gone' | 'deleting-in-foreground' | 'deleting' | 'present' | 'unknown';

/** What the API server says about `ref`, the owner of `dependent` (a namespaced owner lives in the dependent's namespace). */
export async function checkOwner(client: ApiClient, dependent: KubeObject, ref: OwnerReference, namespaced: boolean): Promise<OwnerCheck> {
  let owner: KubeObject;
  try {
    owner = await client.get(ref.kind, namespaced ? dependent.metadata.namespace : undefined, ref.name);
  } catch (error) {
    return isNotFound(error) ? 'gone' : 'unknown';
  }
  if (owner.metadata.uid !== ref.uid) return 'gone';
  if (!owner.metadata.deletionTimestamp) return 'present';
  return (owner.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER) ? 'deleting-in-foreground' : 'deleting';
}

/**
 * True when one of `refs` still binds `dependent`: for a delete, an owner that exists and is not
 * being deleted in the foreground; for a reference removal, an owner that exists and is not being
 * deleted at all. An owner that cannot be read (unknown kind, server error) binds.
 */
export async function ownerStillHolds(client: ApiClient, dependent: KubeObject, refs: readonly OwnerReference[], forDelete: boolean, isNamespaced: (kind: string) => boolean): Promise<boolean> {
  for (const ref of refs) {
    const state = await checkOwner(client, dependent, ref, isNamespaced(ref.kind));
    if (state === 'gone' || state === 'deleting-in-foreground') continue;
    if (state === 'deleting' && !forDelete) continue;
    return true;
  }
  return false;
}
