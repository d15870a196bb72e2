// The node lifecycle controller's reconcile logic (with NoExecute taint eviction): one export surface.
export { reconcileNodes, DEFAULT_NODE_LIFECYCLE_CONFIG, type NodeLifecycleConfig } from './reconcileNodes.ts';
export { NODE_LEASE_NAMESPACE } from './nodeHealth.ts';
export { TAINT_NOT_READY, TAINT_UNREACHABLE, TAINT_UNSCHEDULABLE, tolerates, withDefaultTolerations, type Taint, type Toleration } from './taints.ts';
