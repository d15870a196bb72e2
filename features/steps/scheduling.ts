// Steps about scheduling (claims SCH-1..5, FLOW-3). A scenario describes a cluster (nodes, running
// pods) and a pod; the pod is scheduled through the `scheduling` capability when the implementation
// has it, otherwise end to end through `objects` (create everything, observe the binding).
// Cell syntax of the tables: features/support/clusterTables.ts.
import { After, type DataTable } from '@cucumber/cucumber';
import type { Capability, KubeObject, ScheduleResult } from '../../harness/contract/methods.ts';
import { nodeFromRow, podFromRow, ZONE } from '../support/clusterTables.ts';
import { parseManifests } from '../support/manifests.ts';
import { awaitOutcome, createCluster, createNodes, createPod, deleteCreatedNodes, type PodRef } from '../support/schedulingThroughObjects.ts';
import { step } from '../support/step.ts';
import { parseNameList } from '../support/text.ts';
import type { KWorld } from '../support/world.ts';
import { NOT_APPLICABLE_MEDIA } from '../../harness/runner/scenarioCollector.ts';

/** A scheduling verdict; one observed through `objects` has no per-node reasons. */
type Outcome = ScheduleResult & { observedThroughObjects?: true };

interface State {
  nodes: KubeObject[];
  /** Pods placed on a node, including those this scenario scheduled. */
  running: KubeObject[];
  /** Every pod this scenario scheduled, in order, with its outcome. */
  scheduled: { name: string; outcome: Outcome }[];
  /** The namespace holding the scenario's pods once the cluster was created through `objects`. */
  namespace?: string;
  /** The last pod created through `objects`. */
  lastPod?: PodRef;
}

const states = new WeakMap<KWorld, State>();
function state(w: KWorld): State {
  let s = states.get(w);
  if (!s) states.set(w, (s = { nodes: [], running: [], scheduled: [] }));
  return s;
}

/** A table (one object per row) or a YAML docstring of `kind` manifests. */
function objectsOf(arg: DataTable | string, kind: 'Node' | 'Pod', fromRow: (r: Record<string, string>) => KubeObject): KubeObject[] {
  if (typeof arg !== 'string') return arg.hashes().map(fromRow);
  return parseManifests(arg).map((m) => {
    if (m.kind !== kind) throw new Error(`expected ${kind} manifests, got ${m.kind} ${m.metadata.name}`);
    return m as KubeObject;
  });
}

function onePod(arg: DataTable | string): KubeObject {
  const pods = objectsOf(arg, 'Pod', podFromRow);
  if (pods.length !== 1) throw new Error(`describe exactly one pod to schedule, got ${pods.length}`);
  return pods[0];
}

/** Schedules `pod` through `via`; a scheduled pod joins the running pods on its node. */
async function scheduleOne(w: KWorld, via: Capability, pod: KubeObject): Promise<Outcome> {
  const s = state(w);
  let outcome: Outcome;
  if (via === 'scheduling') outcome = await w.driver.call('scheduling.schedule', { nodes: s.nodes, pods: s.running, pod });
  else {
    s.namespace ??= await createCluster(w, s.nodes, s.running);
    s.lastPod = await createPod(w, pod, s.namespace);
    outcome = await awaitOutcome(w, s.lastPod);
  }
  if (outcome.scheduled) s.running.push({ ...pod, spec: { ...(pod.spec as object), nodeName: outcome.node } });
  s.scheduled.push({ name: pod.metadata.name!, outcome });
  w.result = outcome;
  return outcome;
}

After(async function (this: KWorld) {
  if (states.get(this)?.namespace) await deleteCreatedNodes(this);
});

// Givens: the cluster. They talk to no implementation.

// | name | cpu | memory | pods | ephemeral | extended | labels | zone | taints | unschedulable | images |  or Node manifests
step('the cluster has these nodes:', [], function (arg: DataTable | string) {
  state(this).nodes.push(...objectsOf(arg, 'Node', nodeFromRow));
});

// | name | node | cpu | memory | labels | owner | ports | ... |  or Pod manifests with spec.nodeName
step('these pods are running:', [], function (arg: DataTable | string) {
  for (const pod of objectsOf(arg, 'Pod', podFromRow)) {
    if (!(pod.spec as { nodeName?: string }).nodeName) throw new Error(`running pod ${pod.metadata.name} needs a node`);
    state(this).running.push(pod);
  }
});

// Whens: one pod, or several one after another (each sees the ones placed before it).

step('the pod is scheduled:', ['scheduling', 'objects'], async function (arg: DataTable | string) {
  await scheduleOne(this, this.via, onePod(arg));
});

step('these pods are scheduled one after another:', ['scheduling', 'objects'], async function (arg: DataTable | string) {
  for (const pod of objectsOf(arg, 'Pod', podFromRow)) await scheduleOne(this, this.via, pod);
});

// The scheduler's own verdict, for what a cluster decides elsewhere (a pod naming its node is bound at creation).
step('the scheduler is asked to place the pod:', ['scheduling'], async function (arg: DataTable | string) {
  await scheduleOne(this, 'scheduling', onePod(arg));
});

// End to end only: the scheduler must find the pod through the API server and bind it there.
step('the pod is created through the API server:', ['objects'], async function (arg: DataTable | string) {
  await scheduleOne(this, 'objects', onePod(arg));
});

step('these pods are created through the API server one after another:', ['objects'], async function (arg: DataTable | string) {
  for (const pod of objectsOf(arg, 'Pod', podFromRow)) await scheduleOne(this, 'objects', pod);
});

// End to end only: a node registers after the pod was found unschedulable; the scheduler must retry.
step('these nodes join the cluster:', ['objects'], async function (arg: DataTable | string) {
  const s = state(this);
  if (!s.lastPod) throw new Error('create a pod through the API server first');
  const nodes = objectsOf(arg, 'Node', nodeFromRow);
  s.nodes.push(...nodes);
  await createNodes(this, nodes);
  this.result = await awaitOutcome(this, s.lastPod, true);
});

// Thens.

/** The last verdict, failing unless it is `scheduled` (scheduled or not). */
async function last<S extends boolean>(w: KWorld, scheduled: S, want: unknown): Promise<Extract<Outcome, { scheduled: S }>> {
  const r = w.result as Outcome | undefined;
  if (!r) throw new Error('no pod was scheduled in this scenario');
  if (r.scheduled && !scheduled) return w.mismatch(`the pod was scheduled to ${r.node}`, want, r.node);
  if (!r.scheduled && scheduled) return w.mismatch('the pod is unschedulable', want, r.message);
  return r as Extract<Outcome, { scheduled: S }>;
}

step('it goes to {text}', [], async function (node: string) {
  const r = await last(this, true, node);
  await this.expectEqual('chosen node', r.node, node);
});

// For ties: upstream picks one of the equally scored nodes at random.
step('it goes to one of {text}', [], async function (nodes: string) {
  const allowed = parseNameList(nodes);
  const r = await last(this, true, allowed);
  if (!allowed.includes(r.node)) await this.mismatch('chosen node', `one of ${allowed.join(', ')}`, r.node);
});

step('it is unschedulable with {text}', [], async function (message: string) {
  const r = await last(this, false, message);
  await this.expectEqual('unschedulable message', r.message, message);
});

// Upstream appends ` preemption: ...` when its preemption plugin ran; the part before is the filter verdict.
step('it is unschedulable with a message starting {text}', [], async function (prefix: string) {
  const r = await last(this, false, prefix);
  if (!r.message.startsWith(prefix)) await this.mismatch('unschedulable message', `${prefix}…`, r.message);
});

step('node {text} was rejected because {text}', [], async function (node: string, reason: string) {
  const r = await last(this, false, reason);
  if (r.observedThroughObjects) {
    await this.attach('per-node reasons are not observable through the objects capability', NOT_APPLICABLE_MEDIA);
    return 'skipped';
  }
  if (!(r.reasons[node] ?? []).includes(reason)) await this.mismatch(`reasons of node ${node}`, [reason], r.reasons[node] ?? []);
});

/** Where each scheduled pod went, failing if one could not be placed. */
async function placements(w: KWorld): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const { name, outcome } of state(w).scheduled) {
    if (!outcome.scheduled) return w.mismatch(`pod ${name} is unschedulable`, 'scheduled', outcome.message);
    out.set(name, outcome.node);
  }
  return out;
}

/** How many scheduled pods each group of nodes got; every group appears, with 0 when it got none. */
async function countBy(w: KWorld, group: (node: KubeObject) => string | undefined): Promise<Record<string, number>> {
  const byNode = new Map(state(w).nodes.map((n) => [n.metadata.name!, group(n)]));
  const counts: Record<string, number> = {};
  for (const g of byNode.values()) if (g !== undefined) counts[g] = 0;
  for (const node of (await placements(w)).values()) {
    const g = byNode.get(node);
    if (g !== undefined) counts[g]++;
  }
  return counts;
}

async function expectEach(w: KWorld, what: string, counts: Record<string, number>, n: number): Promise<void> {
  const want = Object.fromEntries(Object.keys(counts).map((k) => [k, n]));
  await w.expectEqual(`scheduled pods per ${what}`, counts, want);
}

step('each node runs {int} of them', [], async function (n: number) {
  await expectEach(this, 'node', await countBy(this, (node) => node.metadata.name), n);
});

step('each zone runs {int} of them', [], async function (n: number) {
  await expectEach(this, 'zone', await countBy(this, (node) => node.metadata.labels?.[ZONE]), n);
});
