// The Deployment controller's syncDeployment (deployment_controller.go) as a pure function.
import type { KubeObject } from '../../client/index.ts';
import { updateStatusAction, type Reconciled } from '../actions.ts';
import { claimObjects } from '../replicaset/claimObjects.ts';
import { clone, deepEqual, selectorMatcher } from '../replicaset/objects.ts';
import { getCondition, newCondition, PROGRESSING, REASONS, setCondition } from './conditions.ts';
import { syncDeploymentStatus, type DeploymentStatus } from './deploymentStatus.ts';
import { isRollingUpdate } from './intOrPercent.ts';
import { DEPLOYMENT_API_VERSION, DEPLOYMENT_KIND, hasProgressDeadline, syncRevision } from './newReplicaSet.ts';
import { rolloutRecreate } from './recreate.ts';
import { rollback, rollbackTo } from './rollback.ts';
import { rolloutRolling } from './rolling.ts';
import { isScalingEvent, syncScaling } from './scale.ts';
import { event, finish, newSyncContext, type SyncContext } from './SyncContext.ts';

/**
 * One sync of `deploy` given every ReplicaSet and Pod in its namespace, at `now` (ms):
 *  - an empty selector (`{}`) only records observedGeneration and a SelectingAll warning; an
 *    invalid one does nothing;
 *  - claims ReplicaSets (adopt/release by selector);
 *  - being deleted → status only; paused → scale and clean up; the deprecated rollback annotation
 *    → roll back; a replicas change mid-rollout → proportional scaling; else the strategy's
 *    rollout (RollingUpdate or Recreate), then status and Progressing/Available conditions.
 * Returns the actions, the status it computed (undefined when the sync computes none) and, while
 * a rollout is stuck, when to check the progress deadline. Never mutates its inputs.
 */
export function reconcileDeployment(deploy: KubeObject, replicaSets: readonly KubeObject[], pods: readonly KubeObject[], now: number): Reconciled<DeploymentStatus | undefined> {
  if (deepEqual(deploy.spec?.selector, {})) return selectingAll(deploy);
  const match = selectorMatcher(deploy.spec?.selector);
  if (!match) return { actions: [], status: deploy.status };
  const inNamespace = replicaSets.filter((rs) => rs.metadata.namespace === deploy.metadata.namespace);
  const { claimed, actions } = claimObjects({ owner: deploy, ownerApiVersion: DEPLOYMENT_API_VERSION, ownerKind: DEPLOYMENT_KIND, match, candidates: inNamespace });
  const ctx = newSyncContext(deploy, claimed, inNamespace, pods, now);
  ctx.actions.push(...actions);
  sync(ctx);
  return { actions: finish(ctx), status: ctx.status as DeploymentStatus | undefined, ...(ctx.requeueAfterMs !== undefined && { requeueAfterMs: ctx.requeueAfterMs }) };
}

function sync(ctx: SyncContext): void {
  const { d } = ctx;
  if (d.metadata.deletionTimestamp) return syncDeploymentStatus(ctx, syncRevision(ctx, false).newRS);
  checkPausedConditions(ctx);
  if (d.spec?.paused) return syncScaling(ctx);
  if (rollbackTo(d) !== undefined) return rollback(ctx);
  const { newRS, oldRSs } = syncRevision(ctx, false);
  if (isScalingEvent(d, newRS ? [...oldRSs, newRS] : oldRSs)) return syncScaling(ctx);
  if (isRollingUpdate(d)) rolloutRolling(ctx);
  else rolloutRecreate(ctx);
}

/** Progressing=Unknown DeploymentPaused / DeploymentResumed, unless it already timed out. */
function checkPausedConditions(ctx: SyncContext): void {
  const { d, now } = ctx;
  if (!hasProgressDeadline(d)) return;
  const c = getCondition(d.status, PROGRESSING);
  if (c?.reason === REASONS.timedOut) return;
  const pausedRecorded = c?.reason === REASONS.paused;
  if (d.spec?.paused && !pausedRecorded) setCondition(d.status, newCondition(PROGRESSING, 'Unknown', REASONS.paused, 'Deployment is paused', now));
  else if (!d.spec?.paused && pausedRecorded) setCondition(d.status, newCondition(PROGRESSING, 'Unknown', REASONS.resumed, 'Deployment is resumed', now));
}

function selectingAll(d: KubeObject): Reconciled<DeploymentStatus | undefined> {
  const warning = { type: 'Warning' as const, reason: 'SelectingAll', message: 'This deployment is selecting all pods. A non-empty selector is required.', regarding: d };
  const generation = d.metadata.generation ?? 0;
  if ((d.status?.observedGeneration ?? 0) >= generation) return { actions: [], status: d.status };
  const status = { ...clone(d.status ?? {}), observedGeneration: generation };
  const action = updateStatusAction({ ...clone(d), status }, warning.message);
  return { actions: [{ ...action, event: warning }], status };
}
