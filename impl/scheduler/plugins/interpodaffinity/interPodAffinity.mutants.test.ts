// InterPodAffinity cases our first table leaves out, after upstream's filtering_test.go and
// scoring_test.go: missing topology labels, several terms, check order, the first-pod exception's
// limits, placed pods' terms at Score, negative sums and the normalization's float truncation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../types.ts';
import { cluster, makeNode, makePod, runFilter, runScore } from '../../testing/fixtures.ts';
import { PodInfo } from '../../framework/podInfo.ts';
import { newInterPodAffinity, REASON_AFFINITY, REASON_ANTI_AFFINITY, REASON_EXISTING_ANTI_AFFINITY } from './interPodAffinity.ts';
import { normalizeScore } from './scoring.ts';

const ZONE = 'topology.kubernetes.io/zone';
const HOST = 'kubernetes.io/hostname';
const zone = (name: string, z: string) => makeNode(name, { labels: { [ZONE]: z } });
const nodes = [zone('a1', 'a'), zone('a2', 'a'), zone('b1', 'b'), makeNode('nozone')];
const term = (labels: Record<string, string>, topologyKey = ZONE, extra: object = {}) => ({ labelSelector: { matchLabels: labels }, topologyKey, ...extra });
const required = (kind: 'podAffinity' | 'podAntiAffinity', ...terms: object[]) => ({ [kind]: { requiredDuringSchedulingIgnoredDuringExecution: terms } });
const preferred = (kind: 'podAffinity' | 'podAntiAffinity', ...terms: [number, object][]) =>
  ({ [kind]: { preferredDuringSchedulingIgnoredDuringExecution: terms.map(([weight, podAffinityTerm]) => ({ weight, podAffinityTerm })) } });
const pod = (name: string, labels: Record<string, string>, node?: string, affinity?: object, namespace?: string) =>
  makePod(name, { node, labels, namespace, spec: affinity ? { affinity } : undefined });

/** Node name → reason ('' when the node passes). */
function filter(placed: KubeObject[], incoming: KubeObject): Record<string, string> {
  const got = runFilter(newInterPodAffinity(), nodes, placed, incoming);
  return Object.fromEntries(Object.entries(got).map(([n, o]) => {
    if (o.code === 'Success') return [n, ''];
    assert.equal(o.code, o.reasons[0] === REASON_AFFINITY ? 'UnschedulableAndUnresolvable' : 'Unschedulable');
    return [n, o.reasons.join()];
  }));
}
test('the reasons are upstream\'s text', () => {
  assert.equal(REASON_AFFINITY, "node(s) didn't match pod affinity rules");
  assert.equal(REASON_ANTI_AFFINITY, "node(s) didn't match pod anti-affinity rules");
  assert.equal(REASON_EXISTING_ANTI_AFFINITY, "node(s) didn't satisfy existing pods anti-affinity rules");
});

const A = REASON_AFFINITY;
const X = REASON_ANTI_AFFINITY;
const E = REASON_EXISTING_ANTI_AFFINITY;

const filterCases: { name: string; placed: KubeObject[]; pod: KubeObject; want: Record<string, string> }[] = [
  {
    name: 'required affinity rejects a node without the topology label even next to matching pods',
    placed: [pod('db', { app: 'db' }, 'nozone')], pod: pod('p', {}, undefined, required('podAffinity', term({ app: 'db' }))),
    want: { a1: A, a2: A, b1: A, nozone: A },
  },
  {
    name: 'the first pod of a self-affine group still needs the topology label',
    placed: [], pod: pod('p', { app: 'web' }, undefined, required('podAffinity', term({ app: 'web' }))),
    want: { a1: '', a2: '', b1: '', nozone: A },
  },
  {
    name: 'a self-affine pod must join its group once one member is placed',
    placed: [pod('w', { app: 'web' }, 'b1')], pod: pod('p', { app: 'web' }, undefined, required('podAffinity', term({ app: 'web' }))),
    want: { a1: A, a2: A, b1: '', nozone: A },
  },
  {
    name: 'a matching pod on a node without the topology label leaves the first-pod exception open',
    placed: [pod('w', { app: 'web' }, 'nozone')], pod: pod('p', { app: 'web' }, undefined, required('podAffinity', term({ app: 'web' }))),
    want: { a1: '', a2: '', b1: '', nozone: A },
  },
  {
    name: 'the first-pod exception needs the pod to match every one of its own terms',
    placed: [], pod: pod('p', { app: 'web' }, undefined, required('podAffinity', term({ app: 'web' }), term({ tier: 'x' }))),
    want: { a1: A, a2: A, b1: A, nozone: A },
  },
  {
    name: 'a pod matching no placed pod and not its own terms fits nowhere',
    placed: [], pod: pod('p', { app: 'web' }, undefined, required('podAffinity', term({ app: 'db' }))),
    want: { a1: A, a2: A, b1: A, nozone: A },
  },
  {
    name: 'with several affinity terms a placed pod counts only if it matches all of them',
    placed: [pod('db', { app: 'db' }, 'a1'), pod('cache', { tier: 'cache' }, 'b1')],
    pod: pod('p', {}, undefined, required('podAffinity', term({ app: 'db' }), term({ tier: 'cache' }))),
    want: { a1: A, a2: A, b1: A, nozone: A },
  },
  {
    name: 'with several affinity terms a pod matching all of them opens every term\'s domain',
    placed: [pod('db', { app: 'db', tier: 'cache' }, 'a1')],
    pod: pod('p', {}, undefined, required('podAffinity', term({ app: 'db' }), term({ tier: 'cache' }, HOST))),
    want: { a1: '', a2: A, b1: A, nozone: A },
  },
  {
    name: 'affinity is checked before anti-affinity',
    placed: [pod('w', { app: 'web' }, 'b1')],
    pod: pod('p', {}, undefined, { ...required('podAffinity', term({ app: 'db' })), ...required('podAntiAffinity', term({ app: 'web' })) }),
    want: { a1: A, a2: A, b1: A, nozone: A },
  },
  {
    name: 'required anti-affinity does not reject a node without the topology label',
    placed: [pod('w1', { app: 'web' }, 'a1'), pod('w2', { app: 'web' }, 'nozone')],
    pod: pod('p', {}, undefined, required('podAntiAffinity', term({ app: 'web' }))),
    want: { a1: X, a2: X, b1: '', nozone: '' },
  },
  {
    name: 'required anti-affinity with several terms rejects the domains of each',
    placed: [pod('w1', { app: 'web' }, 'a1'), pod('d1', { app: 'db' }, 'nozone')],
    pod: pod('p', {}, undefined, required('podAntiAffinity', term({ app: 'web' }), term({ app: 'db' }, HOST))),
    want: { a1: X, a2: X, b1: '', nozone: X },
  },
  {
    name: 'anti-affinity is checked before the placed pods\' anti-affinity',
    placed: [pod('w1', { app: 'web' }, 'a1', required('podAntiAffinity', term({ app: 'p' })))],
    pod: pod('p', { app: 'p' }, undefined, required('podAntiAffinity', term({ app: 'web' }))),
    want: { a1: X, a2: X, b1: '', nozone: '' },
  },
  {
    name: 'a placed pod\'s anti-affinity that does not select the incoming pod has no effect',
    placed: [pod('w1', { app: 'web' }, 'a1', required('podAntiAffinity', term({ app: 'other' })))],
    pod: pod('p', { app: 'p' }), want: { a1: '', a2: '', b1: '', nozone: '' },
  },
  {
    name: 'a placed pod\'s anti-affinity on a node without its topology label has no effect',
    placed: [pod('w1', { app: 'web' }, 'nozone', required('podAntiAffinity', term({ app: 'p' })))],
    pod: pod('p', { app: 'p' }), want: { a1: '', a2: '', b1: '', nozone: '' },
  },
  {
    name: 'a placed pod\'s hostname anti-affinity keeps the pod off that node only',
    placed: [pod('w1', { app: 'web' }, 'a2', required('podAntiAffinity', term({ app: 'p' }, HOST)))],
    pod: pod('p', { app: 'p' }), want: { a1: '', a2: E, b1: '', nozone: '' },
  },
  {
    name: 'a placed pod\'s anti-affinity selects only its own namespace by default',
    placed: [pod('w1', { app: 'web' }, 'a1', required('podAntiAffinity', term({ app: 'p' })), 'other')],
    pod: pod('p', { app: 'p' }), want: { a1: '', a2: '', b1: '', nozone: '' },
  },
  {
    name: 'a placed pod\'s anti-affinity listing the namespace reaches the incoming pod',
    placed: [pod('w1', { app: 'web' }, 'a1', required('podAntiAffinity', term({ app: 'p' }, ZONE, { namespaces: ['default'] })), 'other')],
    pod: pod('p', { app: 'p' }), want: { a1: E, a2: E, b1: '', nozone: '' },
  },
  {
    name: 'affinity namespaces listed explicitly replace the pod\'s own',
    placed: [pod('db', { app: 'db' }, 'b1', undefined, 'data'), pod('db2', { app: 'db' }, 'a1')],
    pod: pod('p', {}, undefined, required('podAffinity', term({ app: 'db' }, ZONE, { namespaces: ['data'] }))),
    want: { a1: A, a2: A, b1: '', nozone: A },
  },
];
for (const c of filterCases) test(c.name, () => assert.deepEqual(filter(c.placed, c.pod), c.want));

const preFilterCases = [
  { name: 'a pod without required terms, with no placed pod having required anti-affinity, is skipped at PreFilter', placed: [pod('w', { app: 'web' }, 'a1')], pod: pod('p', {}), want: 'Skip' },
  { name: 'a placed pod with required anti-affinity sends every pod on to Filter', placed: [pod('w', { app: 'web' }, 'a1', required('podAntiAffinity', term({ app: 'x' })))], pod: pod('p', {}), want: null },
  { name: 'a pod with required affinity goes on to Filter', placed: [], pod: pod('p', {}, undefined, required('podAffinity', term({ app: 'x' }))), want: null },
];
for (const c of preFilterCases) {
  test(c.name, () => assert.equal(newInterPodAffinity().preFilter(cluster(nodes, c.placed).state(), new PodInfo(c.pod))?.status?.code ?? null, c.want));
}

const scoreCases: { name: string; nodes?: KubeObject[]; placed: KubeObject[]; pod: KubeObject; want: Record<string, number> | null }[] = [
  {
    name: 'a pod without preferred terms, with no placed pod\'s terms selecting it, is not scored',
    placed: [pod('w', { app: 'web' }, 'a1', required('podAffinity', term({ app: 'other' })))], pod: pod('p', { app: 'p' }), want: null,
  },
  {
    name: 'preferred terms that match no placed pod skip scoring',
    placed: [pod('w', { app: 'web' }, 'a1')], pod: pod('p', {}, undefined, preferred('podAffinity', [10, term({ app: 'db' })])), want: null,
  },
  {
    name: 'a placed pod\'s required affinity selecting the incoming pod scores its domain (hard weight 1)',
    placed: [pod('w', { app: 'web' }, 'b1', required('podAffinity', term({ app: 'p' })))], pod: pod('p', { app: 'p' }), want: { a1: 0, a2: 0, b1: 100, nozone: 0 },
  },
  {
    // a: required term of w1, hard weight 1; b: w2's preferred term, weight 2
    name: 'a placed pod\'s required affinity weighs 1 against preferred weights',
    placed: [pod('w1', { app: 'web' }, 'a1', required('podAffinity', term({ app: 'p' }))), pod('w2', { app: 'web' }, 'b1', preferred('podAffinity', [2, term({ app: 'p' })]))],
    pod: pod('p', { app: 'p' }), want: { a1: 50, a2: 50, b1: 100, nozone: 0 },
  },
  {
    name: 'preferred terms matching only pods on nodes without the topology label skip scoring',
    placed: [pod('d', { app: 'db' }, 'nozone')], pod: pod('p', {}, undefined, preferred('podAffinity', [10, term({ app: 'db' })])), want: null,
  },
  {
    name: 'a placed pod\'s preferred affinity selecting the incoming pod scores its domain',
    placed: [pod('w', { app: 'web' }, 'a2', preferred('podAffinity', [5, term({ app: 'p' }, HOST)]))], pod: pod('p', { app: 'p' }), want: { a1: 0, a2: 100, b1: 0, nozone: 0 },
  },
  {
    name: 'a placed pod\'s preferred anti-affinity selecting the incoming pod lowers its domain',
    placed: [pod('w', { app: 'web' }, 'b1', preferred('podAntiAffinity', [5, term({ app: 'p' })]))], pod: pod('p', { app: 'p' }), want: { a1: 100, a2: 100, b1: 0, nozone: 100 },
  },
  {
    // a: +10 (db) - 4 (web) = 6, b: +10 +10 = 20 → a (6-0)/20 = 30
    name: 'weights of every matching pod and term add up per domain, negative ones included',
    placed: [pod('d1', { app: 'db' }, 'a1'), pod('w1', { app: 'web' }, 'a2'), pod('d2', { app: 'db' }, 'b1'), pod('d3', { app: 'db' }, 'b1')],
    pod: pod('p', {}, undefined, { ...preferred('podAffinity', [10, term({ app: 'db' })]), ...preferred('podAntiAffinity', [4, term({ app: 'web' })]) }),
    want: { a1: 30, a2: 30, b1: 100, nozone: 0 },
  },
  {
    // a: -3, b: +2, nozone 0; min -3, diff 5
    name: 'a negative sum is the minimum of the normalization',
    placed: [pod('w1', { app: 'web' }, 'a1'), pod('d1', { app: 'db' }, 'b1')],
    pod: pod('p', {}, undefined, { ...preferred('podAffinity', [2, term({ app: 'db' })]), ...preferred('podAntiAffinity', [3, term({ app: 'web' })]) }),
    want: { a1: 0, a2: 0, b1: 100, nozone: 60 },
  },
  {
    // the pod's own preferred term (+1 on a) and a placed pod's preferred term selecting it (+2 on b)
    name: 'the incoming pod\'s terms and placed pods\' terms both count when the pod has preferred terms',
    placed: [pod('d1', { app: 'db' }, 'a1'), pod('w', { app: 'web' }, 'b1', preferred('podAffinity', [2, term({ app: 'p' })]))],
    pod: pod('p', { app: 'p' }, undefined, preferred('podAffinity', [1, term({ app: 'db' })])),
    want: { a1: 50, a2: 50, b1: 100, nozone: 0 },
  },
  {
    name: 'equal sums everywhere normalize to 0',
    nodes: nodes.slice(0, 3),
    placed: [pod('d1', { app: 'db' }, 'a1'), pod('d2', { app: 'db' }, 'b1')],
    pod: pod('p', {}, undefined, preferred('podAffinity', [10, term({ app: 'db' })])), want: { a1: 0, a2: 0, b1: 0 },
  },
  {
    // hostname term: a1 29, b1 100, a2 0 → a1 = trunc(100 × 0.29) = 28 (upstream computes in float64)
    name: 'normalized scores truncate 100 × the float fraction as upstream does',
    placed: [pod('d1', { app: 'db' }, 'a1'), pod('c1', { app: 'cache' }, 'b1')],
    pod: pod('p', {}, undefined, preferred('podAffinity', [29, term({ app: 'db' }, HOST)], [100, term({ app: 'cache' }, HOST)])),
    want: { a1: 28, a2: 0, b1: 100, nozone: 0 },
  },
];
for (const c of scoreCases) test(c.name, () => assert.deepEqual(runScore(newInterPodAffinity(), c.nodes ?? nodes, c.placed, c.pod), c.want));

const normalizeCases = [
  { name: 'normalizeScore maps the minimum to 0 and the maximum to 100', raw: [-5, 0, 5, 15], want: [0, 25, 50, 100] },
  { name: 'normalizeScore spreads all-negative sums over the full range', raw: [-5, -3, -4], want: [0, 100, 50] },
  { name: 'normalizeScore sets equal sums to 0', raw: [7, 7], want: [0, 0] },
];
for (const c of normalizeCases) {
  test(c.name, () => {
    const scores = Float64Array.from(c.raw);
    normalizeScore(null as never, null as never, scores);
    assert.deepEqual([...scores], c.want);
  });
}
