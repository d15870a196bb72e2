// Capability `faults`: what happens to a cluster that the object API cannot express. A node's
// kubelet can be stopped (its heartbeats stop; containers keep running, unmanaged), started again
// (it lists its pods, forgets the deleted ones, resyncs and heartbeats at once) or cut off from the
// API server (no request in either direction: no watch, no status write, no heartbeat, while it
// keeps running its pods locally; `faults.startKubelet` heals it). The API server can be restarted:
// every watch it served ends and clients watch again; the cluster's state survives (with the
// memory store, the store is kept as it is; with etcd, etcd holds it). A container can be started
// on a node behind the kubelet's back (like `docker run`), and a node's containers listed, to check
// that the kubelet leaves what it did not create alone (NODE-2).
//
// Deleting a pod under a controller is `objects.delete`: no fault method for it.
// An unknown node fails with NotFound (`node "n9" has no kubelet`).

export interface NodeRef {
  node: string;
}

/** A container as the node's runtime sees it; `managedBy` is `cri` for the kubelet's, `foreign` otherwise. */
export interface NodeContainer {
  id: string;
  name: string;
  image: string;
  state: 'CONTAINER_CREATED' | 'CONTAINER_RUNNING' | 'CONTAINER_EXITED' | 'CONTAINER_UNKNOWN';
  managedBy: 'cri' | 'foreign';
}

export interface FaultsMethods {
  'faults.stopKubelet': { params: NodeRef; result: Record<string, never> };
  'faults.startKubelet': { params: NodeRef; result: Record<string, never> };
  'faults.partitionKubelet': { params: NodeRef; result: Record<string, never> };
  /** `watchesEnded`: how many watch streams the restart cut. */
  'faults.restartApiServer': { params: Record<string, never>; result: { watchesEnded: number } };
  'faults.runForeignContainer': { params: NodeRef & { name: string; image: string }; result: { id: string } };
  'faults.nodeContainers': { params: NodeRef; result: { containers: NodeContainer[] } };
}
