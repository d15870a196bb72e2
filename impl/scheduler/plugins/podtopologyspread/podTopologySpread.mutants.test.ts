// PodTopologySpread details our first table leaves out: node inclusion policies, minDomains at its
// boundary, self-matching, which pods count, and the soft side's weights, ignored nodes and
// normalization, after upstream's filtering_test.go and scoring_test.go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../types.ts';
import { cluster, makeNode, makePod, runFilter, runScore } from '../../testing/fixtures.ts';
import { PodInfo } from '../../framework/podInfo.ts';
import { CycleState } from '../../framework/cycleState.ts';
import { compileLabelSelector } from '../../framework/labelSelector.ts';
import { SchedulerCache } from '../../cache/schedulerCache.ts';
import { newPodTopologySpread } from './podTopologySpread.ts';

const ZONE = 'topology.kubernetes.io/zone';
const HOST = 'kubernetes.io/hostname';
const zone = (name: string, z: string, extra: Record<string, string> = {}, taints?: { key: string; value?: string; effect: string }[]) =>
  makeNode(name, { labels: { [ZONE]: z, ...extra }, taints });
const web = (name: string, node?: string, namespace?: string) => makePod(name, { node, labels: { app: 'web' }, namespace });
const constraint = (whenUnsatisfiable: string, extra: object = {}) => ({ maxSkew: 1, topologyKey: ZONE, whenUnsatisfiable, labelSelector: { matchLabels: { app: 'web' } }, ...extra });
const incoming = (constraints: object[], spec: object = {}, labels: Record<string, string> = { app: 'web' }) =>
  makePod('p', { labels, spec: { topologySpreadConstraints: constraints, ...spec } });

const fits = (nodes: KubeObject[], placed: KubeObject[], pod: KubeObject): string[] => {
  const got = runFilter(newPodTopologySpread(), nodes, placed, pod);
  return Object.keys(got).filter((n) => got[n].code === 'Success').sort();
};

const abc = [zone('a1', 'a'), zone('a2', 'a'), zone('b1', 'b')];
const ssd = [zone('a1', 'a', { disk: 'ssd' }), zone('a2', 'a'), zone('b1', 'b', { disk: 'ssd' })];
const taintedB = [zone('a1', 'a'), zone('a2', 'a'), zone('b1', 'b', {}, [{ key: 'k', value: 'v', effect: 'NoSchedule' }])];
const deleting = (p: KubeObject): KubeObject => ({ ...p, metadata: { ...p.metadata, deletionTimestamp: '2024-01-01T00:00:00Z' } });

const filterCases: { name: string; nodes: KubeObject[]; placed: KubeObject[]; pod: KubeObject; fits: string[] }[] = [
  {
    name: 'nodeTaintsPolicy Honor leaves a node with an untolerated taint out of the domains',
    nodes: taintedB, placed: [web('w1', 'a1')], pod: incoming([constraint('DoNotSchedule', { nodeTaintsPolicy: 'Honor' })]), fits: ['a1', 'a2', 'b1'],
  },
  {
    name: 'nodeTaintsPolicy Honor keeps a node whose taint the pod tolerates',
    nodes: taintedB, placed: [web('w1', 'a1')],
    pod: incoming([constraint('DoNotSchedule', { nodeTaintsPolicy: 'Honor' })], { tolerations: [{ key: 'k', operator: 'Exists' }] }), fits: ['b1'],
  },
  {
    name: 'a node left out of the domains counts 0 matching pods in its own domain',
    nodes: taintedB, placed: [web('w1', 'a1')], pod: incoming([constraint('DoNotSchedule', { nodeTaintsPolicy: 'Honor', minDomains: 2 })]), fits: ['b1'],
  },
  {
    name: 'nodeTaintsPolicy Ignore (the default) counts a tainted node\'s domain',
    nodes: taintedB, placed: [web('w1', 'a1')], pod: incoming([constraint('DoNotSchedule')]), fits: ['b1'],
  },
  {
    name: 'nodeAffinityPolicy Honor (the default) counts only nodes matching the pod\'s nodeSelector',
    nodes: ssd, placed: [web('w1', 'a2'), web('w2', 'a2')], pod: incoming([constraint('DoNotSchedule')], { nodeSelector: { disk: 'ssd' } }), fits: ['a1', 'a2', 'b1'],
  },
  {
    name: 'nodeAffinityPolicy Ignore counts nodes the pod\'s nodeSelector excludes',
    nodes: ssd, placed: [web('w1', 'a2'), web('w2', 'a2')], pod: incoming([constraint('DoNotSchedule', { nodeAffinityPolicy: 'Ignore' })], { nodeSelector: { disk: 'ssd' } }), fits: ['b1'],
  },
  {
    name: 'minDomains equal to the number of domains keeps the real global minimum',
    nodes: abc, placed: [web('w1', 'a1'), web('w2', 'b1')], pod: incoming([constraint('DoNotSchedule', { minDomains: 2 })]), fits: ['a1', 'a2', 'b1'],
  },
  {
    name: 'minDomains above the number of domains makes the global minimum 0',
    nodes: abc, placed: [web('w1', 'a1'), web('w2', 'b1')], pod: incoming([constraint('DoNotSchedule', { minDomains: 3 })]), fits: [],
  },
  {
    name: 'a pod its own selector does not match adds nothing to the skew',
    nodes: abc, placed: [web('w1', 'a1')], pod: incoming([constraint('DoNotSchedule')], {}, { app: 'other' }), fits: ['a1', 'a2', 'b1'],
  },
  {
    name: 'terminating pods do not count',
    nodes: abc, placed: [deleting(web('w1', 'a1')), deleting(web('w2', 'a2'))], pod: incoming([constraint('DoNotSchedule')]), fits: ['a1', 'a2', 'b1'],
  },
  {
    name: 'pods of another namespace do not count',
    nodes: abc, placed: [web('w1', 'a1', 'other'), web('w2', 'a2', 'other')], pod: incoming([constraint('DoNotSchedule')]), fits: ['a1', 'a2', 'b1'],
  },
  {
    name: 'pods on nodes missing another constraint\'s topology key are not counted',
    nodes: [zone('a1', 'a', { rack: 'r1' }), zone('a2', 'a'), zone('b1', 'b', { rack: 'r2' })],
    placed: [web('w1', 'a2'), web('w2', 'a2')],
    pod: incoming([constraint('DoNotSchedule'), constraint('DoNotSchedule', { topologyKey: 'rack', maxSkew: 5 })]),
    fits: ['a1', 'b1'],
  },
  {
    name: 'every constraint must hold: hostname skew rejects a node its zone would allow',
    nodes: abc, placed: [web('w1', 'a1'), web('w2', 'b1')],
    pod: incoming([constraint('DoNotSchedule', { maxSkew: 2 }), constraint('DoNotSchedule', { topologyKey: HOST })]), fits: ['a2'],
  },
  {
    name: 'an empty labelSelector counts no pods, though the pod matches it itself',
    nodes: abc, placed: [web('w1', 'a1'), web('w2', 'a1')], pod: incoming([constraint('DoNotSchedule', { labelSelector: {} })]), fits: ['a1', 'a2', 'b1'],
  },
  {
    name: 'only DoNotSchedule constraints filter when a pod has both kinds',
    nodes: abc, placed: [web('w1', 'a1'), web('w2', 'a2')],
    pod: incoming([constraint('ScheduleAnyway'), constraint('DoNotSchedule', { topologyKey: HOST })]), fits: ['b1'],
  },
  {
    name: 'a controller\'s replicas are not filtered by the system defaults (they are ScheduleAnyway)',
    nodes: abc, placed: ['r1', 'r2', 'r3'].map((r) => makePod(r, { node: 'a1', labels: { app: 'web' }, owner: 'rs' })),
    pod: makePod('p', { labels: { app: 'web' }, owner: 'rs' }), fits: ['a1', 'a2', 'b1'],
  },
];
for (const c of filterCases) test(c.name, () => assert.deepEqual(fits(c.nodes, c.placed, c.pod), c.fits));

const preFilterCases = [
  { name: 'a pod with only ScheduleAnyway constraints is skipped at PreFilter', pod: incoming([constraint('ScheduleAnyway')]), want: 'Skip' },
  { name: 'a pod without constraints or controller is skipped at PreFilter', pod: makePod('p', { labels: { app: 'web' } }), want: 'Skip' },
  { name: 'a pod with a DoNotSchedule constraint goes on to Filter', pod: incoming([constraint('DoNotSchedule')]), want: null },
];
for (const c of preFilterCases) {
  test(c.name, () => assert.equal(newPodTopologySpread().preFilter(cluster(abc).state(), new PodInfo(c.pod))?.status?.code ?? null, c.want));
}

test('a pod with only DoNotSchedule constraints is not scored', () => {
  assert.equal(runScore(newPodTopologySpread(), abc, [], incoming([constraint('DoNotSchedule')])), null);
});

test('a cluster without nodes is not scored', () => {
  assert.equal(runScore(newPodTopologySpread(), [], [], incoming([constraint('ScheduleAnyway')])), null);
});

test('a pod whose controller selects nothing is not spread by default', () => {
  assert.equal(runScore(newPodTopologySpread(), abc, [], makePod('p', { owner: 'rs' })), null);
});

const scoreCases: { name: string; nodes: KubeObject[]; placed: KubeObject[]; pod: KubeObject; want: Record<string, number> }[] = [
  {
    // weight ln(2+2); a: 1×1.39 → 1, b: 0 → 100, nolabel ignored → 0
    name: 'a node missing the topology key of an explicit constraint scores 0 and is left out of the range',
    nodes: [...abc, makeNode('nolabel')], placed: [web('w1', 'a1')], pod: incoming([constraint('ScheduleAnyway')]), want: { a1: 0, a2: 0, b1: 100, nolabel: 0 },
  },
  {
    // min and max over scored nodes only: a 1×ln 4 + 1 → 2, b 1, nolabel ignored; a: (2 + 1 - 2) × 100 / 2 = 50
    name: 'an ignored node does not lower the minimum that scores are normalized by',
    nodes: [...abc, makeNode('nolabel')], placed: [web('w1', 'a1')], pod: incoming([constraint('ScheduleAnyway', { maxSkew: 2 })]), want: { a1: 50, a2: 50, b1: 100, nolabel: 0 },
  },
  {
    // zone ln 4, hostname ln(3 + 2) over the 3 nodes not ignored: a1 2×1.39 + 2×1.61 → 6, a2 → 3, b1 0
    name: 'the hostname weight counts the feasible nodes less the ignored ones',
    nodes: [...abc, makeNode('nolabel')], placed: [web('w1', 'a1'), web('w2', 'a1')],
    pod: incoming([constraint('ScheduleAnyway'), constraint('ScheduleAnyway', { topologyKey: HOST })]), want: { a1: 0, a2: 50, b1: 100, nolabel: 0 },
  },
  {
    // a2 lacks rack: ignored, and its pods do not count for zone a
    name: 'pods on a node missing one of the keys do not count for its other domains',
    nodes: [zone('a1', 'a', { rack: 'r1' }), zone('a2', 'a'), zone('b1', 'b', { rack: 'r2' })], placed: [web('w1', 'a2'), web('w2', 'a2')],
    pod: incoming([constraint('ScheduleAnyway'), constraint('ScheduleAnyway', { topologyKey: 'rack' })]), want: { a1: 100, a2: 0, b1: 100 },
  },
  {
    // defaults (host maxSkew 3, zone maxSkew 5), no key required: z1 1.39+2 + 1.39+4 → 9; n2 has no zone: host 0+2 → 2
    name: 'with the system defaults a zone-less node is scored on the hostname constraint alone',
    nodes: [zone('z1', 'a'), makeNode('n2')], placed: [makePod('r1', { node: 'z1', labels: { app: 'web' }, owner: 'rs' })],
    pod: makePod('p', { labels: { app: 'web' }, owner: 'rs' }), want: { z1: 22, n2: 100 },
  },
  {
    // domains a and '' (zone-less n2 and e1 labelled zone="" share it): zone ln 4, host ln 5;
    // z1 3×1.61+2 + 3×1.39+4 → 15, e1 2 + 1×1.39+4 → 7, n2 1×1.61+2 → 4 (no zone term)
    name: 'with the system defaults zone-less nodes count in the domain of an empty zone value',
    nodes: [zone('z1', 'a'), zone('e1', ''), makeNode('n2')],
    placed: [...['r1', 'r2', 'r3'].map((r) => makePod(r, { node: 'z1', labels: { app: 'web' }, owner: 'rs' })), makePod('r4', { node: 'n2', labels: { app: 'web' }, owner: 'rs' })],
    pod: makePod('p', { labels: { app: 'web' }, owner: 'rs' }), want: { z1: 26, e1: 80, n2: 100 },
  },
  {
    // z2 does not match the nodeSelector: its replicas count on z2 itself (hostname) but not for zone a.
    // z1 0+2 + 0+4 = 6, z2 2×1.61+2 + 0+4 → 9, y1 6; z2: (9 + 6 - 9) × 100 / 9 = 66
    name: 'the system defaults honor the pod\'s node affinity when counting a zone',
    nodes: [zone('z1', 'a', { disk: 'ssd' }), zone('z2', 'a'), zone('y1', 'b', { disk: 'ssd' })],
    placed: ['r1', 'r2'].map((r) => makePod(r, { node: 'z2', labels: { app: 'web' }, owner: 'rs' })),
    pod: makePod('p', { labels: { app: 'web' }, owner: 'rs', spec: { nodeSelector: { disk: 'ssd' } } }), want: { z1: 100, z2: 66, y1: 100 },
  },
  {
    name: 'with no matching pods anywhere every node scores 100',
    nodes: abc, placed: [], pod: incoming([constraint('ScheduleAnyway')]), want: { a1: 100, a2: 100, b1: 100 },
  },
  {
    // a: 1×ln 4 + (3-1) = 3.39 → 3, b: 2; (3 + 2 - 3) × 100 / 3 = 66
    name: 'maxSkew - 1 is added to every raw score',
    nodes: abc, placed: [web('w1', 'a1')], pod: incoming([constraint('ScheduleAnyway', { maxSkew: 3 })]), want: { a1: 66, a2: 66, b1: 100 },
  },
  {
    // weight ln(3+2) = 1.61: h1 2 pods → 3, h2 1 pod → 2, h3 → 0; (3 + 0 - 2) × 100 / 3 = 33
    name: 'a hostname constraint counts per node, weighted by the number of scored nodes',
    nodes: [makeNode('h1'), makeNode('h2'), makeNode('h3')], placed: [web('w1', 'h1'), web('w2', 'h1'), web('w3', 'h2')],
    pod: incoming([constraint('ScheduleAnyway', { topologyKey: HOST })]), want: { h1: 0, h2: 33, h3: 100 },
  },
  {
    name: 'nodeAffinityPolicy Honor leaves pods on nodes the pod cannot use out of the counts',
    nodes: ssd, placed: [web('w1', 'a2')], pod: incoming([constraint('ScheduleAnyway')], { nodeSelector: { disk: 'ssd' } }), want: { a1: 100, a2: 100, b1: 100 },
  },
  {
    name: 'nodeAffinityPolicy Ignore counts pods on nodes the pod cannot use',
    nodes: ssd, placed: [web('w1', 'a2')], pod: incoming([constraint('ScheduleAnyway', { nodeAffinityPolicy: 'Ignore' })], { nodeSelector: { disk: 'ssd' } }), want: { a1: 0, a2: 0, b1: 100 },
  },
  {
    name: 'terminating pods and pods of other namespaces are not counted when scoring',
    nodes: abc, placed: [deleting(web('w1', 'a1')), web('w2', 'a2', 'other')], pod: incoming([constraint('ScheduleAnyway')]), want: { a1: 100, a2: 100, b1: 100 },
  },
  {
    // zone weight ln 4, host weight ln 5: a1 1.39+1.61 = 3, a2 1.39 → 1, b1 0; a2: (3+0-1)×100/3 = 66
    name: 'the raw scores of several constraints add up',
    nodes: abc, placed: [web('w1', 'a1')], pod: incoming([constraint('ScheduleAnyway'), constraint('ScheduleAnyway', { topologyKey: HOST })]), want: { a1: 0, a2: 66, b1: 100 },
  },
];
for (const c of scoreCases) test(c.name, () => assert.deepEqual(runScore(newPodTopologySpread(), c.nodes, c.placed, c.pod), c.want));

test('a controller selector that is empty (from a component\'s own lookup) is not spread by default', () => {
  const cache = new SchedulerCache({ defaultSpreadSelector: () => compileLabelSelector({}, 'selector') });
  for (const n of abc) cache.setNode(n);
  const pod = new PodInfo(makePod('p', { labels: { app: 'web' }, owner: 'rs' }));
  assert.equal(newPodTopologySpread().preScore(new CycleState(cache), pod, cache.nodes)?.code, 'Skip');
});

test('domains come from the feasible nodes but their counts from every node', () => {
  const { cache, state } = cluster(abc, [web('w1', 'a1')]);
  const st = state();
  const pod = new PodInfo(incoming([constraint('ScheduleAnyway')]));
  const plugin = newPodTopologySpread();
  const feasible = [cache.get('a2')!, cache.get('b1')!];
  assert.equal(plugin.preScore(st, pod, feasible), null);
  const scores = Float64Array.from(feasible.map((n) => plugin.score(st, pod, n)));
  plugin.normalizeScore!(st, pod, scores, feasible);
  assert.deepEqual([...scores], [0, 100]);
});
