// When a kubelet heartbeats, as upstream: the Lease is renewed every 10 s (a quarter of its 40 s
// duration); the node status is computed every nodeStatusUpdateFrequency (10 s) and posted when it
// changed (heartbeat times aside) or when nodeStatusReportFrequency (5 min) passed since the last
// post. Pure: the caller keeps the returned state, writes what it is told, and wakes up again at
// nextWakeUp.
import type { NodeStatus } from './nodeStatus.ts';

export interface HeartbeatOptions {
  leaseRenewMs: number;
  statusUpdateMs: number;
  statusReportMs: number;
}

export const DEFAULT_HEARTBEAT: HeartbeatOptions = { leaseRenewMs: 10_000, statusUpdateMs: 10_000, statusReportMs: 300_000 };

export interface HeartbeatState {
  lastLeaseRenew?: number;
  lastStatusCheck?: number;
  lastStatusReport?: number;
  lastReported?: NodeStatus;
}

export interface HeartbeatPlan {
  state: HeartbeatState;
  renewLease: boolean;
  /** The status to post, when one is due. */
  postStatus?: NodeStatus;
  nextWakeUp: number;
}

const withoutHeartbeats = (s: NodeStatus) => JSON.stringify({ ...s, conditions: s.conditions.map(({ lastHeartbeatTime: _, ...c }) => c) });

/** `status(now)` is called only when a status check is due. */
export function planHeartbeat(state: HeartbeatState, now: number, status: (now: number) => NodeStatus, options: HeartbeatOptions = DEFAULT_HEARTBEAT): HeartbeatPlan {
  const next: HeartbeatState = { ...state };
  const due = (last: number | undefined, every: number) => last === undefined || now - last >= every;
  const renewLease = due(state.lastLeaseRenew, options.leaseRenewMs);
  if (renewLease) next.lastLeaseRenew = now;
  let postStatus: NodeStatus | undefined;
  if (due(state.lastStatusCheck, options.statusUpdateMs)) {
    next.lastStatusCheck = now;
    const current = status(now);
    if (!state.lastReported || due(state.lastStatusReport, options.statusReportMs) || withoutHeartbeats(current) !== withoutHeartbeats(state.lastReported)) {
      postStatus = current;
      next.lastReported = current;
      next.lastStatusReport = now;
    }
  }
  const nextWakeUp = Math.min(next.lastLeaseRenew! + options.leaseRenewMs, next.lastStatusCheck! + options.statusUpdateMs);
  return { state: next, renewLease, postStatus, nextWakeUp };
}
