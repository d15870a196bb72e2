// tryUpdateNodeHealth (node_lifecycle_controller.go): a node whose kubelet has not been heard
// from within the grace period gets its kubelet-owned conditions set to Unknown.
import type { KubeObject } from '../../client/index.ts';
import { clone, timeOf, timestamp } from '../replicaset/objects.ts';

export const NODE_LEASE_NAMESPACE = 'kube-node-lease';
/** Conditions the controller marks Unknown (NetworkUnavailable is left to the network plugin). */
const KUBELET_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

export interface NodeCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
}

export const nodeCondition = (node: KubeObject, type: string): NodeCondition | undefined => (node.status?.conditions ?? []).find((c: NodeCondition) => c.type === type);

/**
 * The last sign of life: the Ready condition's lastHeartbeatTime or the node Lease's renewTime,
 * whichever is later; a node that never posted Ready counts from its creation.
 */
export function lastHeartbeat(node: KubeObject, lease: KubeObject | undefined): number {
  const ready = nodeCondition(node, 'Ready');
  const fromStatus = ready ? timeOf(ready.lastHeartbeatTime) : timeOf(node.metadata.creationTimestamp);
  return Math.max(fromStatus, timeOf(lease?.spec?.renewTime));
}

/**
 * The node with Ready, MemoryPressure, DiskPressure and PIDPressure set to Unknown
 * (NodeStatusUnknown "Kubelet stopped posting node status."; a condition never posted is added as
 * NodeStatusNeverUpdated "Kubelet never posted node status."), or undefined when nothing changes.
 */
export function markNodeUnknown(node: KubeObject, now: number): KubeObject | undefined {
  const next = clone(node);
  next.status = { ...next.status, conditions: [...(next.status?.conditions ?? [])] };
  const conditions: NodeCondition[] = next.status.conditions;
  let changed = false;
  for (const type of KUBELET_CONDITIONS) {
    const i = conditions.findIndex((c) => c.type === type);
    if (i < 0) {
      conditions.push({ type, status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: node.metadata.creationTimestamp, lastTransitionTime: timestamp(now) });
      changed = true;
    } else if (conditions[i].status !== 'Unknown') {
      conditions[i] = { ...conditions[i], status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: timestamp(now) };
      changed = true;
    }
  }
  return changed ? next : undefined;
}

/** topology GetZoneKey: region and zone labels, '' when the node has neither. */
export function zoneKey(node: KubeObject): string {
  const l = node.metadata.labels ?? {};
  const region = l['topology.kubernetes.io/region'] ?? l['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = l['topology.kubernetes.io/zone'] ?? l['failure-domain.beta.kubernetes.io/zone'] ?? '';
  return region || zone ? `${region}:\u0000:${zone}` : '';
}
