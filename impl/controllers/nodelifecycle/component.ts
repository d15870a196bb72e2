// The node lifecycle controller as a component (NODE-3, CTL-3): one cluster-wide key, reconciled
// from the Node, node Lease and Pod informers every 5 s (upstream --node-monitor-period, a ticker,
// not node events: a pass triggered by each node update would act on a cache that has not yet seen
// its own writes) and when reconcileNodes asks to look again (a heartbeat about to expire, a
// toleration running out). A node added or deleted is looked at at once.
// Writes go through applyActions; a failed write retries the key with backoff.
import type { ComponentContext, ComponentDefinition } from '../../controlplane/Component.ts';
import { applyActions } from '../replicaset/applyActions.ts';
import { reconcileNodes, type NodeLifecycleConfig } from './reconcileNodes.ts';
import { NODE_LEASE_NAMESPACE } from './nodeHealth.ts';

export const NODE_LIFECYCLE_CONTROLLER = 'node-lifecycle-controller';
/** --node-monitor-period. */
export const NODE_MONITOR_PERIOD_MS = 5_000;
const KEY = 'cluster';

export async function startNodeLifecycleController(ctx: ComponentContext, config: Partial<NodeLifecycleConfig> = {}) {
  const nodes = ctx.informer('Node');
  const leases = ctx.informer('Lease', { namespace: NODE_LEASE_NAMESPACE });
  const pods = ctx.informer('Pod');
  const queue = ctx.queue(async () => {
    const now = ctx.clock.now();
    const result = reconcileNodes(nodes.list(), leases.list(), pods.list(), now, config);
    await applyActions(ctx, result.actions);
    return { requeueAfterMs: Math.min(result.requeueAfterMs ?? NODE_MONITOR_PERIOD_MS, NODE_MONITOR_PERIOD_MS) };
  });
  const poke = () => queue.add(KEY);
  nodes.on({ add: poke, delete: poke });
  await leases.start();
  await pods.start();
  await nodes.start();
}

export const nodeLifecycleController: ComponentDefinition = {
  name: NODE_LIFECYCLE_CONTROLLER,
  description: 'marks nodes whose kubelet stopped heartbeating Unknown, taints them, and evicts their pods after their tolerationSeconds',
  start: (ctx) => startNodeLifecycleController(ctx),
};
