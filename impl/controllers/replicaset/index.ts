// The ReplicaSet controller's reconcile logic and the helpers the other workload controllers share.
export { reconcileReplicaSet, BURST_REPLICAS, type ReplicaSetOptions } from './reconcileReplicaSet.ts';
export { claimObjects, type Claimed, type ClaimInput } from './claimObjects.ts';
export { rankPodsForDeletion, POD_DELETION_COST } from './rankPodsForDeletion.ts';
export { podFromTemplate, generateName } from './podFromTemplate.ts';
export { replicaSetStatus, type ReplicaSetStatus } from './replicaSetStatus.ts';
export { isPodActive, isPodAvailable, isPodReady } from './podUtil.ts';
export { controllerOf, type OwnerReference } from './objects.ts';
