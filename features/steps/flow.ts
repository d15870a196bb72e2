// Steps of the Pod creation flow (FLOW-1..6, POD-2): a cluster of simulated nodes made by creating
// Node objects, cluster time passing, where a pod is and what phase it is in, and the documented
// order of the flow read from the implementation's trace (capability `time`).
import type { TraceEntry } from '../../harness/contract/methods.ts';
import { step } from '../support/step.ts';
import { scenarioObjects } from '../support/scenarioObjects.ts';
import { conditionOf, find, flowState, mustFind, nodeName, nodeOf, passTime, podStatus, within } from '../support/flowCluster.ts';
import { traceSince, traceTail } from '../support/flowTrace.ts';
import { parseNameList } from '../support/text.ts';
import type { KWorld } from '../support/world.ts';

step('a cluster with the nodes {text}', ['objects'], async function (names: string) {
  const s = scenarioObjects(this);
  const state = flowState(this);
  for (const written of parseNameList(names)) {
    const { object } = await this.driver.call('objects.create', { object: s.outbound({ apiVersion: 'v1', kind: 'Node', metadata: { name: written } }) });
    s.created.push({ kind: 'Node', name: String(object.metadata.name), finalizers: false });
    state.nodes.push(written);
  }
  await within(this, 10, `nodes ${names} are Ready`, async () => {
    for (const n of state.nodes) if (conditionOf(await mustFind(this, 'Node', n), 'Ready') !== 'True') return `${n} is not Ready`;
    return undefined;
  });
  if (this.driver.has('time')) state.traceFrom = await traceTail(this);
});

step('{int} second(s) pass(es)', ['time'], async function (n: number) {
  await passTime(this, n * 1000);
});

step('{int} minute(s) pass(es)', ['time'], async function (n: number) {
  await passTime(this, n * 60_000);
});

step('the pod {text} in {text} is {word}', ['objects'], async function (pod: string, ns: string, phase: string) {
  await this.expectEqual(`the phase of pod ${pod}`, podStatus(await mustFind(this, 'Pod', pod, ns)).phase, phase);
});

step('within {int} seconds the pod {text} in {text} is {word}', ['objects'], async function (seconds: number, pod: string, ns: string, phase: string) {
  await within(this, seconds, `pod ${pod} is ${phase}`, async () => {
    const got = podStatus(await mustFind(this, 'Pod', pod, ns)).phase;
    return got === phase ? undefined : `phase ${got}`;
  });
});

step('the pod {text} in {text} runs on one of the cluster\'s nodes', ['objects'], async function (pod: string, ns: string) {
  const node = nodeOf(await mustFind(this, 'Pod', pod, ns));
  const ours = flowState(this).nodes.map((n) => nodeName(this, n));
  if (!node || !ours.includes(node)) await this.mismatch(`pod ${pod} is not on a node of the scenario`, ours, node ?? 'no node');
});

step('the pod {text} in {text} has the conditions:', ['objects'], async function (pod: string, ns: string, table: { hashes(): Record<string, string>[] }) {
  const got = await mustFind(this, 'Pod', pod, ns);
  const want = table.hashes();
  await this.expectEqual(`conditions of pod ${pod}`, want.map((r) => ({ type: r.type, status: conditionOf(got, r.type) })), want.map((r) => ({ type: r.type, status: r.status })));
});

step('the pod {text} in {text} no longer exists', ['objects'], async function (pod: string, ns: string) {
  const got = await find(this, 'Pod', pod, ns);
  if (got) await this.mismatch(`pod ${pod} still exists`, 'NotFound', `${podStatus(got).phase} on ${nodeOf(got)}`);
});

step('within {int} seconds the pod {text} in {text} no longer exists', ['objects'], async function (seconds: number, pod: string, ns: string) {
  await within(this, seconds, `pod ${pod} is deleted`, async () => ((await find(this, 'Pod', pod, ns)) ? 'it still exists' : undefined));
});

// --- the trace ------------------------------------------------------------------------------------

type Milestone = (e: TraceEntry, pod: { namespace: string; name: string; startedEvent?: string }) => boolean;
const isKubelet = (actor: string) => actor === 'kubelet' || actor.startsWith('kubelet/');

/** What each documented step of the flow looks like in the trace. */
const MILESTONES: Record<string, Milestone> = {
  'the user asked the API server to create the pod': (e, p) => e.kind === 'request' && e.verb === 'create' && e.resource === 'pods' && e.namespace === p.namespace && e.name === p.name && !e.subresource,
  'the API server stored the pod': (e, p) => e.kind === 'store' && e.op === 'create' && !!e.key?.endsWith(`/pods/${p.namespace}/${p.name}`),
  'the scheduler bound the pod to a node': (e, p) => e.kind === 'request' && e.actor === 'kube-scheduler' && e.subresource === 'binding' && e.name === p.name && e.code === 201,
  'the kubelet of that node received the pod': (e, p) => e.kind === 'watch' && isKubelet(e.actor) && e.resource === 'pods' && e.namespace === p.namespace && e.name === p.name,
  'the kubelet started the containers': (e, p) => e.kind === 'request' && isKubelet(e.actor) && e.resource === 'events' && e.verb === 'create' && e.name === p.startedEvent,
  'the kubelet reported the pod Running': (e, p) => e.kind === 'request' && isKubelet(e.actor) && e.resource === 'pods' && e.subresource === 'status' && e.name === p.name && (e.verb === 'patch' || e.verb === 'update'),
};

/** The name of the kubelet's `Started` event about the pod. */
async function startedEvent(w: KWorld, namespace: string, pod: string): Promise<string | undefined> {
  const { items } = await w.driver.call('objects.list', { kind: 'Event', namespace, fieldSelector: `involvedObject.name=${pod},reason=Started` });
  return items[0]?.metadata.name;
}

step('the trace shows the flow of pod {text} in {text} in this order:', ['time'], async function (pod: string, ns: string, table: { raw(): string[][] }) {
  const namespace = scenarioObjects(this).namespace(ns)!;
  const ref = { namespace, name: pod, startedEvent: await startedEvent(this, namespace, pod) };
  const entries = await traceSince(this, flowState(this).traceFrom);
  const found = table.raw().map(([milestone]) => {
    const matches = MILESTONES[milestone];
    if (!matches) throw new Error(`unknown flow milestone "${milestone}"; known: ${Object.keys(MILESTONES).join('; ')}`);
    const hits = entries.filter((e) => matches(e, ref));
    // the Running report is the kubelet's last status write; every other milestone its first sighting
    const hit = milestone === 'the kubelet reported the pod Running' ? hits.at(-1) : hits[0];
    return { milestone, seq: hit?.seq };
  });
  const missing = found.filter((f) => f.seq === undefined).map((f) => f.milestone);
  if (missing.length) await this.mismatch('the trace lacks steps of the flow', found.map((f) => f.milestone), missing.map((m) => `missing: ${m}`));
  const order = [...found].sort((a, b) => a.seq! - b.seq!).map((f) => f.milestone);
  await this.expectEqual('the order of the flow in the trace', order, found.map((f) => f.milestone));
  if (podStatus(await mustFind(this, 'Pod', pod, ns)).phase !== 'Running') await this.mismatch(`pod ${pod} is not Running`, 'Running', podStatus(await mustFind(this, 'Pod', pod, ns)).phase);
});

step('only the API server read or wrote the store', ['time'], async function () {
  const entries = await traceSince(this, flowState(this).traceFrom);
  const store = entries.filter((e) => e.kind === 'store');
  const others = [...new Set(store.filter((e) => e.actor !== 'kube-apiserver').map((e) => `${e.actor} ${e.op} ${e.key}`))];
  if (store.length === 0) await this.mismatch('the trace records no store call', 'store calls by kube-apiserver', 'none');
  await this.expectEqual('store calls made by anything but the API server', others, []);
});

step('the scheduler and the kubelet changed the pod {text} in {text} through API requests', ['time'], async function (pod: string, ns: string) {
  const namespace = scenarioObjects(this).namespace(ns);
  const entries = await traceSince(this, flowState(this).traceFrom);
  const writers = new Set(entries.filter((e) => e.kind === 'request' && e.resource === 'pods' && e.namespace === namespace && e.name === pod && e.verb !== 'get').map((e) => (isKubelet(e.actor) ? 'kubelet' : e.actor)));
  const missing = ['kube-scheduler', 'kubelet'].filter((who) => !writers.has(who));
  if (missing.length) await this.mismatch(`no API request of ${missing.join(', ')} changed pod ${pod}`, ['kube-scheduler', 'kubelet'], [...writers]);
});
