// calculateStatus (pkg/controller/replicaset/replica_set_utils.go): a ReplicaSet's status from
// the active pods it owns.
import type { KubeObject } from '../../client/index.ts';
import { deepEqual } from './objects.ts';
import { availableAt, isPodAvailable, isPodReady } from './podUtil.ts';

export interface ReplicaSetStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: unknown[];
}

/**
 * replicas = owned active pods; fullyLabeledReplicas = those carrying every template label;
 * readyReplicas; availableReplicas (ready for more than minReadySeconds at `now`);
 * observedGeneration = metadata.generation. Existing conditions are kept. Zero counts other than
 * `replicas` are omitted, as upstream's JSON omits them.
 */
export function replicaSetStatus(rs: KubeObject, owned: readonly KubeObject[], now: number): ReplicaSetStatus {
  const templateLabels: Record<string, string> = rs.spec?.template?.metadata?.labels ?? {};
  const minReady = rs.spec?.minReadySeconds ?? 0;
  let fully = 0, ready = 0, available = 0;
  for (const pod of owned) {
    const labels = pod.metadata.labels ?? {};
    if (Object.entries(templateLabels).every(([k, v]) => labels[k] === v)) fully++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, now)) available++;
    }
  }
  const status: ReplicaSetStatus = { replicas: owned.length };
  if (fully) status.fullyLabeledReplicas = fully;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (rs.metadata.generation) status.observedGeneration = rs.metadata.generation;
  if (rs.status?.conditions?.length) status.conditions = rs.status.conditions;
  return status;
}

/** True when `next` differs from the stored status in any field upstream compares. */
export function replicaSetStatusChanged(stored: ReplicaSetStatus | undefined, next: ReplicaSetStatus): boolean {
  const s = stored ?? ({} as Partial<ReplicaSetStatus>);
  return (s.replicas ?? 0) !== next.replicas
    || (s.fullyLabeledReplicas ?? 0) !== (next.fullyLabeledReplicas ?? 0)
    || (s.readyReplicas ?? 0) !== (next.readyReplicas ?? 0)
    || (s.availableReplicas ?? 0) !== (next.availableReplicas ?? 0)
    || (s.observedGeneration ?? 0) !== (next.observedGeneration ?? 0)
    || !deepEqual(s.conditions ?? [], next.conditions ?? []);
}

/** When the first owned pod that is ready but not yet available becomes available. */
export function nextAvailability(rs: KubeObject, owned: readonly KubeObject[], now: number): number | undefined {
  const minReady = rs.spec?.minReadySeconds ?? 0;
  if (!minReady) return undefined;
  let next: number | undefined;
  for (const pod of owned) {
    const at = availableAt(pod, minReady);
    if (at !== undefined && at > now && (next === undefined || at < next)) next = at;
  }
  return next;
}
