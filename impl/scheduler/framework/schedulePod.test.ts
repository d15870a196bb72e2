import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scheduler } from '../scheduler.ts';
import { makeNode, makePod } from '../testing/fixtures.ts';

const many = (n: number) => [...Array(n).keys()].map((i) => makeNode(`n${i}`));
function scheduler(nodes: ReturnType<typeof makeNode>[], seed = 0, pct?: number): Scheduler {
  const s = new Scheduler({ seed, percentageOfNodesToScore: pct });
  nodes.forEach((n) => s.addNode(n));
  return s;
}

test('the issue\'s example reads exactly as upstream formats it', () => {
  const s = scheduler([makeNode('a', { cpu: '1' }), makeNode('b', { cpu: '1' }), makeNode('c', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] })]);
  const r = s.schedule(makePod('p', { requests: { cpu: '2' } }));
  assert.deepEqual(r, {
    scheduled: false,
    message: '0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 2 Insufficient cpu.',
    reasons: { a: ['Insufficient cpu'], b: ['Insufficient cpu'], c: ['node(s) had untolerated taint {dedicated: gpu}'] },
  });
});

test('each node reports only the first failing filter, in profile order', () => {
  const s = scheduler([makeNode('a', { cpu: '1', unschedulable: true })]);
  const r = s.schedule(makePod('p', { requests: { cpu: '2' } }));
  assert.deepEqual(r.scheduled === false && r.reasons, { a: ['node(s) were unschedulable'] });
});

test('a PreFilter rejection gives every node the same reason', () => {
  const s = scheduler(many(3));
  const spec = { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n0'] }, { key: 'metadata.name', operator: 'In', values: ['n1'] }] }] } } } };
  const r = s.schedule(makePod('p', { spec }));
  assert.deepEqual(r, { scheduled: false, message: '0/3 nodes are available: pod affinity terms conflict.', reasons: { n0: ['pod affinity terms conflict'], n1: ['pod affinity terms conflict'], n2: ['pod affinity terms conflict'] } });
});

test('nodes outside a PreFilter node set are reported as not satisfying the plugin', () => {
  const s = scheduler([makeNode('n0', { cpu: '1' }), makeNode('n1'), makeNode('n2')]);
  const spec = { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n0'] }] }] } } } };
  const r = s.schedule(makePod('p', { requests: { cpu: '2' }, spec }));
  assert.equal(r.scheduled === false && r.message, "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity].");
});

test('with no nodes the message is upstream\'s "no nodes available to schedule pods"', () => {
  assert.deepEqual(scheduler([]).schedule(makePod('p')), { scheduled: false, message: 'no nodes available to schedule pods', reasons: {} });
});

test('with 1,000 nodes a cycle stops after 420 feasible nodes and the next cycle starts where it stopped', () => {
  const s = scheduler(many(1000));
  const first = s.scheduleCycle(makePod('p1'));
  assert.ok(first.scheduled);
  assert.equal(first.feasible.length, 420);
  assert.equal(first.feasible[0].name, 'n0');
  const second = s.scheduleCycle(makePod('p2'));
  assert.ok(second.scheduled && second.feasible[0].name === 'n420' && second.feasible.length === 420);
  const third = s.scheduleCycle(makePod('p3'));
  assert.ok(third.scheduled && third.feasible[0].name === 'n840' && third.feasible[160].name === 'n0', 'wraps around');
});

test('percentageOfNodesToScore 100 examines every node', () => {
  const r = scheduler(many(1000), 0, 100).scheduleCycle(makePod('p'));
  assert.ok(r.scheduled && r.feasible.length === 1000);
});

test('among equal scores the choice depends only on the seed', () => {
  const picks = (seed: number) => {
    const s = scheduler(many(10), seed);
    return [...Array(5).keys()].map((i) => (s.schedule(makePod(`p${i}`)) as { node: string }).node);
  };
  assert.deepEqual(picks(7), picks(7));
  const distinct = new Set([...Array(10).keys()].map((seed) => picks(seed)[0]));
  assert.ok(distinct.size > 1, `seeds should spread the first pick, got ${[...distinct]}`);
});

test('the chosen node has the highest total score among the feasible nodes', () => {
  const s = scheduler(many(5));
  s.addPod(makePod('old', { node: 'n2', requests: { cpu: '3' } }));
  const r = s.schedule(makePod('p', { requests: { cpu: '100m', memory: '100Mi' } }));
  assert.ok(r.scheduled && r.scores);
  const best = Math.max(...Object.values(r.scores!));
  assert.equal(r.scores![r.node], best);
  assert.ok(r.scores!.n2 < best);
});
