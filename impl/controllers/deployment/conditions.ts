// Deployment conditions (deploymentutil): types, upstream reasons, and how a condition replaces
// an existing one.
import { timestamp } from '../replicaset/objects.ts';

export interface DeploymentCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastUpdateTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export const AVAILABLE = 'Available';
export const PROGRESSING = 'Progressing';
export const REPLICA_FAILURE = 'ReplicaFailure';

export const REASONS = {
  replicaSetUpdated: 'ReplicaSetUpdated',
  failedRSCreate: 'ReplicaSetCreateError',
  newReplicaSet: 'NewReplicaSetCreated',
  foundNewRS: 'FoundNewReplicaSet',
  newRSAvailable: 'NewReplicaSetAvailable',
  timedOut: 'ProgressDeadlineExceeded',
  paused: 'DeploymentPaused',
  resumed: 'DeploymentResumed',
  minimumReplicasAvailable: 'MinimumReplicasAvailable',
  minimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const;

export function newCondition(type: string, status: DeploymentCondition['status'], reason: string, message: string, now: number): DeploymentCondition {
  const t = timestamp(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

export const getCondition = (status: { conditions?: DeploymentCondition[] } | undefined, type: string): DeploymentCondition | undefined =>
  status?.conditions?.find((c) => c.type === type);

/**
 * SetDeploymentCondition on `status` (mutated): no change when a condition of that type already
 * has the same status and reason; otherwise it replaces it (moved last), keeping the old
 * lastTransitionTime when only the reason changed.
 */
export function setCondition(status: { conditions?: DeploymentCondition[] }, condition: DeploymentCondition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next = current && current.status === condition.status ? { ...condition, lastTransitionTime: current.lastTransitionTime } : condition;
  status.conditions = [...removed(status.conditions, condition.type), next];
}

export function removeCondition(status: { conditions?: DeploymentCondition[] }, type: string): void {
  const rest = removed(status.conditions, type);
  if (rest.length) status.conditions = rest;
  else delete status.conditions;
}

const removed = (conditions: DeploymentCondition[] | undefined, type: string) => (conditions ?? []).filter((c) => c.type !== type);
