// Steps of the workload controllers (CTL-1..4, LBL-6): ReplicaSets and Deployments as black-box
// behaviour through `objects`, waiting in cluster time (`time`) or polling in real time.
// Scaling and rollouts are what kubectl sends: a replicas patch, a new image in the template, the
// template of an old revision (`kubectl rollout undo`).
import type { KubeObject } from '../../harness/contract/methods.ts';
import { DriverError } from '../../harness/contract/driver.ts';
import { step } from '../support/step.ts';
import { scenarioObjects } from '../support/scenarioObjects.ts';
import { find, mustFind, passTime, within } from '../support/flowCluster.ts';
import { controllerOf, isReady, list, podStates, podsByController, refsOf, REVISION, replicaSetRows, rolloutPending, sortRows, TEMPLATE_HASH } from '../support/workloads.ts';
import type { KWorld } from '../support/world.ts';
import '../support/kindParameter.ts';

type Table = { hashes(): Record<string, string>[]; raw(): string[][] };

const ns = (w: KWorld, namespace: string) => scenarioObjects(w).namespace(namespace);

/**
 * Read, change and write back an object, again on a Conflict (a controller may write it in between,
 * as client-go's RetryOnConflict expects): up to 5 attempts.
 */
async function modify(w: KWorld, kind: string, name: string, namespace: string, change: (o: KubeObject) => void | Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const object = await mustFind(w, kind, name, namespace);
    await change(object);
    try {
      await w.driver.call('objects.update', { object });
      break;
    } catch (e) {
      if (!(e instanceof DriverError && e.code === 'Conflict') || attempt === 5) throw e;
    }
  }
  if (w.driver.has('time')) await w.driver.call('time.settle', {} as never);
}

async function patch(w: KWorld, kind: string, name: string, namespace: string, body: unknown): Promise<void> {
  await w.driver.call('objects.patch', { kind, namespace: ns(w, namespace), name, patch: body });
  if (w.driver.has('time')) await w.driver.call('time.settle', {} as never);
}

// --- ReplicaSets and their pods --------------------------------------------------------------------

step('within {int} seconds the replica sets in {text} are:', ['objects'], async function (seconds: number, namespace: string, table: Table) {
  const want = sortRows(table.hashes());
  const columns = table.raw()[0];
  let got: Record<string, string>[] = [];
  await within(this, seconds, `the ReplicaSets in ${namespace}`, async () => {
    got = await replicaSetRows(this, namespace, columns);
    return JSON.stringify(got) === JSON.stringify(want) ? undefined : JSON.stringify(got);
  }, () => podStates(this, namespace));
});

step('the replica sets in {text} are:', ['objects'], async function (namespace: string, table: Table) {
  await this.expectEqual(`the ReplicaSets in ${namespace}`, await replicaSetRows(this, namespace, table.raw()[0]), sortRows(table.hashes()));
});

step('within {int} seconds the pods in {text} belong to:', ['objects'], async function (seconds: number, namespace: string, table: Table) {
  const want = JSON.stringify(sortRows(table.hashes()));
  await within(this, seconds, `the owners of the pods in ${namespace}`, async () => {
    const pods = await podsByController(this, namespace);
    const owners = [...new Set(pods.map((p) => p.owner))];
    const got = JSON.stringify(sortRows(owners.map((owner) => ({ owner, pods: String(pods.filter((p) => p.owner === owner).length) }))));
    return got === want ? undefined : got;
  });
});

step('I delete a pod of the replica set {text} in {text}', ['objects'], async function (rs: string, namespace: string) {
  const victim = (await podsByController(this, namespace)).find((p) => p.owner === `ReplicaSet/${rs}`);
  if (!victim) return this.mismatch(`ReplicaSet ${rs} has no pod to delete`, 'a pod', 'none');
  await this.driver.call('objects.delete', { kind: 'Pod', namespace: ns(this, namespace), name: String(victim.pod.metadata.name) });
});

step('I scale the {kind} {text} in {text} to {int}', ['objects'], async function (kind: string, name: string, namespace: string, replicas: number) {
  await patch(this, kind, name, namespace, { spec: { replicas } });
});

/** Waits (a write that met a conflict is retried after a backoff) until the pod's controller is `want`. */
async function expectController(w: KWorld, pod: string, namespace: string, want: string): Promise<void> {
  await within(w, 10, `pod ${pod} is controlled by ${want}`, async () => {
    const ref = controllerOf(await mustFind(w, 'Pod', pod, namespace));
    const got = ref ? `${ref.kind}/${ref.name}` : 'none';
    return got === want ? undefined : got;
  });
}

step('the pod {text} in {text} is controlled by the {kind} {text}', ['objects'], async function (pod: string, namespace: string, kind: string, owner: string) {
  await expectController(this, pod, namespace, `${kind}/${owner}`);
});

step('the pod {text} in {text} has no controller', ['objects'], async function (pod: string, namespace: string) {
  await expectController(this, pod, namespace, 'none');
});

step('I label the pod {text} in {text} with {labels}', ['objects'], async function (pod: string, namespace: string, labels: Record<string, string>) {
  await patch(this, 'Pod', pod, namespace, { metadata: { labels } });
});

step('every pod of the replica set {text} in {text} has this owner reference:', ['objects'], async function (rs: string, namespace: string, table: Table) {
  const owner = await mustFind(this, 'ReplicaSet', rs, namespace);
  const [want] = table.hashes();
  const pods = (await podsByController(this, namespace)).filter((p) => p.owner === `ReplicaSet/${rs}`);
  if (!pods.length) return this.mismatch(`ReplicaSet ${rs} has no pods`, 'pods', 'none');
  for (const { pod } of pods) {
    const refs = refsOf(pod).map((r) => Object.fromEntries(Object.keys(want).map((k) => [k, String((r as Record<string, unknown>)[k])])));
    await this.expectEqual(`the owner references of pod ${pod.metadata.name}`, refs, [want]);
    await this.expectEqual(`the uid in the owner reference of pod ${pod.metadata.name}`, refsOf(pod)[0].uid, owner.metadata.uid);
  }
});

step('within {int} seconds no replica set and no pod is left in {text}', ['objects'], async function (seconds: number, namespace: string) {
  await within(this, seconds, `nothing is left in ${namespace}`, async () => {
    const left = [...(await list(this, 'ReplicaSet', namespace)), ...(await list(this, 'Pod', namespace))].map((o) => `${o.kind} ${o.metadata.name}`);
    return left.length ? left.join(', ') : undefined;
  });
});

// --- Deployments -----------------------------------------------------------------------------------

step('I set the image of the deployment {text} in {text} to {text}', ['objects'], async function (name: string, namespace: string, image: string) {
  await modify(this, 'Deployment', name, namespace, (d) => {
    (d.spec as any).template.spec.containers[0].image = image;
  });
});

step('I roll the deployment {text} in {text} back to revision {int}', ['objects'], async function (name: string, namespace: string, revision: number) {
  await modify(this, 'Deployment', name, namespace, async (d) => {
    const rs = (await list(this, 'ReplicaSet', namespace)).find((r) => controllerOf(r)?.uid === d.metadata.uid && r.metadata.annotations?.[REVISION] === String(revision));
    if (!rs) return this.mismatch(`deployment ${name} has no revision ${revision}`, revision, 'none');
    const template = structuredClone((rs.spec as any).template);
    delete template.metadata.labels[TEMPLATE_HASH];
    (d.spec as any).template = template;
  });
});

// The controller records the revision on the Deployment in a write of its own, after the
// ReplicaSets: in real time it may land a moment later, so this waits up to 5 seconds for it.
step('the deployment {text} in {text} is at revision {int}', ['objects'], async function (name: string, namespace: string, revision: number) {
  await within(this, 5, `deployment ${name} at revision ${revision}`, async () => {
    const got = (await mustFind(this, 'Deployment', name, namespace)).metadata.annotations?.[REVISION];
    return got === String(revision) ? undefined : `revision ${got}`;
  });
});

step('within {int} seconds the rollout of the deployment {text} in {text} is complete', ['objects'], async function (seconds: number, name: string, namespace: string) {
  await within(this, seconds, `the rollout of ${name} is complete`, async () => rolloutPending(await mustFind(this, 'Deployment', name, namespace)));
});

// At each second of cluster time until the rollout is complete: how many of the Deployment's pods
// exist and how many are ready, checked against the bounds maxSurge and maxUnavailable give.
step('within {int} seconds the rollout of the deployment {text} in {text} completes, at every second with:', ['objects', 'time'],
  async function (seconds: number, name: string, namespace: string, table: Table) {
    const [bounds] = table.hashes();
    const timeline: string[] = ['second | pods | ready'];
    for (let s = 0; ; s++) {
      const d = await find(this, 'Deployment', name, namespace);
      const sets = new Set((await list(this, 'ReplicaSet', namespace)).filter((rs) => controllerOf(rs)?.uid === d?.metadata.uid).map((rs) => rs.metadata.name));
      const pods = (await podsByController(this, namespace)).filter((p) => sets.has(p.owner.replace(/^ReplicaSet\//, '')));
      const ready = pods.filter((p) => isReady(p.pod)).length;
      timeline.push(`${s} | ${pods.length} | ${ready}`);
      if (pods.length > Number(bounds['pods at most']) || ready < Number(bounds['ready at least']))
        return this.mismatch(`the rollout of ${name} left its bounds at second ${s}:\n${timeline.join('\n')}`, bounds, { pods: pods.length, ready });
      if (d && !rolloutPending(d)) break;
      if (s >= seconds) return this.mismatch(`the rollout of ${name} is not complete within ${seconds} s:\n${timeline.join('\n')}`, 'complete', d && rolloutPending(d));
      await passTime(this, 1000);
    }
    await this.attach(timeline.join('\n'), 'text/plain');
  });
