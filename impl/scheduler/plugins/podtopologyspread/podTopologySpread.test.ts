import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeNode, makePod, runFilter, runScore } from '../../testing/fixtures.ts';
import { newPodTopologySpread, REASON_CONSTRAINTS_NOT_MATCH, REASON_NODE_LABEL_NOT_MATCH } from './podTopologySpread.ts';

const zone = (name: string, z: string) => makeNode(name, { labels: { 'topology.kubernetes.io/zone': z } });
const nodes = [zone('a1', 'a'), zone('a2', 'a'), zone('b1', 'b'), makeNode('nolabel')];
const web = (name: string, node?: string) => makePod(name, { node, labels: { app: 'web' } });
const spread = (maxSkew: number, whenUnsatisfiable: string, extra: object = {}) => ({
  topologySpreadConstraints: [{ maxSkew, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable, labelSelector: { matchLabels: { app: 'web' } }, ...extra }],
});

const filterCases = [
  { name: 'with zone a at 2 and zone b at 0, maxSkew 1 allows only zone b', placed: [web('w1', 'a1'), web('w2', 'a2')], skew: 1, extra: {}, fits: ['b1'] },
  { name: 'maxSkew 2 still rejects a zone that would reach a skew of 3', placed: [web('w1', 'a1'), web('w2', 'a2')], skew: 2, extra: {}, fits: ['b1'] },
  { name: 'maxSkew 3 allows every zone', placed: [web('w1', 'a1'), web('w2', 'a2')], skew: 3, extra: {}, fits: ['a1', 'a2', 'b1'] },
  { name: 'balanced zones allow both', placed: [web('w1', 'a1'), web('w2', 'b1')], skew: 1, extra: {}, fits: ['a1', 'a2', 'b1'] },
  { name: 'pods of another app do not count', placed: [makePod('x1', { node: 'a1', labels: { app: 'db' } })], skew: 1, extra: {}, fits: ['a1', 'a2', 'b1'] },
  { name: 'minDomains above the number of zones makes the global minimum 0', placed: [web('w1', 'b1')], skew: 1, extra: { minDomains: 3 }, fits: ['a1', 'a2'] },
];
for (const c of filterCases) {
  test(c.name, () => {
    const got = runFilter(newPodTopologySpread(), nodes, c.placed, makePod('p', { labels: { app: 'web' }, spec: spread(c.skew, 'DoNotSchedule', c.extra) }));
    assert.deepEqual(Object.keys(got).filter((n) => got[n].code === 'Success').sort(), c.fits);
    assert.deepEqual(got.nolabel, { code: 'UnschedulableAndUnresolvable', reasons: [REASON_NODE_LABEL_NOT_MATCH] });
    for (const n of ['a1', 'a2', 'b1']) if (!c.fits.includes(n)) assert.deepEqual(got[n], { code: 'Unschedulable', reasons: [REASON_CONSTRAINTS_NOT_MATCH] });
  });
}

test('the reasons are upstream\'s text', () => {
  assert.equal(REASON_CONSTRAINTS_NOT_MATCH, "node(s) didn't match pod topology spread constraints");
  assert.equal(REASON_NODE_LABEL_NOT_MATCH, "node(s) didn't match pod topology spread constraints (missing required label)");
});

test('ScheduleAnyway does not filter but scores the emptier zone higher', () => {
  const pod = makePod('p', { labels: { app: 'web' }, spec: spread(1, 'ScheduleAnyway') });
  const f = runFilter(newPodTopologySpread(), nodes, [web('w1', 'a1')], pod);
  assert.ok(Object.values(f).every((o) => o.code === 'Success'));
  const s = runScore(newPodTopologySpread(), nodes.slice(0, 3), [web('w1', 'a1')], pod)!;
  assert.ok(s.b1 > s.a2 && s.a1 === s.a2, JSON.stringify(s));
});

test('replicas of one controller spread by hostname by default (system default constraints)', () => {
  const hosts = [makeNode('h1'), makeNode('h2'), makeNode('h3')];
  const rep = (name: string, node?: string) => makePod(name, { node, labels: { app: 'web' }, owner: 'web-rs' });
  const s = runScore(newPodTopologySpread(), hosts, [rep('r1', 'h1'), rep('r2', 'h1'), rep('r3', 'h2')], rep('new'))!;
  assert.ok(s.h3 > s.h2 && s.h2 > s.h1, JSON.stringify(s));
});

test('a pod without a controller and without constraints is not spread', () => {
  assert.equal(runScore(newPodTopologySpread(), nodes, [], makePod('p', { labels: { app: 'web' } })), null);
});
