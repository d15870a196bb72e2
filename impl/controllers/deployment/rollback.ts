// rollback (rollback.go) for the `deprecated.deployment.rollback.to` annotation, what an
// extensions/v1beta1 `spec.rollbackTo` becomes. `kubectl rollout undo` no longer uses it: it
// patches the Deployment's template with the old ReplicaSet's, and the ordinary rollout then
// finds that ReplicaSet as the new one and raises its revision (newReplicaSet.ts).
import type { KubeObject } from '../../client/index.ts';
import { DEPRECATED_ROLLBACK_TO, lastRevision, revisionOf, setDeploymentAnnotationsTo } from './annotations.ts';
import { syncRevision } from './newReplicaSet.ts';
import { POD_TEMPLATE_HASH_LABEL } from './podTemplateHash.ts';
import { equalIgnoreHash } from './replicaSetSets.ts';
import { event, type SyncContext } from './SyncContext.ts';

/** The revision to roll back to, undefined when the annotation is absent or not an integer. */
export function rollbackTo(d: KubeObject): number | undefined {
  const v = d.metadata.annotations?.[DEPRECATED_ROLLBACK_TO];
  return v !== undefined && /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

/**
 * Revision 0 means the previous one. When the revision exists and its template differs, the
 * Deployment takes that template (minus pod-template-hash) and that ReplicaSet's annotations;
 * in every case the annotation is cleared with one update of the Deployment.
 */
export function rollback(ctx: SyncContext): void {
  const { newRS, oldRSs } = syncRevision(ctx, true);
  const all = newRS ? [...oldRSs, newRS] : oldRSs;
  const { d } = ctx;
  let revision = rollbackTo(d) ?? 0;
  const warn = (reason: string, message: string) => void (ctx.deploymentEvent = event(ctx, 'Warning', reason, message));
  if (revision === 0) revision = lastRevision(all);
  const target = revision === 0 ? undefined : all.find((rs) => revisionOf(rs) === revision);
  if (revision === 0) warn('DeploymentRollbackRevisionNotFound', 'Unable to find last revision.');
  else if (!target) warn('DeploymentRollbackRevisionNotFound', 'Unable to find the revision to rollback to.');
  else if (equalIgnoreHash(d.spec?.template, target.spec?.template)) warn('DeploymentRollbackTemplateUnchanged', `The rollback revision contains the same template as current deployment "${d.metadata.name}"`);
  else {
    const template = structuredClone(target.spec.template);
    if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH_LABEL];
    d.spec = { ...d.spec, template };
    setDeploymentAnnotationsTo(d, target);
    ctx.deploymentEvent = event(ctx, 'Normal', 'DeploymentRollback', `Rolled back deployment "${d.metadata.name}" to revision ${revision}`);
  }
  delete d.metadata.annotations?.[DEPRECATED_ROLLBACK_TO];
  ctx.specChanged = true;
}
