// kube-scheduler as a control-plane component (SCH-1, SCH-4, FLOW-3): it watches pods and nodes,
// keeps impl/scheduler's cache current from the watch, schedules each pod that has no node
// through a work queue, and binds through the pods/binding subresource. An unschedulable pod gets
// a PodScheduled=False condition (reason Unschedulable, message = the FitError message) and a
// FailedScheduling Warning event; it is retried when a node appears or changes, when a pod
// leaves, and on a backoff timer (1 s doubling up to 5 min).
import { Scheduler, InvalidObjectError } from '../index.ts';
import { TerminalError, isConflict, isNotFound, keyOf, type KubeObject } from '../../client/index.ts';
import { rfc3339 } from '../../clock/index.ts';
import type { ComponentContext, ComponentDefinition } from '../../controlplane/Component.ts';

export const SCHEDULER_NAME = 'default-scheduler';
export const UNSCHEDULABLE_REASON = 'Unschedulable';
export const FAILED_SCHEDULING = 'FailedScheduling';
/** Upstream's podMaxInUnschedulablePodsDuration: the longest an unschedulable pod waits for a retry. */
export const MAX_UNSCHEDULABLE_WAIT_MS = 5 * 60_000;
const INITIAL_BACKOFF_MS = 1000;

const isAssigned = (pod: KubeObject) => !!pod.spec?.nodeName;
const isTerminal = (pod: KubeObject) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
const isOurs = (pod: KubeObject) => (pod.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME;
const json = (v: unknown) => JSON.stringify(v ?? null);

/** What scheduling reads from a pending pod: spec and labels (status-only updates are ignored). */
const schedulingInput = (pod: KubeObject) => json([pod.spec, pod.metadata.labels, pod.metadata.annotations]);
/** What placement reads from a node: labels, taints, unschedulable, allocatable (heartbeats ignored). */
const nodeInput = (node: KubeObject) => json([node.metadata.labels, node.spec, node.status?.allocatable, node.status?.capacity, node.status?.images]);

export interface SchedulerComponentOptions {
  percentageOfNodesToScore?: number;
}

export async function startSchedulerComponent(ctx: ComponentContext, options: SchedulerComponentOptions = {}) {
  const scheduler = new Scheduler({ seed: Math.floor(ctx.tasks.random() * 2 ** 31), percentageOfNodesToScore: options.percentageOfNodesToScore });
  const nodes = ctx.informer('Node');
  const pods = ctx.informer('Pod');
  /** Pending pods that failed their last cycle → attempts so far. */
  const unschedulable = new Map<string, number>();
  const queue = ctx.queue(reconcile);

  const retryUnschedulable = () => {
    for (const key of unschedulable.keys()) queue.add(key);
  };
  const cacheCall = (what: string, fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      ctx.reportError(error, what);
    }
  };

  nodes.on({
    add: (node) => {
      cacheCall(`node ${node.metadata.name}`, () => scheduler.addNode(node));
      retryUnschedulable();
    },
    update: (old, node) => {
      cacheCall(`node ${node.metadata.name}`, () => scheduler.updateNode(node));
      if (nodeInput(old) !== nodeInput(node)) retryUnschedulable();
    },
    delete: (node) => void scheduler.removeNode(String(node.metadata.name)),
  });

  pods.on({
    add: (pod) => {
      if (isAssigned(pod)) return void (isTerminal(pod) || cacheCall(`pod ${keyOf(pod)}`, () => scheduler.addPod(pod)));
      if (isOurs(pod) && !pod.metadata.deletionTimestamp) queue.add(keyOf(pod));
    },
    update: (old, pod) => {
      const key = keyOf(pod);
      if (isAssigned(pod)) {
        unschedulable.delete(key);
        if (isTerminal(pod)) {
          if (scheduler.removePod(pod)) retryUnschedulable();
        } else cacheCall(`pod ${key}`, () => scheduler.updatePod(pod));
        return;
      }
      if (isOurs(pod) && schedulingInput(old) !== schedulingInput(pod)) queue.add(key);
    },
    delete: (pod) => {
      unschedulable.delete(keyOf(pod));
      if (isAssigned(pod) && scheduler.removePod(pod)) retryUnschedulable();
    },
  });

  async function reconcile(key: string) {
    const pod = pods.get(key);
    if (!pod || isAssigned(pod) || pod.metadata.deletionTimestamp || !isOurs(pod)) return void unschedulable.delete(key);
    let result;
    try {
      result = scheduler.scheduleCycle(pod);
    } catch (error) {
      if (error instanceof InvalidObjectError) throw new TerminalError(error.message, { cause: error });
      throw error;
    }
    if (result.scheduled) {
      const node = result.node.name;
      scheduler.assume(pod, node);
      try {
        await ctx.client.bind(String(pod.metadata.namespace), String(pod.metadata.name), node);
      } catch (error) {
        scheduler.removePod(pod);
        if (isNotFound(error) || isConflict(error)) return;
        throw error;
      }
      unschedulable.delete(key);
      return;
    }
    const attempts = (unschedulable.get(key) ?? 0) + 1;
    unschedulable.set(key, attempts);
    await markUnschedulable(pod, result.message);
    await ctx.events.record(pod, 'Warning', FAILED_SCHEDULING, result.message);
    return { requeueAfterMs: Math.min(INITIAL_BACKOFF_MS * 2 ** (attempts - 1), MAX_UNSCHEDULABLE_WAIT_MS) };
  }

  async function markUnschedulable(pod: KubeObject, message: string) {
    const conditions: KubeObject[] = pod.status?.conditions ?? [];
    const current = conditions.find((c) => c.type === 'PodScheduled');
    if (current?.status === 'False' && current.reason === UNSCHEDULABLE_REASON && current.message === message) return;
    const condition = { type: 'PodScheduled', status: 'False', lastTransitionTime: rfc3339(ctx.clock.now()), reason: UNSCHEDULABLE_REASON, message };
    const next = [...conditions.filter((c) => c.type !== 'PodScheduled'), condition];
    await ctx.client.patch('Pod', pod.metadata.namespace, String(pod.metadata.name), { status: { conditions: next } }, 'status').catch((error) => {
      if (!isNotFound(error)) throw error;
    });
  }

  await nodes.start();
  await pods.start();
  return { scheduler };
}

export const schedulerComponent: ComponentDefinition = {
  name: 'kube-scheduler',
  description: 'binds each pod without a node to the node impl/scheduler picks (pods/binding); reports unschedulable pods',
  start: async (ctx) => void (await startSchedulerComponent(ctx)),
};
