// Steps that work on objects through the API (capability `objects`): create from YAML, get,
// list, delete, and assert on namespaces and exact Status messages. Names are scenario-unique
// (features/support/scenarioObjects.ts) and written back in answers and messages.
import { DriverError } from '../../harness/contract/driver.ts';
import type { KubeObject } from '../../harness/contract/methods.ts';
import { step } from '../support/step.ts';
import { parseManifests } from '../support/manifests.ts';
import { parseNameList } from '../support/text.ts';
import { eventually } from '../support/eventually.ts';
import { isClusterScoped, scenarioObjects, type Outcome, type ScenarioObjects } from '../support/scenarioObjects.ts';
import type { KWorld } from '../support/world.ts';
import '../support/kindParameter.ts';

/** Runs a driver call; a DriverError the implementation answered with is returned, anything else thrown. */
async function attempt<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: DriverError }> {
  try {
    return { value: await fn() };
  } catch (e) {
    if (e instanceof DriverError && e.kind === 'answer') return { error: e };
    throw e;
  }
}

/** Creates each manifest in order, stopping at the first refusal; records the outcome. */
async function createAll(w: KWorld, doc: string): Promise<Outcome & { op: 'create' }> {
  const s = scenarioObjects(w);
  const outcome: Outcome & { op: 'create' } = { op: 'create', created: [] };
  for (const manifest of parseManifests(doc)) {
    const sent = s.outbound(manifest as KubeObject);
    const r = await attempt(() => w.driver.call('objects.create', { object: sent }));
    if (r.error) {
      outcome.error = r.error;
      break;
    }
    const made = r.value!.object;
    const kind = String(manifest.kind);
    s.created.push({ kind, namespace: made.metadata.namespace, name: String(made.metadata.name), finalizers: (made.metadata.finalizers?.length ?? 0) > 0 });
    if (kind === 'Namespace') s.namespaces.add(manifest.metadata.name);
    outcome.created.push(s.inboundObject(made));
  }
  s.outcome = outcome;
  return outcome;
}

const namespaceManifest = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${JSON.stringify(name)}\n`;

async function mustCreate(w: KWorld, doc: string): Promise<void> {
  const r = await createAll(w, doc);
  if (r.error) await w.mismatch('creating the objects failed', 'created', `${r.error.code}: ${scenarioObjects(w).inbound(r.error.message)}`);
}

step('a namespace {text}', ['objects'], async function (name: string) {
  await mustCreate(this, namespaceManifest(name));
});

step('namespaces {text}', ['objects'], async function (names: string) {
  await mustCreate(this, parseNameList(names).map(namespaceManifest).join('---\n'));
});

// YAML, one or more documents, checked against spec/schemas/manifests; every one must be created.
step('these objects exist:', ['objects'], async function (doc: string) {
  await mustCreate(this, doc);
});

step('I create:', ['objects'], async function (doc: string) {
  await createAll(this, doc);
});

function lastCreate(w: KWorld): Outcome & { op: 'create' } {
  const o = scenarioObjects(w).outcome;
  if (o?.op !== 'create') throw new Error('no "I create:" step ran before this one');
  return o;
}

/** The error of the last When step, with names written back; fails the step when it succeeded. */
async function lastError(w: KWorld): Promise<DriverError> {
  const o = scenarioObjects(w).outcome;
  if (!o) throw new Error('no When step ran before this one');
  if (!o.error) await w.mismatch(`expected the ${o.op} to fail`, 'an error', 'success');
  return o.error!;
}

const errorText = (s: ScenarioObjects, e: DriverError) => s.inbound(e.message);

step('the create succeeds', ['objects'], async function () {
  const o = lastCreate(this);
  if (o.error) await this.mismatch('expected the create to succeed', 'created', `${o.error.code}: ${errorText(scenarioObjects(this), o.error)}`);
});

step('the {word} fails with {text}', ['objects'], async function (_op: string, message: string) {
  await this.expectEqual('the error message differs', errorText(scenarioObjects(this), await lastError(this)), message);
});

step('the {word} fails with:', ['objects'], async function (_op: string, message: string) {
  await this.expectEqual('the error message differs', errorText(scenarioObjects(this), await lastError(this)), message.trim());
});

step('the error reason is {word}', ['objects'], async function (reason: string) {
  await this.expectEqual('the error reason differs', (await lastError(this)).code, reason);
});

step('the error has a cause {text} on {text}', ['objects'], async function (message: string, field: string) {
  const causes = (await lastError(this)).causes ?? [];
  const s = scenarioObjects(this);
  if (!causes.some((c) => c.field === field && s.inbound(c.message) === message)) await this.mismatch('no such cause', { field, message }, causes);
});

/** Every object the last create made is in `namespace` (or, for '', in none). */
async function expectNamespace(w: KWorld, objects: KubeObject[], namespace: string | undefined): Promise<void> {
  const got = objects.map((o) => `${o.kind}/${o.metadata.name}: ${o.metadata.namespace ?? '(none)'}`);
  const want = objects.map((o) => `${o.kind}/${o.metadata.name}: ${namespace ?? '(none)'}`);
  await w.expectEqual('the namespaces differ', got, want);
}

step('every created object is in namespace {text}', ['objects'], async function (namespace: string) {
  await expectNamespace(this, lastCreate(this).created, namespace);
});

step('every created object belongs to no namespace', ['objects'], async function () {
  await expectNamespace(this, lastCreate(this).created, undefined);
});

async function list(w: KWorld, kind: string, namespace: string | undefined, labelSelector?: string): Promise<void> {
  const s = scenarioObjects(w);
  const r = await attempt(() => w.driver.call('objects.list', { kind, namespace: s.namespace(namespace), ...(labelSelector ? { labelSelector } : {}) }));
  const items = (r.value?.items ?? []).filter((o) => s.owns(o)).map((o) => s.inboundObject(o));
  s.outcome = { op: 'list', kind, items, acrossNamespaces: namespace === undefined && !isClusterScoped(kind), ...(r.error ? { error: r.error } : {}) };
}

step('I list {kind} in {text}', ['objects'], async function (kind: string, namespace: string) {
  await list(this, kind, namespace);
});

step('I list {kind} in {text} with labels {text}', ['objects'], async function (kind: string, namespace: string, selector: string) {
  await list(this, kind, namespace, selector);
});

step('I list {kind} in all namespaces', ['objects'], async function (kind: string) {
  await list(this, kind, undefined);
});

// The items this scenario made (lists outside its own namespaces are filtered to its objects): `name`, or
// `namespace/name` for a list across namespaces; any order; "" or "(none)" for none.
step('the list holds exactly {text}', ['objects'], async function (names: string) {
  const o = scenarioObjects(this).outcome;
  if (o?.op !== 'list') throw new Error('no "I list" step ran before this one');
  if (o.error) await this.mismatch('the list failed', names, `${o.error.code}: ${errorText(scenarioObjects(this), o.error)}`);
  const got = o.items.map((i) => (o.acrossNamespaces ? `${i.metadata.namespace}/${i.metadata.name}` : String(i.metadata.name))).sort();
  await this.expectEqual('the listed objects differ', got, parseNameList(names).sort());
});

async function get(w: KWorld, kind: string, name: string, namespace?: string): Promise<{ object?: KubeObject; error?: DriverError }> {
  const s = scenarioObjects(w);
  const r = await attempt(() => w.driver.call('objects.get', { kind, namespace: s.namespace(namespace), name: s.objectName(kind, namespace, name, true) }));
  return { object: r.value ? s.inboundObject(r.value.object) : undefined, error: r.error };
}

step('I get the {kind} {text} in {text}', ['objects'], async function (kind: string, name: string, namespace: string) {
  scenarioObjects(this).outcome = { op: 'get', ...(await get(this, kind, name, namespace)) };
});

step('I get the {kind} {text}', ['objects'], async function (kind: string, name: string) {
  scenarioObjects(this).outcome = { op: 'get', ...(await get(this, kind, name)) };
});

step('the {kind} {text} exists in {text}', ['objects'], async function (kind: string, name: string, namespace: string) {
  const r = await get(this, kind, name, namespace);
  if (r.error) await this.mismatch(`${kind} ${name} is not in ${namespace}`, 'found', `${r.error.code}: ${errorText(scenarioObjects(this), r.error)}`);
});

step('I delete the {kind} {text} in {text}', ['objects'], async function (kind: string, name: string, namespace: string) {
  const s = scenarioObjects(this);
  const r = await attempt(() => this.driver.call('objects.delete', { kind, namespace: s.namespace(namespace), name: s.objectName(kind, namespace, name, true) }));
  s.outcome = { op: 'delete', ...(r.error ? { error: r.error } : {}) };
});

step('I delete the namespace {text}', ['objects'], async function (name: string) {
  const s = scenarioObjects(this);
  const r = await attempt(() => this.driver.call('objects.delete', { kind: 'Namespace', name: s.objectName('Namespace', undefined, name) }));
  s.outcome = { op: 'delete', ...(r.error ? { error: r.error } : {}) };
});

step('the delete succeeds', ['objects'], async function () {
  const o = scenarioObjects(this).outcome;
  if (o?.error) await this.mismatch('expected the delete to succeed', 'deleted', `${o.error.code}: ${errorText(scenarioObjects(this), o.error)}`);
});

step('the namespace {text} is {word}', ['objects'], async function (name: string, phase: string) {
  const r = await get(this, 'Namespace', name);
  const got = r.object ? String((r.object as { status?: { phase?: string } }).status?.phase).toLowerCase() : `${r.error?.code}`;
  await this.expectEqual(`the phase of namespace ${name}`, got, phase.toLowerCase());
});

step('the object is in namespace {text}', ['objects'], async function (namespace: string) {
  const o = scenarioObjects(this).outcome;
  if (o?.op !== 'get' || !o.object) return this.mismatch('no object was got', namespace, o?.error?.message);
  await this.expectEqual('the namespace differs', o.object.metadata.namespace, namespace);
});

step('the object belongs to no namespace', ['objects'], async function () {
  const o = scenarioObjects(this).outcome;
  if (o?.op !== 'get' || !o.object) return this.mismatch('no object was got', '(none)', o?.error?.message);
  await this.expectEqual('the namespace differs', o.object.metadata.namespace ?? '(none)', '(none)');
});

step('the {kind} {text} in {text} and the {kind} {text} in {text} are different objects', ['objects'],
  async function (kindA: string, a: string, nsA: string, kindB: string, b: string, nsB: string) {
    const [x, y] = [await get(this, kindA, a, nsA), await get(this, kindB, b, nsB)];
    if (!x.object || !y.object) return this.mismatch('both objects must exist', 'two objects', [x.error?.message, y.error?.message]);
    if (x.object.metadata.uid === y.object.metadata.uid) await this.mismatch('the objects share a uid', 'different uids', x.object.metadata.uid);
  });

// Controllers: polls (or settles virtual time) for up to 10 seconds.
step('eventually the namespace {text} is gone with everything in it', ['objects'], async function (name: string) {
  const s = scenarioObjects(this);
  const inside = s.created.filter((c) => c.namespace === s.namespace(name));
  await eventually(this, `namespace ${name} and its ${inside.length} objects are deleted`, async () => {
    const left: string[] = [];
    for (const c of inside) if (!(await get(this, c.kind, c.name, name)).error) left.push(`${c.kind}/${c.name}`);
    if (!(await get(this, 'Namespace', name)).error) left.push(`Namespace/${name}`);
    return left.length ? `still there: ${left.join(', ')}` : undefined;
  });
});

step('eventually the {kind} {text} exists in {text}', ['objects'], async function (kind: string, name: string, namespace: string) {
  await eventually(this, `${kind} ${name} exists in ${namespace}`, async () => (await get(this, kind, name, namespace)).error?.message);
});

step('eventually the secret {text} in {text} holds the keys {text}', ['objects'], async function (name: string, namespace: string, keys: string) {
  const want = parseNameList(keys).sort();
  await eventually(this, `secret ${name} holds ${want.join(', ')}`, async () => {
    const r = await get(this, 'Secret', name, namespace);
    const have = Object.keys((r.object as { data?: Record<string, string> } | undefined)?.data ?? {});
    const missing = want.filter((k) => !have.includes(k));
    return r.error ? r.error.message : missing.length ? `missing ${missing.join(', ')}` : undefined;
  });
});
