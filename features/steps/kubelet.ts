// Steps about what a node's kubelet does (NODE-1..4, POD-1): containers, restarts and probes as
// the pod's status shows them, logs and exec through the API server (capability `pods`), node
// heartbeats and what the node lifecycle controller makes of their absence, and faults on a
// node's kubelet (capability `faults`).
import type { KubeObject } from '../../harness/contract/methods.ts';
import { step } from '../support/step.ts';
import { scenarioObjects } from '../support/scenarioObjects.ts';
import { boundNode, conditionOf, mustFind, nodeName, podStatus, within, type ContainerStatus } from '../support/flowCluster.ts';
import type { KWorld } from '../support/world.ts';

async function containerStatus(w: KWorld, container: string, pod: string, ns: string): Promise<ContainerStatus> {
  const got = podStatus(await mustFind(w, 'Pod', pod, ns)).containerStatuses?.find((c) => c.name === container);
  if (!got) await w.mismatch(`pod ${pod} reports no status for container ${container}`, container, 'none');
  return got!;
}

const stateOf = (c: ContainerStatus) => {
  const [state, detail] = Object.entries(c.state).find(([, v]) => v) ?? ['unknown', undefined];
  return detail?.reason ? `${state} (${detail.reason})` : state;
};

step('the container {text} of pod {text} in {text} is {word} after {int} restart(s)', ['objects'], async function (container: string, pod: string, ns: string, state: string, restarts: number) {
  const c = await containerStatus(this, container, pod, ns);
  await this.expectEqual(`container ${container}`, { state: Object.keys(c.state).find((k) => c.state[k]), restartCount: c.restartCount }, { state, restartCount: restarts });
});

step('the container {text} of pod {text} in {text} is waiting with reason {text}', ['objects'], async function (container: string, pod: string, ns: string, reason: string) {
  await this.expectEqual(`state of container ${container}`, stateOf(await containerStatus(this, container, pod, ns)), `waiting (${reason})`);
});

step('the container {text} of pod {text} in {text} last terminated with exit code {int}', ['objects'], async function (container: string, pod: string, ns: string, code: number) {
  const c = await containerStatus(this, container, pod, ns);
  await this.expectEqual(`last exit code of container ${container}`, c.lastState?.terminated?.exitCode ?? c.state.terminated?.exitCode, code);
});

step('the pods in {text} are:', ['objects'], async function (ns: string, table: { hashes(): Record<string, string>[] }) {
  const rows = table.hashes();
  const got = [];
  for (const row of rows) {
    const pod = await mustFind(this, 'Pod', row.pod, ns);
    const c = podStatus(pod).containerStatuses?.[0];
    got.push({ ...row, ...Object.fromEntries(Object.keys(row).filter((k) => k !== 'pod').map((k) => [k, cell(k, pod, c)])) });
  }
  await this.expectEqual(`pods in ${ns}`, got, rows);
});

/** One column of `the pods in … are:`. */
function cell(column: string, pod: KubeObject, c: ContainerStatus | undefined): string {
  switch (column) {
    case 'phase': return String(podStatus(pod).phase);
    case 'ready': return conditionOf(pod, 'Ready');
    case 'restarts': return String(c?.restartCount ?? 0);
    case 'container': return c ? stateOf(c) : 'none';
    default: throw new Error(`unknown column "${column}"; known: phase, ready, restarts, container`);
  }
}

// --- logs and exec (NODE-4, POD-1) ---------------------------------------------------------------

step('the logs of pod {text} in {text} are:', ['pods'], async function (pod: string, ns: string, text: string) {
  const got = await this.driver.call('pods.log', { namespace: scenarioObjects(this).namespace(ns), name: pod });
  await this.expectEqual(`logs of pod ${pod}`, got.text, text.endsWith('\n') ? text : `${text}\n`);
});

step('asking for the logs of pod {text} in {text} fails with {text}', ['pods'], async function (pod: string, ns: string, message: string) {
  try {
    await this.driver.call('pods.log', { namespace: scenarioObjects(this).namespace(ns), name: pod });
  } catch (e) {
    return this.expectEqual('the error', scenarioObjects(this).inbound((e as Error).message), message);
  }
  await this.mismatch('the logs were served', message, 'logs');
});

step('the trace shows the API server was asked for the logs of pod {text} in {text}', ['time'], async function (pod: string, ns: string) {
  const namespace = scenarioObjects(this).namespace(ns);
  const { entries } = await this.driver.call('time.trace', { since: 0 });
  if (!entries.some((e) => e.kind === 'request' && e.resource === 'pods' && e.subresource === 'log' && e.namespace === namespace && e.name === pod && e.code === 200))
    await this.mismatch('no pods/log request in the trace', `get pods ${ns}/${pod}/log 200`, 'none');
});

async function exec(w: KWorld, pod: string, ns: string, container: string | undefined, command: string) {
  return w.driver.call('pods.exec', { namespace: scenarioObjects(w).namespace(ns), name: pod, ...(container ? { container } : {}), command: command.split(' ') });
}

step('{text} in container {text} of pod {text} in {text} prints the pod\'s IP', ['pods'], async function (command: string, container: string, pod: string, ns: string) {
  const out = await exec(this, pod, ns, container, command);
  await this.expectEqual(`${command} in ${container}`, out.stdout.trim(), podStatus(await mustFind(this, 'Pod', pod, ns)).podIP);
});

step('{text} in pod {text} in {text} prints {text}', ['pods'], async function (command: string, pod: string, ns: string, text: string) {
  const out = await exec(this, pod, ns, undefined, command);
  await this.expectEqual(`${command} in ${pod}`, out.stdout, `${text}\n`);
});

// --- nodes and faults (NODE-2, NODE-3) -------------------------------------------------------------

step('the kubelet of the node running pod {text} in {text} stops', ['faults'], async function (pod: string, ns: string) {
  await this.driver.call('faults.stopKubelet', { node: nodeName(this, await boundNode(this, pod, ns)) });
});

step('the kubelet of node {text} stops', ['faults'], async function (node: string) {
  await this.driver.call('faults.stopKubelet', { node: nodeName(this, node) });
});

step('the kubelet of node {text} starts again', ['faults'], async function (node: string) {
  await this.driver.call('faults.startKubelet', { node: nodeName(this, node) });
});

step('the kubelet of node {text} is cut off from the API server', ['faults'], async function (node: string) {
  await this.driver.call('faults.partitionKubelet', { node: nodeName(this, node) });
});

step('the API server restarts', ['faults'], async function () {
  await this.driver.call('faults.restartApiServer', {});
});

step('the Ready condition of node {text} is {word}', ['objects'], async function (node: string, ready: string) {
  const got = await mustFind(this, 'Node', node);
  await this.expectEqual(`Ready condition of node ${node}`, conditionOf(got, 'Ready'), ready);
});

step('within {int} seconds the Ready condition of node {text} is {word}', ['objects'], async function (seconds: number, node: string, ready: string) {
  await within(this, seconds, `node ${node} is Ready=${ready}`, async () => {
    const got = conditionOf(await mustFind(this, 'Node', node), 'Ready');
    return got === ready ? undefined : `Ready=${got}`;
  });
});

step('the node {text} is labelled {text}', ['objects'], async function (node: string, label: string) {
  const [key, value] = label.split('=');
  await this.driver.call('objects.patch', { kind: 'Node', name: nodeName(this, node), patch: { metadata: { labels: { [key]: value } } } });
});

async function taintsOf(w: KWorld, node: string): Promise<string> {
  const got = ((await mustFind(w, 'Node', node)).spec as { taints?: { key: string; effect: string }[] } | undefined)?.taints ?? [];
  return got.map((t) => `${t.key}:${t.effect}`).join(', ') || 'none';
}

step('the node {text} has the taints {text}', ['objects'], async function (node: string, taints: string) {
  await this.expectEqual(`taints of node ${node}`, await taintsOf(this, node), taints);
});

// the node lifecycle controller looks at nodes every 5 s (--node-monitor-period)
step('within {int} seconds the node {text} has the taints {text}', ['objects'], async function (seconds: number, node: string, taints: string) {
  await within(this, seconds, `node ${node} has the taints ${taints}`, async () => {
    const got = await taintsOf(this, node);
    return got === taints ? undefined : got;
  });
});

step('the Ready condition of node {text} says {text}', ['objects'], async function (node: string, message: string) {
  const c = ((await mustFind(this, 'Node', node)).status as { conditions?: { type: string; message?: string }[] }).conditions?.find((x) => x.type === 'Ready');
  await this.expectEqual(`message of the Ready condition of node ${node}`, c?.message, message);
});

step('a container {text} of image {text} was started on node {text} outside Kubernetes', ['faults'], async function (name: string, image: string, node: string) {
  await this.driver.call('faults.runForeignContainer', { node: nodeName(this, node), name, image });
});

step('node {text} runs the containers:', ['faults'], async function (node: string, table: { hashes(): Record<string, string>[] }) {
  const { containers } = await this.driver.call('faults.nodeContainers', { node: nodeName(this, node) });
  const got = containers.map((c) => ({ name: scenarioObjects(this).inbound(c.name), image: c.image, state: c.state, 'managed by': c.managedBy }));
  await this.expectEqual(`containers on node ${node}`, got, table.hashes());
});
