// schedulePod's extension points driven by hand-made plugins: PreFilter statuses and node sets,
// Filter order and skips, where the next cycle starts, PreScore, weighted scores and tie-breaking.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SchedulerCache } from '../cache/schedulerCache.ts';
import { makeNode, makePod } from '../testing/fixtures.ts';
import { Framework } from './framework.ts';
import type { AnyPlugin, PreFilterResult } from './interfaces.ts';
import type { NodeInfo } from './nodeInfo.ts';
import { PodInfo } from './podInfo.ts';
import { Rng } from './rng.ts';
import { schedulePod, type CycleOptions, type CycleResult } from './schedulePod.ts';
import { Code, SchedulerError, SKIP, Status } from './status.ts';

function run(plugins: AnyPlugin[], nodes = ['a', 'b', 'c'], opts: Partial<CycleOptions> = {}, weights: number[] = []): CycleResult {
  const cache = new SchedulerCache();
  nodes.forEach((n) => cache.setNode(makeNode(n)));
  const fw = new Framework(plugins.map((plugin, i) => ({ plugin, weight: weights[i] ?? 1 })));
  return schedulePod(fw, cache, new PodInfo(makePod('p')), { rng: new Rng(0), startIndex: 0, ...opts });
}
const preFilter = (name: string, r: PreFilterResult | null): AnyPlugin => ({ name, preFilter: () => r });
const rejectOn = (name: string, nodes: string[], reason = `${name} says no`): AnyPlugin => ({
  name,
  filter: (_s, _p, n) => (nodes.includes(n.name) ? new Status(Code.Unschedulable, reason) : null),
});
const scoreBy = (name: string, table: Record<string, number>): AnyPlugin => ({ name, score: (_s, _p, n) => table[n.name] });
const names = (nodes: readonly NodeInfo[]) => nodes.map((n) => n.name);
const unscheduled = (r: CycleResult) => {
  assert.equal(r.scheduled, false);
  return r as Extract<CycleResult, { scheduled: false }>;
};
const scheduled = (r: CycleResult) => {
  assert.equal(r.scheduled, true);
  return r as Extract<CycleResult, { scheduled: true }>;
};
const throwsWith = (message: string) => (e: unknown) => e instanceof SchedulerError && e.message === message;

const errorCases = [
  {
    name: 'a PreFilter Error stops the cycle with upstream\'s "running PreFilter plugin" message',
    plugins: [preFilter('Bad', { status: new Status(Code.Error, 'boom', 'again') })],
    message: 'running PreFilter plugin "Bad": boom, again',
  },
  {
    name: 'a Filter Error stops the cycle with upstream\'s "filter plugin" message',
    plugins: [{ name: 'Broken', filter: () => new Status(Code.Error, 'disk on fire') }],
    message: 'running "Broken" filter plugin: disk on fire',
  },
  {
    name: 'a PreScore Error stops the cycle with upstream\'s "running PreScore plugin" message',
    plugins: [{ name: 'Pre', preScore: () => new Status(Code.Error, 'no data') }, scoreBy('S', { a: 1, b: 1, c: 1 })],
    message: 'running PreScore plugin "Pre": no data',
  },
  {
    name: 'a PreScore rejection is an error too',
    plugins: [{ name: 'Pre', preScore: () => new Status(Code.Unschedulable, 'nope') }, scoreBy('S', { a: 1, b: 1, c: 1 })],
    message: 'running PreScore plugin "Pre": nope',
  },
  {
    name: 'a negative score is an error',
    plugins: [scoreBy('Neg', { a: 0, b: -1, c: 0 })],
    message: 'applying score defaultWeights on Score plugins: plugin "Neg" returns an invalid score -1, it should in the range of [0, 100] after normalizing',
  },
  {
    name: 'a score above 100 is an error',
    plugins: [scoreBy('Big', { a: 100, b: 101, c: 0 })],
    message: 'applying score defaultWeights on Score plugins: plugin "Big" returns an invalid score 101, it should in the range of [0, 100] after normalizing',
  },
  {
    name: 'a NaN score is an error',
    plugins: [scoreBy('NaN', { a: 1, b: 1 })],
    message: 'applying score defaultWeights on Score plugins: plugin "NaN" returns an invalid score NaN, it should in the range of [0, 100] after normalizing',
  },
  {
    name: 'the range is checked after NormalizeScore',
    plugins: [{ ...scoreBy('Norm', { a: 1, b: 2, c: 3 }), normalizeScore: (_s: unknown, _p: unknown, scores: Float64Array) => scores.fill(200) }],
    message: 'applying score defaultWeights on Score plugins: plugin "Norm" returns an invalid score 200, it should in the range of [0, 100] after normalizing',
  },
];
for (const c of errorCases) test(c.name, () => assert.throws(() => run(c.plugins as AnyPlugin[]), throwsWith(c.message)));

test('with no nodes every node is UnschedulableAndUnresolvable with "no nodes available" and the start stays', () => {
  const r = unscheduled(run([rejectOn('F', [])], [], { startIndex: 4 }));
  assert.deepEqual([r.message, r.absent?.code, r.absent?.reasons, r.nextStartIndex], [
    'no nodes available to schedule pods', Code.UnschedulableAndUnresolvable, ['no nodes available to schedule pods'], 4,
  ]);
});

test('scores of exactly 0 and 100 are in range', () => {
  const r = scheduled(run([scoreBy('Edge', { a: 0, b: 100, c: 0 })]));
  assert.equal(r.node.name, 'b');
  assert.deepEqual([...r.totals!], [0, 100, 0]);
});

test('a PreFilter UnschedulableAndUnresolvable rejects every node at once and stops the PreFilters', () => {
  let laterRan = false;
  const r = unscheduled(run([
    preFilter('Unres', { status: new Status(Code.UnschedulableAndUnresolvable, 'never here') }),
    { name: 'Later', preFilter: () => ((laterRan = true), null) },
  ], ['a', 'b', 'c'], { startIndex: 2 }));
  assert.equal(laterRan, false);
  assert.equal(r.message, '0/3 nodes are available: never here.');
  assert.deepEqual([r.absent?.code, r.absent?.plugin, r.statuses.size, r.nextStartIndex], [Code.UnschedulableAndUnresolvable, 'Unres', 0, 2]);
  assert.deepEqual([...r.unschedulablePlugins], ['Unres']);
});

test('a PreFilter Unschedulable lets the remaining PreFilters run and reports the last rejection with the node-set plugins', () => {
  const r = unscheduled(run([
    preFilter('First', { status: new Status(Code.Unschedulable, 'first no') }),
    preFilter('Only', { nodeNames: new Set(['a']) }),
    preFilter('Second', { status: new Status(Code.Unschedulable, 'second no') }),
    rejectOn('F', []),
  ], ['a', 'b', 'c'], { startIndex: 2 }));
  assert.equal(r.message, '0/3 nodes are available: second no.');
  assert.deepEqual([r.absent?.code, r.absent?.plugin, r.nextStartIndex], [Code.Unschedulable, 'Second', 2]);
  assert.deepEqual([...r.unschedulablePlugins].sort(), ['Only', 'Second']);
});

test('a PreFilter UnschedulableAndUnresolvable after an Unschedulable one wins', () => {
  const r = unscheduled(run([
    preFilter('Soft', { status: new Status(Code.Unschedulable, 'soft no') }),
    preFilter('Hard', { status: new Status(Code.UnschedulableAndUnresolvable, 'hard no') }),
  ]));
  assert.equal(r.message, '0/3 nodes are available: hard no.');
  assert.deepEqual([...r.unschedulablePlugins], ['Hard']);
});

test('a PreFilter Success status or a null result lets the cycle go on', () => {
  const r = scheduled(run([preFilter('Ok', { status: new Status(Code.Success) }), preFilter('Null', null), rejectOn('F', ['a', 'b'])]));
  assert.equal(r.node.name, 'c');
});

test('a PreFilter Skip skips only that plugin\'s Filter and ignores its node set', () => {
  const skipper: AnyPlugin = { ...rejectOn('Skipper', ['a', 'b', 'c']), preFilter: () => ({ status: SKIP, nodeNames: new Set<string>() }) };
  const r = scheduled(run([skipper, rejectOn('Other', ['a', 'b']), scoreBy('S', { c: 1 })]));
  assert.deepEqual(names(r.feasible), ['c']);
});

const nodeSetCases = [
  {
    name: 'two PreFilter node sets are intersected and the nodes outside are reported as not satisfying the sorted plugins',
    sets: { Zeta: ['a', 'b'], Alpha: ['b', 'c'] },
    message: "0/3 nodes are available: 1 F says no, 2 node(s) didn't satisfy plugin(s) [Alpha Zeta].",
    plugins: ['Alpha', 'F', 'Zeta'],
  },
  {
    name: 'disjoint PreFilter node sets reject every node "simultaneously", naming the plugins sorted',
    sets: { Zeta: ['a'], Alpha: ['b'] },
    message: "0/3 nodes are available: node(s) didn't satisfy plugin(s) [Alpha Zeta] simultaneously.",
    plugins: ['Alpha', 'Zeta'],
  },
  {
    name: 'an empty node set from one plugin names that plugin alone',
    sets: { Zeta: [] as string[] },
    message: "0/3 nodes are available: node(s) didn't satisfy plugin Zeta.",
    plugins: ['Zeta'],
  },
  {
    name: 'names outside the snapshot in a node set are ignored',
    sets: { Zeta: ['b', 'ghost'] },
    message: "0/3 nodes are available: 1 F says no, 2 node(s) didn't satisfy plugin(s) [Zeta].",
    plugins: ['F', 'Zeta'],
  },
];
for (const c of nodeSetCases) {
  test(c.name, () => {
    const pre = Object.entries(c.sets).map(([n, s]) => preFilter(n, { nodeNames: new Set(s) }));
    const r = unscheduled(run([...pre, rejectOn('F', ['a', 'b', 'c'])], ['a', 'b', 'c'], { startIndex: 1 }));
    assert.equal(r.message, c.message);
    assert.equal(r.absent?.code, Code.UnschedulableAndUnresolvable);
    assert.equal(r.nextStartIndex, r.statuses.size === 0 ? 1 : 2, 'a PreFilter rejection leaves the start where it was');
    assert.deepEqual([...r.unschedulablePlugins].sort(), c.plugins);
  });
}

test('filtering a PreFilter node set starts at startIndex within it and the next cycle starts after it among all nodes', () => {
  const seen: string[] = [];
  const r = scheduled(run([
    preFilter('Set', { nodeNames: new Set(['b', 'd']) }),
    { name: 'Watch', filter: (_s, _p, n) => (seen.push(n.name), null) },
    scoreBy('S', { b: 1, d: 2 }),
  ], ['a', 'b', 'c', 'd'], { startIndex: 1 }));
  assert.deepEqual(seen, ['d', 'b']);
  assert.deepEqual([r.node.name, r.nextStartIndex], ['d', 3]);
});

test('each node reports the first rejecting filter, and later filters do not run on it', () => {
  const ran: string[] = [];
  const r = unscheduled(run([rejectOn('One', ['a']), rejectOn('Two', ['a', 'b', 'c']), { name: 'Three', filter: (_s, _p, n) => (ran.push(n.name), null) }]));
  assert.deepEqual(Object.fromEntries([...r.statuses].map(([n, s]) => [n, s.reasons[0]])), { a: 'One says no', b: 'Two says no', c: 'Two says no' });
  assert.deepEqual(ran, []);
  assert.deepEqual([...r.unschedulablePlugins].sort(), ['One', 'Two']);
  assert.deepEqual([r.absent, r.nextStartIndex, r.message], [null, 0, '0/3 nodes are available: 1 One says no, 2 Two says no.']);
});

test('without score plugins filtering stops at the first feasible node and the next cycle starts after it', () => {
  const seen: string[] = [];
  const r = scheduled(run([rejectOn('F', ['b']), { name: 'Watch', filter: (_s, _p, n) => (seen.push(n.name), null) }], ['a', 'b', 'c', 'd'], { startIndex: 1 }));
  assert.deepEqual([r.node.name, names(r.feasible), r.totals, r.nextStartIndex, seen], ['c', ['c'], null, 3, ['c']]);
});

test('a single feasible node is chosen without running PreScore', () => {
  let preScored = false;
  const r = scheduled(run([rejectOn('F', ['a', 'c']), { name: 'Pre', preScore: () => ((preScored = true), null) }, scoreBy('S', { b: 1 })]));
  assert.deepEqual([r.node.name, r.totals, preScored, r.nextStartIndex], ['b', null, false, 0]);
});

test('totals are the weighted sum of the plugins\' scores and the highest total wins', () => {
  const r = scheduled(run([scoreBy('A', { a: 10, b: 20, c: 30 }), scoreBy('B', { a: 40, b: 10, c: 0 })], ['a', 'b', 'c'], {}, [1, 3]));
  assert.deepEqual([...r.totals!], [130, 50, 30]);
  assert.equal(r.node.name, 'a');
});

test('NormalizeScore rewrites the raw scores before weighting', () => {
  const norm: AnyPlugin = { ...scoreBy('N', { a: 1, b: 2, c: 4 }), normalizeScore: (_s, _p, scores) => scores.forEach((v, i) => (scores[i] = v * 25)) };
  assert.deepEqual([...scheduled(run([norm], ['a', 'b', 'c'], {}, [2])).totals!], [50, 100, 200]);
});

test('a PreScore Skip drops only that plugin\'s Score; a null PreScore keeps it', () => {
  const skipped: AnyPlugin = { ...scoreBy('Skipped', { a: 100, b: 0 }), preScore: () => SKIP };
  const kept: AnyPlugin = { ...scoreBy('Kept', { a: 0, b: 5 }), preScore: () => null };
  const r = scheduled(run([skipped, kept], ['a', 'b']));
  assert.deepEqual([r.node.name, [...r.totals!]], ['b', [0, 5]]);
});

test('ties are broken by reservoir sampling: the k-th tied node replaces the pick when intn(k) is 0', () => {
  const pick = (zeroAt: number) => {
    const calls: number[] = [];
    const rng = { intn: (k: number) => (calls.push(k), k === zeroAt ? 0 : 1) } as unknown as Rng;
    const r = scheduled(run([scoreBy('S', { a: 5, b: 5, c: 9, d: 9, e: 9, f: 1 })], ['a', 'b', 'c', 'd', 'e', 'f'], { rng }));
    return [r.node.name, calls];
  };
  assert.deepEqual(pick(-1), ['c', [2, 2, 3]]);
  assert.deepEqual(pick(2), ['d', [2, 2, 3]]);
  assert.deepEqual(pick(3), ['e', [2, 2, 3]]);
});

test('a higher total after the first node is chosen outright', () => {
  const rng = { intn: () => assert.fail('no tie to break') } as unknown as Rng;
  assert.equal(scheduled(run([scoreBy('S', { a: 1, b: 2, c: 3 })], ['a', 'b', 'c'], { rng })).node.name, 'c');
});
