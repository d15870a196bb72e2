// The Deployment controller's reconcile logic: one export surface.
export { reconcileDeployment } from './reconcileDeployment.ts';
export { DEPRECATED_ROLLBACK_TO, DESIRED_REPLICAS, MAX_REPLICAS, REVISION, REVISION_HISTORY } from './annotations.ts';
export { AVAILABLE, PROGRESSING, REASONS, REPLICA_FAILURE, type DeploymentCondition } from './conditions.ts';
export type { DeploymentStatus } from './deploymentStatus.ts';
export { maxSurge, maxUnavailable, resolveFenceposts, scaledValue } from './intOrPercent.ts';
export { POD_TEMPLATE_HASH_LABEL, podTemplateHash } from './podTemplateHash.ts';
