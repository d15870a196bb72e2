// The ReplicaSet controller's sync (pkg/controller/replicaset/replica_set.go, syncReplicaSet and
// manageReplicas) as a pure function.
import type { KubeObject } from '../../client/index.ts';
import { createAction, deleteAction, updateStatusAction, type Action, type Reconciled } from '../actions.ts';
import { claimObjects } from './claimObjects.ts';
import { clone, newControllerRef, selectorMatcher } from './objects.ts';
import { podFromTemplate } from './podFromTemplate.ts';
import { isPodActive } from './podUtil.ts';
import { rankPodsForDeletion } from './rankPodsForDeletion.ts';
import { nextAvailability, replicaSetStatus, replicaSetStatusChanged, type ReplicaSetStatus } from './replicaSetStatus.ts';

/** Upstream's --concurrent burst: at most this many creates or deletes per sync. */
export const BURST_REPLICAS = 500;
export const RS_API_VERSION = 'apps/v1';
export const RS_KIND = 'ReplicaSet';

export interface ReplicaSetOptions {
  /** Names created pods `<rs>-xxxxx` from this generator; without it the API server names them. */
  random?: () => number;
  burstReplicas?: number;
  /** Pods of every ReplicaSet with the same controller (getIndirectlyRelatedPods); default: the owned pods. */
  relatedPods?: readonly KubeObject[];
  /**
   * False while creates/deletes of an earlier sync are not yet visible in the caller's cache
   * (upstream's ControllerExpectations): claims and status only, no creates or deletes. Default true.
   */
  expectationsSatisfied?: boolean;
}

/**
 * One sync of `rs` against every pod in its namespace at time `now` (ms):
 *  - claims active pods (adopt matching orphans, release owned pods that stopped matching);
 *  - unless the ReplicaSet is being deleted, creates `replicas - owned` pods from the template or
 *    deletes the surplus in rankPodsForDeletion order, at most `burstReplicas` either way;
 *  - updates the status when it changed (counts from the pods owned before this sync's creates
 *    and deletes, as upstream).
 * An invalid selector yields no actions. Never mutates its inputs.
 */
export function reconcileReplicaSet(rs: KubeObject, podsInNamespace: readonly KubeObject[], now: number, options: ReplicaSetOptions = {}): Reconciled<ReplicaSetStatus> {
  const match = selectorMatcher(rs.spec?.selector);
  if (!match) return { actions: [], status: rs.status };
  const active = podsInNamespace.filter(isPodActive);
  const { claimed, actions } = claimObjects({ owner: rs, ownerApiVersion: RS_API_VERSION, ownerKind: RS_KIND, match, candidates: active });
  if (options.expectationsSatisfied !== false && !rs.metadata.deletionTimestamp) actions.push(...manageReplicas(rs, claimed, now, options));
  const status = replicaSetStatus(rs, claimed, now);
  if (replicaSetStatusChanged(rs.status, status)) actions.push(updateStatusAction({ ...clone(rs), status }, `status: ${status.replicas} replicas, ${status.readyReplicas ?? 0} ready, ${status.availableReplicas ?? 0} available`));
  const requeueAt = nextAvailability(rs, claimed, now);
  return { actions, status, ...(requeueAt !== undefined && { requeueAfterMs: requeueAt - now }) };
}

function manageReplicas(rs: KubeObject, owned: KubeObject[], now: number, options: ReplicaSetOptions): Action[] {
  const burst = options.burstReplicas ?? BURST_REPLICAS;
  const wanted = rs.spec?.replicas ?? 1;
  const diff = owned.length - wanted;
  const name = rs.metadata.name;
  if (diff < 0) {
    const n = Math.min(-diff, burst);
    const ref = newControllerRef(rs, RS_API_VERSION, RS_KIND);
    return Array.from({ length: n }, () => {
      const pod = podFromTemplate(rs, rs.spec?.template, ref, options.random);
      const shown = pod.metadata.name ?? `${pod.metadata.generateName}…`;
      return createAction(pod, `too few replicas for ${name}: need ${wanted}, creating ${n}`, {
        type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${shown}`, regarding: rs,
      });
    });
  }
  if (diff > 0) {
    const n = Math.min(diff, burst);
    const victims = n < owned.length ? rankPodsForDeletion(owned, options.relatedPods ?? owned, now).slice(0, n) : owned;
    return victims.map((pod) => deleteAction(pod, `too many replicas for ${name}: need ${wanted}, deleting ${n}`, {
      event: { type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${pod.metadata.name}`, regarding: rs },
    }));
  }
  return [];
}
