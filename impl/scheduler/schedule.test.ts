import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidObjectError } from './errors.ts';
import { schedule } from './schedule.ts';
import { makeNode, makePod } from './testing/fixtures.ts';

test('a malformed quantity in the pod is an InvalidObjectError with the field path', () => {
  assert.throws(
    () => schedule({ nodes: [makeNode('n')], pods: [], pod: makePod('p', { requests: { cpu: 'lots' } }) }),
    (e: unknown) =>
      e instanceof InvalidObjectError &&
      e.field === 'pod.spec.containers[0].resources.requests.cpu' &&
      e.message.startsWith('pod.spec.containers[0].resources.requests.cpu: Invalid value: "lots": quantities must match'),
  );
});

test('a node without a name is a Required value error naming the node', () => {
  const nameless = { ...makeNode('x'), metadata: {} };
  assert.throws(() => schedule({ nodes: [makeNode('n'), nameless], pods: [], pod: makePod('p') }), { message: 'nodes[1].metadata.name: Required value' });
});

test('a bad label selector operator names the expression', () => {
  const spec = { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'k', labelSelector: { matchExpressions: [{ key: 'a', operator: 'Like' }] } }] } } };
  assert.throws(() => schedule({ nodes: [makeNode('n')], pods: [], pod: makePod('p', { spec }) }), {
    message: 'pod.spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].operator: Invalid value: "Like": "Like" is not a valid label selector operator',
  });
});

test('schedule does not modify its inputs', () => {
  const input = { nodes: [makeNode('a'), makeNode('b')], pods: [makePod('x', { node: 'a' })], pod: makePod('p'), seed: 1 };
  const before = JSON.stringify(input);
  schedule(input);
  assert.equal(JSON.stringify(input), before);
});

test('pods without spec.nodeName in the placed list are ignored', () => {
  const r = schedule({ nodes: [makeNode('a', { pods: '1' })], pods: [makePod('pending')], pod: makePod('p') });
  assert.equal(r.scheduled && r.node, 'a');
});

test('percentageOfNodesToScore is passed on: 100 % of 1,000 nodes are checked, the adaptive default checks 420', () => {
  const nodes = Array.from({ length: 1000 }, (_, i) => makeNode(`n${i}`));
  const feasible = (percentageOfNodesToScore?: number) => {
    const r = schedule({ nodes, pods: [], pod: makePod('p'), percentageOfNodesToScore, seed: 3 });
    return r.scheduled ? r.feasible.length : 0;
  };
  assert.deepEqual([feasible(100), feasible(undefined)], [1000, 420]);
});

test('a malformed placed pod is an InvalidObjectError naming it in the pods list', () => {
  const bad = makePod('x', { node: 'n', requests: { memory: 'much' } });
  assert.throws(() => schedule({ nodes: [makeNode('n')], pods: [makePod('ok', { node: 'n' }), bad], pod: makePod('p') }), (e: unknown) =>
    e instanceof InvalidObjectError && e.message.startsWith('pods[1].spec.containers[0].resources.requests.memory: Invalid value: "much"'),
  );
});
