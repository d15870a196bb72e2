// EndpointSlices (discovery.k8s.io/v1) as the cluster's EndpointSlice controller writes them,
// read back through the `objects` capability. Services and Pods are declared and created with the
// services vocabulary (`the service:`, `these pods:`, `they are created through the API`).
import type { DataTable } from '@cucumber/cucumber';
import type { KubeObject } from '../../harness/contract/methods.ts';
import { step } from '../support/step.ts';
import { declared, declaredService } from '../support/serviceScenario.ts';
import { apiNamespace, getThroughApi, poll } from '../support/servicesThroughApi.ts';
import { parseLabelList } from '../support/text.ts';
import { scenarioObjects } from '../support/scenarioObjects.ts';
import type { KWorld } from '../support/world.ts';

const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io';

/** The slices the controller manages for the declared service `name`. */
async function slicesOf(w: KWorld, name: string): Promise<KubeObject[]> {
  const ns = declaredService(w, name).metadata.namespace;
  const { items } = await w.driver.call('objects.list', { kind: 'EndpointSlice', namespace: apiNamespace(w, ns), labelSelector: `kubernetes.io/service-name=${name},${MANAGED_BY}` });
  return items;
}

type Port = { name?: string; port?: number; protocol?: string };
type Endpoint = { addresses?: string[]; conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean }; targetRef?: { name?: string } };
const yesNo = (b: boolean | undefined) => (b ? 'yes' : 'no');
const portText = (ports: Port[] | null | undefined) =>
  (ports ?? []).map((p) => `${p.name ? `${p.name}=` : ''}${p.port}${p.protocol && p.protocol !== 'TCP' ? `/${p.protocol}` : ''}`).join(', ') || '(none)';

/** One row per endpoint, by pod name: the columns a reader checks. */
function endpointRows(slices: KubeObject[]): Record<string, string>[] {
  return slices
    .flatMap((s) => ((s.endpoints as Endpoint[] | null) ?? []).map((e) => ({
      pod: e.targetRef?.name ?? '', address: (e.addresses ?? []).join(', '),
      ready: yesNo(e.conditions?.ready), serving: yesNo(e.conditions?.serving), terminating: yesNo(e.conditions?.terminating),
      ports: portText(s.ports as Port[]),
    })))
    .sort((a, b) => (a.pod < b.pod ? -1 : a.pod > b.pod ? 1 : 0));
}

/** Only the columns the table names, so a scenario shows what it is about. */
const project = (rows: Record<string, string>[], columns: string[]) => rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? `(no column ${c})`])));

// A Node object with no kubelet behind it (on a real cluster nothing runs behind a Node created through
// the API; the annotation tells the reference's kwok-like fleet to simulate none): the pods declared so
// far are bound to it, so the controller finds their node, and keep the status the scenario writes.
step('the pods run on the node {text}, which has no kubelet', ['objects'], async function (written: string) {
  const s = scenarioObjects(this);
  const name = s.objectName('Node', undefined, written);
  const metadata = { name, annotations: { 'kconform.io/simulated-kubelet': 'false' } };
  await this.driver.call('objects.create', { object: { apiVersion: 'v1', kind: 'Node', metadata } });
  s.created.push({ kind: 'Node', name, finalizers: false });
  for (const pod of declared(this, 'Pod')) pod.spec = { ...(pod.spec as object), nodeName: name };
});

// | pod | address | ready | serving | terminating | ports |  (any subset of the columns)
step('within {int} seconds the EndpointSlices of {text} hold these endpoints:', ['objects'], async function (seconds: number, name: string, table: DataTable) {
  const want = table.hashes();
  const columns = Object.keys(want[0] ?? { pod: '' });
  const { value, ok } = await poll(seconds, () => slicesOf(this, name), (slices) => JSON.stringify(project(endpointRows(slices), columns)) === JSON.stringify(want));
  if (!ok) await this.mismatch(`the endpoints in the EndpointSlices of ${name} after ${seconds} s`, want, project(endpointRows(value), columns));
});

step('within {int} seconds the EndpointSlices of {text} hold {text} endpoints', ['objects'], async function (seconds: number, name: string, sizes: string) {
  const sizesOf = (slices: KubeObject[]) => slices.map((s) => ((s.endpoints as unknown[] | null) ?? []).length).sort((a, b) => b - a).join(', ');
  const { value, ok } = await poll(seconds, () => slicesOf(this, name), (slices) => sizesOf(slices) === sizes);
  if (!ok) await this.mismatch(`the sizes of the EndpointSlices of ${name} after ${seconds} s`, sizes, sizesOf(value));
});

step('every EndpointSlice of {text} carries exactly the labels {text}', ['objects'], async function (name: string, labels: string) {
  const want = parseLabelList(labels);
  const sorted = (l: Record<string, string> | undefined) => Object.fromEntries(Object.entries(l ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)));
  for (const slice of await slicesOf(this, name)) await this.expectEqual(`the labels of EndpointSlice ${slice.metadata.name}`, sorted(slice.metadata.labels), sorted(want));
});

step('every EndpointSlice of {text} is named after it and controlled by it', ['objects'], async function (name: string) {
  const ns = declaredService(this, name).metadata.namespace;
  const service = await getThroughApi(this, 'Service', ns, name);
  const slices = await slicesOf(this, name);
  if (!slices.length) await this.mismatch(`EndpointSlices of ${name}`, 'at least one', 'none');
  for (const slice of slices) {
    const owner = { apiVersion: 'v1', kind: 'Service', name, uid: service?.metadata.uid, controller: true };
    const refs = (slice.metadata.ownerReferences ?? []).map(({ apiVersion, kind, name: n, uid, controller }) => ({ apiVersion, kind, name: n, uid, controller }));
    await this.expectEqual(`the owner of EndpointSlice ${slice.metadata.name}`, refs, [owner]);
    if (!String(slice.metadata.name).startsWith(`${name}-`)) await this.mismatch('the EndpointSlice name', `${name}-<random>`, slice.metadata.name);
  }
});

step('the service {text} has no EndpointSlices managed by the controller', ['objects'], async function (name: string) {
  await new Promise((r) => setTimeout(r, 500));
  const names = (await slicesOf(this, name)).map((s) => s.metadata.name);
  await this.expectEqual(`the managed EndpointSlices of ${name}`, names, []);
});

step('someone deletes the EndpointSlices of {text}', ['objects'], async function (name: string) {
  for (const slice of await slicesOf(this, name)) {
    await this.driver.call('objects.delete', { kind: 'EndpointSlice', namespace: slice.metadata.namespace, name: slice.metadata.name! });
  }
});

const HOLD = 'kconform.dev/hold';
function podNamespace(w: KWorld, pod: string): string {
  return apiNamespace(w, declared(w, 'Pod').find((p) => p.metadata.name === pod)?.metadata.namespace);
}

// A finalizer keeps the deleted pod in the API, terminating, until `finishes terminating` removes it.
step('the pod {text} starts terminating', ['objects'], async function (pod: string) {
  const namespace = podNamespace(this, pod);
  await this.driver.call('objects.patch', { kind: 'Pod', namespace, name: pod, patch: { metadata: { finalizers: [HOLD] } } });
  await this.driver.call('objects.delete', { kind: 'Pod', namespace, name: pod });
});

step('the pod {text} finishes terminating', ['objects'], async function (pod: string) {
  await this.driver.call('objects.patch', { kind: 'Pod', namespace: podNamespace(this, pod), name: pod, patch: { metadata: { finalizers: null } } });
});
