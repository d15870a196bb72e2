// The node's heartbeat Lease (coordination.k8s.io/v1, namespace kube-node-lease), owned by its Node.

export const NODE_LEASE_NAMESPACE = 'kube-node-lease';
/** Upstream's nodeLeaseDurationSeconds. */
export const NODE_LEASE_DURATION_SECONDS = 40;

/** metav1.MicroTime: RFC 3339 with microseconds. */
export const microTime = (ms: number): string => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');

export function nodeLease(nodeName: string, nodeUid: string | undefined, now: number) {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name: nodeName,
      namespace: NODE_LEASE_NAMESPACE,
      ...(nodeUid && { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: nodeUid }] }),
    },
    spec: { holderIdentity: nodeName, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime: microTime(now) },
  };
}
