// Scheduling observed end to end through the `objects` capability: the scenario's nodes and running
// pods are created through the API, then the pod without a node, and the outcome is whatever the
// cluster's scheduler does: a binding (spec.nodeName) or a PodScheduled=False condition.
import { randomBytes } from 'node:crypto';
import { After } from '@cucumber/cucumber';
import type { KubeObject, ScheduleResult } from '../../harness/contract/methods.ts';
import { existingScenarioObjects } from './scenarioObjects.ts';
import { letTheSchedulerCatchUp } from './schedulerSentinel.ts';
import type { KWorld } from './world.ts';

/** How long a scheduler gets to bind or reject a pod, in real time. */
export const BINDING_TIMEOUT_MS = 5_000;
const POLL_MS = 50;
/**
 * With the `time` capability: how much cluster time it gets (upstream retries an unschedulable pod
 * within its 10 s maximum backoff once the cluster changes), advanced in steps of VIRTUAL_STEP_MS.
 */
export const VIRTUAL_TIMEOUT_MS = 10_000;
const VIRTUAL_STEP_MS = 500;
/**
 * In real time, how long one PodScheduled=False message must stand before it is the verdict. A
 * scheduler watches nodes and pods on separate streams, so it may judge a pod created right after
 * its nodes before it has seen their status (a real cluster races the same way); it then retries
 * when the node update arrives, and a first rejection is not its last word.
 */
export const UNSCHEDULABLE_QUIET_MS = 500;

/** Nodes each scenario created (cluster-scoped, so not removed with its namespace). */
const createdNodes = new WeakMap<KWorld, string[]>();
/** The namespace holding each scenario's pods. */
const podNamespaces = new WeakMap<KWorld, string>();
/** How long a scenario's deleted pods get to disappear from the API, in real time. */
export const POD_DELETION_TIMEOUT_MS = 5_000;

/** A result seen through the API; per-node reasons are not observable there, so `reasons` stays empty. */
export type ObservedResult = ScheduleResult & { observedThroughObjects: true };

/** Creates the scenario's namespace, nodes and running pods, once per scenario. */
export async function createCluster(w: KWorld, nodes: KubeObject[], running: KubeObject[]): Promise<string> {
  const namespace = `kconform-sched-${randomBytes(4).toString('hex')}`;
  await w.driver.call('objects.create', { object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } } });
  w.createdNamespaces.push(namespace);
  podNamespaces.set(w, namespace);
  createdNodes.set(w, []);
  await createNodes(w, nodes);
  for (const pod of running) await w.driver.call('objects.create', { object: inNamespace(pod, namespace) });
  await letTheSchedulerCatchUp(w, namespace);
  return namespace;
}

/**
 * Creates nodes (spec first, then status, as a kubelet registers), remembered for
 * deleteCreatedNodes. The status write names no resourceVersion: a controller may already have
 * changed the new node (e.g. tainted it), and the status subresource replaces only the status.
 */
export async function createNodes(w: KWorld, nodes: KubeObject[]): Promise<void> {
  const names = createdNodes.get(w) ?? [];
  createdNodes.set(w, names);
  for (const node of nodes) {
    const { object } = await w.driver.call('objects.create', { object: { ...node, status: undefined } as KubeObject });
    names.push(node.metadata.name!);
    const metadata = { ...object.metadata, resourceVersion: undefined };
    await w.driver.call('objects.update', { object: { ...object, metadata, status: node.status }, subresource: 'status' });
  }
}

/**
 * Deletes the scenario's pods, waits until the API lists none of them, then deletes the nodes it
 * created. The next scenario reuses node names, and a scheduler counts every pod bound to a node
 * name for as long as the pod exists, even across the Node object's deletion and re-creation (as
 * upstream's cache does). The namespace's own deletion is asynchronous (the namespace controller
 * empties it in its own time), so without this wait a pod of this scenario could still take cpu
 * or a host port on the next scenario's node of the same name. Rejects when pods remain after
 * POD_DELETION_TIMEOUT_MS (e.g. graceful deletion on a node whose kubelet never confirms it).
 */
export async function deleteCreatedNodes(w: KWorld): Promise<void> {
  const namespace = podNamespaces.get(w);
  const nodes = createdNodes.get(w) ?? [];
  podNamespaces.delete(w);
  createdNodes.delete(w);
  try {
    if (namespace) await deletePods(w, namespace);
  } finally {
    for (const name of nodes) await w.driver.call('objects.delete', { kind: 'Node', name }).catch(() => {});
  }
}

// Also after a scenario whose cluster was only partly created (a step failed half-way).
After(async function (this: KWorld) {
  await deleteCreatedNodes(this);
});

async function deletePods(w: KWorld, namespace: string): Promise<void> {
  const names = async () => (await w.driver.call('objects.list', { kind: 'Pod', namespace })).items.map((p) => p.metadata.name!);
  for (const name of await names()) await w.driver.call('objects.delete', { kind: 'Pod', namespace, name }).catch(() => {});
  const deadline = Date.now() + POD_DELETION_TIMEOUT_MS;
  for (let left = await names(); left.length > 0; left = await names()) {
    if (Date.now() > deadline) throw new Error(`pods ${left.join(', ')} of ${namespace} were not gone ${POD_DELETION_TIMEOUT_MS / 1000} s after their deletion`);
    if (w.driver.has('time')) await w.driver.call('time.settle', {});
    else await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

function inNamespace(pod: KubeObject, namespace: string): KubeObject {
  return pod.metadata.namespace ? pod : { ...pod, metadata: { ...pod.metadata, namespace } };
}

/**
 * Creates `pod` in `namespace` unless it names its own; returns how to get it. A runtimeClassName
 * naming a RuntimeClass the scenario created (features/support/scenarioObjects.ts) is sent under
 * the name that class was created with.
 */
export async function createPod(w: KWorld, pod: KubeObject, namespace: string): Promise<PodRef> {
  const created = withSentRuntimeClass(w, inNamespace(pod, namespace));
  await w.driver.call('objects.create', { object: created });
  return { kind: 'Pod', namespace: created.metadata.namespace!, name: created.metadata.name! };
}

function withSentRuntimeClass(w: KWorld, pod: KubeObject): KubeObject {
  const spec = pod.spec as { runtimeClassName?: unknown } | undefined;
  const objects = existingScenarioObjects(w);
  if (!objects || typeof spec?.runtimeClassName !== 'string') return pod;
  return { ...pod, spec: { ...spec, runtimeClassName: objects.objectName('RuntimeClass', undefined, spec.runtimeClassName, true) } };
}

export type PodRef = { kind: 'Pod'; namespace: string; name: string };

/**
 * Watches the pod for up to BINDING_TIMEOUT_MS (VIRTUAL_TIMEOUT_MS of cluster time with the `time`
 * capability). Resolves with the node it is bound to, or (unless `untilBound`) with its
 * PodScheduled=False message once that has stood for UNSCHEDULABLE_QUIET_MS (at once with the
 * `time` capability, whose settle delivers every event); rejects when neither shows up in time.
 */
export async function awaitOutcome(w: KWorld, ref: PodRef, untilBound = false): Promise<ObservedResult> {
  const virtual = w.driver.has('time');
  let waited = 0;
  const deadline = Date.now() + BINDING_TIMEOUT_MS;
  let rejection: { message: string; since: number } | undefined;
  if (virtual) await w.driver.call('time.settle', {});
  for (;;) {
    const { object } = await w.driver.call('objects.get', ref);
    const nodeName = (object.spec as { nodeName?: string } | undefined)?.nodeName;
    if (nodeName) return { scheduled: true, node: nodeName, feasible: [nodeName], observedThroughObjects: true };
    const conditions = (object.status as { conditions?: Record<string, string>[] } | undefined)?.conditions ?? [];
    const rejected = conditions.find((c) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable');
    if (rejected && (rejected.message ?? '') !== rejection?.message) rejection = { message: rejected.message ?? '', since: Date.now() };
    if (rejection && !untilBound && (virtual || Date.now() - rejection.since >= UNSCHEDULABLE_QUIET_MS))
      return { scheduled: false, message: rejection.message, reasons: {}, observedThroughObjects: true };
    if (virtual ? waited >= VIRTUAL_TIMEOUT_MS : Date.now() > deadline) {
      const what = untilBound ? 'bound' : 'bound nor marked PodScheduled=False';
      const within = virtual ? `${VIRTUAL_TIMEOUT_MS / 1000} s of cluster time` : `${BINDING_TIMEOUT_MS / 1000} s`;
      throw new Error(`pod ${ref.namespace}/${ref.name} was not ${what} within ${within} (is a scheduler running?)`);
    }
    if (virtual) {
      await w.driver.call('time.advance', { ms: VIRTUAL_STEP_MS });
      waited += VIRTUAL_STEP_MS;
    } else await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
