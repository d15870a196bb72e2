// Steps about Services (claims SVC-1..8, ADD-1): endpoints, Service validation, cluster IP and
// NodePort allocation, kube-proxy routing, cluster DNS, and the endpoints controller through the API.
// The `endpoints` capability answers the functional steps; the "through the API" steps need `objects`
// and a running control plane (scenarios tagged @control-plane).
import type { DataTable } from '@cucumber/cucumber';
import { parse as parseYaml } from 'yaml';
import type { Connection, KubeObject, Labels, ServiceAllocationOp } from '../../harness/contract/methods.ts';
import { allocationService, answerMatches, clusterIPOf, renderError } from '../support/allocationTable.ts';
import { step } from '../support/step.ts';
import { parseManifests } from '../support/manifests.ts';
import { addressCount, endpointRows, rowsFromHashes, showRows } from '../support/endpointRows.ts';
import { unevenBackends } from '../support/spreadBound.ts';
import {
  backendName,
  declareObject,
  declared,
  declaredService,
  parseTarget,
  podFromRow,
  scenario,
  splitList,
  type RouteView,
} from '../support/serviceScenario.ts';
import { createDeclared, deleteThroughApi, getThroughApi, poll, writePodStatus } from '../support/servicesThroughApi.ts';
import type { KWorld } from '../support/world.ts';

// ---- declaring Services, Pods and nodes --------------------------------------------------------

step('the service:', [], function (doc: string) {
  for (const m of parseManifests(doc)) {
    if (m.kind !== 'Service') throw new Error(`"the service:" takes Service manifests, got ${m.kind}`);
    declareObject(this, m as KubeObject);
  }
});

// | name | namespace | labels | ip | ready | phase | ports | terminating | node | hostname | subdomain |
step('these pods:', [], function (table: DataTable) {
  for (const row of table.hashes()) declareObject(this, podFromRow(row));
});

step('{int} ready pods and {int} not-ready pods labelled {labels}', [], function (ready: number, notReady: number, labels: Labels) {
  const label = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(', ');
  for (let i = 0; i < ready + notReady; i++) {
    const ip = `10.2.${Math.floor(i / 250)}.${(i % 250) + 1}`;
    declareObject(this, podFromRow({ name: `pod-${String(i).padStart(4, '0')}`, labels: label, ip, ready: i < ready ? 'yes' : 'no' }));
  }
});

// | name | ip |
step('these nodes:', [], function (table: DataTable) {
  for (const row of table.hashes()) scenario(this).nodes[row.name] = row.ip;
});

step('the kubelets give pods the cluster DNS server {text}', [], function (ip: string) {
  scenario(this).clusterDNS = [ip];
});

// ---- endpoints ----------------------------------------------------------------------------------

async function computeEndpoints(w: KWorld, service: KubeObject): Promise<KubeObject | null> {
  return (await w.driver.call('endpoints.compute', { service, pods: declared(w, 'Pod') })).endpoints;
}

/** The Endpoints of the declared services with a selector (computed), and the declared Endpoints objects. */
async function clusterEndpoints(w: KWorld): Promise<KubeObject[]> {
  const out = [...declared(w, 'Endpoints')];
  for (const service of declared(w, 'Service')) {
    const computed = await computeEndpoints(w, service);
    if (computed) out.push(computed);
  }
  return out;
}

step('the endpoints controller computes the endpoints of {text}', ['endpoints'], async function (name: string) {
  this.result = await computeEndpoints(this, declaredService(this, name));
});

/** The Endpoints computed last; fails the step when the controller left the service alone. */
async function lastEndpoints(w: KWorld): Promise<KubeObject> {
  const got = w.result as KubeObject | null | undefined;
  if (got === undefined) throw new Error('no endpoints were computed: use "When the endpoints controller computes the endpoints of ..." first');
  if (got === null) return w.mismatch('the endpoints controller left the service alone', 'an Endpoints object', null);
  return got;
}

step('the endpoints are:', [], async function (table: DataTable) {
  await this.expectEqual('endpoints', showRows(endpointRows(await lastEndpoints(this))), showRows(rowsFromHashes(table.hashes())));
});

step('the service has no endpoints', [], async function () {
  await this.expectEqual('endpoints', showRows(endpointRows(await lastEndpoints(this))), []);
});

step('the endpoints controller leaves the service alone', [], async function () {
  if (this.result !== null) await this.mismatch('the controller wrote endpoints for a service it must leave alone', null, this.result);
});

step('the endpoints hold {int} ready and {int} not-ready addresses', [], async function (ready: number, notReady: number) {
  const rows = endpointRows(await lastEndpoints(this));
  const got = { ready: rows.filter((r) => r.ready).length, notReady: rows.filter((r) => !r.ready).length };
  await this.expectEqual('addresses', got, { ready, notReady });
  await this.expectEqual('addresses counted per subset', addressCount(await lastEndpoints(this)), ready + notReady);
});

step('the Endpoints annotation {text} is {text}', [], async function (key: string, value: string) {
  const annotations = (await lastEndpoints(this)).metadata.annotations ?? {};
  await this.expectEqual(`annotation ${key}`, annotations[key] ?? '(none)', value);
});

// The object as YAML; metadata fields the expectation leaves out (resourceVersion, ...) are not compared.
step('the Endpoints object reads:', [], async function (doc: string) {
  const want = parseYaml(doc) as KubeObject;
  const got = await lastEndpoints(this);
  const meta = Object.fromEntries(Object.keys(want.metadata).map((k) => [k, got.metadata[k]]));
  const trimmed = Object.fromEntries(Object.keys(want).map((k) => [k, k === 'metadata' ? meta : got[k]]));
  await this.expectEqual('the Endpoints object', sortedKeys(trimmed), sortedKeys(want));
});

/** The value with object keys sorted, so that key order never decides equality. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]));
}

// ---- Service validation -------------------------------------------------------------------------
// The answer is { valid, errors }, checked by "it is accepted" / "it is rejected with ..." (steps/labels.ts).

step('the service {text} is validated', ['endpoints'], async function (name: string) {
  this.result = await this.driver.call('endpoints.validateService', { service: declaredService(this, name) });
});

// ---- cluster IPs and NodePorts --------------------------------------------------------------------

step('the service CIDR is {text}', [], function (cidr: string) {
  scenario(this).serviceCIDR = cidr;
});

step('the NodePort range is {text}', [], function (range: string) {
  scenario(this).nodePortRange = range;
});

step('services are created and deleted in this order:', ['endpoints'], async function (table: DataTable) {
  const rows = table.hashes();
  const bad = rows.find((r) => r.action !== 'create' && r.action !== 'delete');
  if (bad) throw new Error(`the action column takes create or delete, got "${bad.action}"`);
  const operations: ServiceAllocationOp[] = rows.map((row) =>
    row.action === 'delete' ? { delete: { namespace: 'default', name: row.service } } : { create: allocationService(row) },
  );
  const s = scenario(this);
  const { results } = await this.driver.call('endpoints.allocate', { serviceCIDR: s.serviceCIDR, nodePortRange: s.nodePortRange, operations });
  s.allocations = rows.map((row, i) => {
    const answer = results[i];
    return 'deleted' in answer ? { action: 'delete' as const, service: row.service } : { action: 'create' as const, service: row.service, answer };
  });
});

// | service | cluster IP | node ports | error |  (one row per create, in order; a non-empty error means refused)
step('the creates are answered:', [], async function (table: DataTable) {
  const creates = (scenario(this).allocations ?? []).flatMap((a) => (a.action === 'create' ? [a] : []));
  const want = table.hashes();
  const shown = creates.map((c) => (c.answer.ok ? `${c.service}: ok ${c.answer.clusterIP ?? '(none)'} [${c.answer.nodePorts.join(', ')}]` : `${c.service}: ${renderError(c.answer.error)}`));
  if (want.length !== creates.length) return this.mismatch('number of creates', want.map((r) => r.service), shown);
  for (const [i, row] of want.entries()) {
    const c = creates[i];
    if (c.service !== row.service || !answerMatches(row, c.answer)) await this.mismatch(`create #${i + 1} (${row.service})`, row, shown[i]);
  }
});

step('no two services hold the same cluster IP or node port at any time', [], async function () {
  const live = new Map<string, string[]>();
  for (const a of scenario(this).allocations ?? []) {
    if (a.action === 'delete') live.delete(a.service);
    else if (a.answer.ok) {
      const held = [...clusterIPOf(a.answer).map((ip) => `IP ${ip}`), ...new Set(a.answer.nodePorts.map((p) => `node port ${p}`))];
      const taken = new Set([...live.values()].flat());
      const clash = held.filter((h) => taken.has(h));
      if (clash.length) await this.mismatch(`${a.service} was given what another live service holds`, [], clash);
      live.set(a.service, held);
    }
  }
});

// ---- kube-proxy -----------------------------------------------------------------------------------

async function route(w: KWorld, connections: Connection[]): Promise<RouteView[]> {
  const { routes } = await w.driver.call('endpoints.route', {
    services: declared(w, 'Service'),
    endpoints: await clusterEndpoints(w),
    nodes: scenario(w).nodes,
    connections,
  });
  return routes.map((r) => (r.routed ? { routed: true, backend: backendName(w, r.podIP, r.port), via: r.via } : { routed: false, reason: r.reason, message: r.message }));
}

async function connect(w: KWorld, connections: (Connection & { label: string })[]): Promise<void> {
  const answers = await route(w, connections.map(({ label: _l, ...c }) => c));
  scenario(w).routes = connections.map((c, i) => ({ to: c.label, from: c.clientIP, answer: answers[i] }));
}

step('a client connects {int} times to {text}', ['endpoints'], async function (n: number, target: string) {
  await connect(this, Array.from({ length: n }, () => ({ ...parseTarget(target), label: target })));
});

// | client | to | times |  (to: `10.0.0.20:80` or `10.0.0.10:53/UDP`; times defaults to 1)
step('these connections are made, in order:', ['endpoints'], async function (table: DataTable) {
  const list = table.hashes().flatMap((r) => Array.from({ length: Number(r.times || 1) }, () => ({ ...parseTarget(r.to), clientIP: r.client, label: r.to })));
  await connect(this, list);
});

const routedTo = (w: KWorld, from?: string) =>
  scenario(w).routes.filter((r) => from === undefined || r.from === from).map((r) => (r.answer.routed ? r.answer.backend : `not routed (${r.answer.reason})`));

step('the connections are spread evenly over {text}', [], async function (list: string) {
  const got = routedTo(this);
  const backends = splitList(list);
  const counts = new Map<string, number>();
  got.forEach((b) => counts.set(b, (counts.get(b) ?? 0) + 1));
  await this.expectEqual('backends reached', [...counts.keys()].sort(), [...backends].sort());
  const uneven = unevenBackends(counts, backends, got.length);
  if (uneven.length) await this.mismatch('the connections are not spread evenly', 'every backend within the bound', uneven);
});

step('all connections from {text} reach the same backend', [], async function (client: string) {
  const got = new Set(routedTo(this, client));
  if (got.size !== 1 || [...got][0].startsWith('not routed')) await this.mismatch(`connections from ${client}`, 'one backend', [...got]);
});

step('every connection reaches {text}', [], async function (backend: string) {
  await this.expectEqual('backends reached', [...new Set(routedTo(this))], [backend]);
});

step('every connection is refused because the service has {text}', [], async function (what: string) {
  const reason = { 'no endpoints': 'NoEndpoints', 'no local endpoints': 'NoLocalEndpoints', 'no such port': 'NoService' }[what];
  if (!reason) throw new Error('say "no endpoints", "no local endpoints" or "no such port"');
  await this.expectEqual('answers', [...new Set(routedTo(this))], [`not routed (${reason})`]);
});

step('a connection to port {int} of every node reaches one of {text}', ['endpoints'], async function (port: number, list: string) {
  const nodes = Object.entries(scenario(this).nodes);
  if (!nodes.length) throw new Error('declare the nodes first ("Given these nodes:")');
  const answers = await route(this, nodes.map(([, ip]) => ({ ip, port })));
  const got = nodes.map(([name], i) => `${name}: ${answers[i].routed ? (answers[i] as { backend: string }).backend : 'not routed'}`);
  const allowed = splitList(list);
  if (answers.some((a) => !a.routed || !allowed.includes(a.backend))) await this.mismatch(`connections to port ${port} of every node`, `one of ${allowed.join(', ')}`, got);
});

// SVC-8: kube-proxy is the only way in from outside, so "reachable from outside" means kube-proxy routes it.
step('a client outside the cluster cannot reach {text}', ['endpoints'], async function (target: string) {
  const [answer] = await route(this, [parseTarget(target)]);
  if (answer.routed) await this.mismatch(`a connection from outside to ${target}`, 'no route', answer.backend);
});

step('a client outside the cluster reaches {text} through {text}', ['endpoints'], async function (backend: string, target: string) {
  const [answer] = await route(this, [{ ...parseTarget(target), clientIP: '203.0.113.7' }]);
  await this.expectEqual(`a connection from outside to ${target}`, answer, { routed: true, backend, via: 'nodePort' });
});

step('a pod in the cluster reaches {text} through {text}', ['endpoints'], async function (backend: string, target: string) {
  const [answer] = await route(this, [parseTarget(target)]);
  await this.expectEqual(`a connection from a pod to ${target}`, answer, { routed: true, backend, via: 'clusterIP' });
});

// ---- the running kube-proxy (endpoints.routeLive, after objects were made through the API) --------

const liveClusterIPs = new WeakMap<KWorld, Map<string, string>>();

/** The cluster IP the API gave the service; remembered, so that it can be asked after a deletion. */
async function liveClusterIP(w: KWorld, name: string): Promise<string> {
  let known = liveClusterIPs.get(w);
  if (!known) liveClusterIPs.set(w, (known = new Map()));
  if (!known.has(name)) {
    const got = await getThroughApi(w, 'Service', declaredService(w, name).metadata.namespace, name);
    const ip = (got?.spec as { clusterIP?: string } | undefined)?.clusterIP;
    if (!ip || ip === 'None') throw new Error(`the API holds no cluster IP for the service ${name}`);
    known.set(name, ip);
  }
  return known.get(name)!;
}

/** Asks the running proxy `n` times until `done` holds or `seconds` pass; answers as `pod:port` or `not routed (Reason)`. */
async function pollLive(w: KWorld, seconds: number, name: string, port: number, n: number, done: (got: string[]) => boolean) {
  const ip = await liveClusterIP(w, name);
  const connections = Array.from({ length: n }, () => ({ ip, port }));
  return poll(seconds, async () => {
    const { routes } = await w.driver.call('endpoints.routeLive', { connections });
    return routes.map((r) => (r.routed ? backendName(w, r.podIP, r.port) : `not routed (${r.reason})`));
  }, done);
}

step('within {int} seconds the running kube-proxy spreads {int} connections to port {int} of the service {text} evenly over {text}', ['endpoints'], async function (seconds: number, n: number, port: number, name: string, list: string) {
  const backends = splitList(list);
  const uneven = (got: string[]) => {
    const counts = new Map<string, number>();
    got.forEach((b) => counts.set(b, (counts.get(b) ?? 0) + 1));
    const reached = [...counts.keys()].sort();
    return JSON.stringify(reached) !== JSON.stringify([...backends].sort()) ? [`reached ${reached.join(', ')}`] : unevenBackends(counts, backends, got.length);
  };
  const { value, ok } = await pollLive(this, seconds, name, port, n, (got) => uneven(got).length === 0);
  if (!ok) await this.mismatch(`connections to port ${port} of ${name} after ${seconds} s`, `spread evenly over ${backends.join(', ')}`, uneven(value));
});

step('within {int} seconds the running kube-proxy refuses connections to port {int} of the service {text} because it has {text}', ['endpoints'], async function (seconds: number, port: number, name: string, what: string) {
  const reason = { 'no endpoints': 'NoEndpoints', 'no such port': 'NoService' }[what];
  if (!reason) throw new Error('say "no endpoints" or "no such port"');
  const want = `not routed (${reason})`;
  const { value, ok } = await pollLive(this, seconds, name, port, 2, (got) => got.every((g) => g === want));
  if (!ok) await this.mismatch(`connections to port ${port} of ${name} after ${seconds} s`, [want], [...new Set(value)]);
});

// ---- cluster DNS ----------------------------------------------------------------------------------

async function resolve(w: KWorld, podName: string, queries: { name: string; type?: 'A' | 'SRV' | 'CNAME' }[]) {
  const pod = declared(w, 'Pod').find((p) => p.metadata.name === podName);
  if (!pod) throw new Error(`no pod ${JSON.stringify(podName)} was declared`);
  return w.driver.call('endpoints.resolve', { services: declared(w, 'Service'), endpoints: await clusterEndpoints(w), pod, clusterDNS: scenario(w).clusterDNS, queries });
}

step('the pod {text} is given this resolv.conf:', ['endpoints'], async function (podName: string, doc: string) {
  const { resolvConf: c } = await resolve(this, podName, []);
  const lines = [...c.nameservers.map((n) => `nameserver ${n}`), ...(c.searches.length ? [`search ${c.searches.join(' ')}`] : []), ...(c.options.length ? [`options ${c.options.join(' ')}`] : [])];
  await this.expectEqual('resolv.conf', lines, doc.split('\n').map((l) => l.trim()).filter(Boolean));
});

// | name | type | answer | answered as |  answer: IPs, `CNAME <target>`, `SRV <priority> <weight> <port> <target>` or `(not found)`
step('from the pod {text} these names resolve as follows:', ['endpoints'], async function (podName: string, table: DataTable) {
  const rows = table.hashes();
  const { answers } = await resolve(this, podName, rows.map((r) => ({ name: r.name, type: (r.type || 'A') as 'A' | 'SRV' | 'CNAME' })));
  const show = (a: (typeof answers)[number]) => {
    if (!a.found) return { answer: '(not found)', 'answered as': '' };
    const text = a.records.map((r) => (r.type === 'A' ? r.ip : r.type === 'CNAME' ? `CNAME ${r.target}` : `SRV ${r.priority} ${r.weight} ${r.port} ${r.target}`));
    return { answer: text.sort().join(', '), 'answered as': a.name };
  };
  const got = rows.map((r, i) => ({ name: r.name, ...show(answers[i]) }));
  const want = rows.map((r) => ({ name: r.name, answer: splitList(r.answer).sort().join(', ') || r.answer, 'answered as': r['answered as'] ?? '' }));
  await this.expectEqual('DNS answers', got, want);
});

// ---- through the API (a running control plane) ---------------------------------------------------

step('they are created through the API', ['objects'], async function () {
  await createDeclared(this);
});

for (const [phrase, status] of [['stops being ready', 'False'], ['becomes ready', 'True']] as const) {
  step(`the pod {text} ${phrase}`, ['objects'], async function (name: string) {
    const pod = declared(this, 'Pod').find((p) => p.metadata.name === name);
    await writePodStatus(this, pod?.metadata.namespace, name, { conditions: [{ type: 'Ready', status }] });
  });
}

step('the {word} {text} is deleted through the API', ['objects'], async function (kind: string, name: string) {
  const o = declared(this, kind === 'pod' ? 'Pod' : 'Service').find((p) => p.metadata.name === name);
  await deleteThroughApi(this, kind === 'pod' ? 'Pod' : 'Service', o?.metadata.namespace, name);
});

step('within {int} seconds the Endpoints {text} are:', ['objects'], async function (seconds: number, name: string, table: DataTable) {
  const ns = declaredService(this, name).metadata.namespace;
  const want = showRows(rowsFromHashes(table.hashes()));
  const { value, ok } = await poll(seconds, () => getThroughApi(this, 'Endpoints', ns, name), (e) => JSON.stringify(showRows(endpointRows(e))) === JSON.stringify(want));
  if (!ok) await this.mismatch(`the Endpoints ${name} after ${seconds} s`, want, value ? showRows(endpointRows(value)) : 'no Endpoints object');
});

step('within {int} seconds the API holds no Endpoints {text}', ['objects'], async function (seconds: number, name: string) {
  const ns = declaredService(this, name).metadata.namespace;
  const { value, ok } = await poll(seconds, () => getThroughApi(this, 'Endpoints', ns, name), (e) => e === null);
  if (!ok) await this.mismatch(`the Endpoints ${name} after ${seconds} s`, 'deleted', value);
});

step('the API gave the service {text} a cluster IP', ['objects'], async function (name: string) {
  const got = await getThroughApi(this, 'Service', declaredService(this, name).metadata.namespace, name);
  const ip = (got?.spec as { clusterIP?: string } | undefined)?.clusterIP ?? '';
  if (!/^\d+\.\d+\.\d+\.\d+$|:/.test(ip)) await this.mismatch(`the cluster IP of ${name}`, 'an IP address', ip);
});

step('within {int} seconds the API holds the Service {text} in namespace {text} with ports {text}', ['objects'], async function (seconds: number, name: string, ns: string, ports: string) {
  const want = splitList(ports).sort();
  const show = (s: KubeObject | null) => (s ? ((s.spec as { ports?: { port: number; protocol?: string }[] }).ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).sort() : null);
  const { value, ok } = await poll(seconds, () => getThroughApi(this, 'Service', ns, name, true), (s) => JSON.stringify(show(s)?.filter((p) => want.includes(p))) === JSON.stringify(want));
  if (!ok) await this.mismatch(`the Service ${ns}/${name}`, want, show(value) ?? 'no such Service');
});
