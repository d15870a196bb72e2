// The garbage collector's reconcile logic: one export surface.
export { collectGarbage, CLUSTER_SCOPED_KINDS, FOREGROUND_FINALIZER, ORPHAN_FINALIZER, type GarbageOptions } from './collectGarbage.ts';
