import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scheduler } from './scheduler.ts';
import { schedule } from './schedule.ts';
import { makeNode, makePod } from './testing/fixtures.ts';

const zoned = (name: string, zone: string) => makeNode(name, { labels: { 'topology.kubernetes.io/zone': zone } });

test('incremental updates leave the same cache as building from scratch', () => {
  const nodes = [zoned('a1', 'a'), zoned('a2', 'a'), zoned('b1', 'b')];
  const placed = [makePod('x', { node: 'a1', requests: { cpu: '3' } }), makePod('y', { node: 'b1', requests: { cpu: '1' } })];
  const s = new Scheduler({ seed: 3 });
  nodes.forEach((n) => s.addNode(n));
  s.addNode(makeNode('gone'));
  s.addPod(makePod('tmp', { node: 'a2', requests: { cpu: '4' } }));
  placed.forEach((p) => s.addPod(p));
  s.removePod(makePod('tmp'));
  s.removeNode('gone');
  const pod = makePod('p', { requests: { cpu: '2' } });
  assert.deepEqual(s.schedule(pod), schedule({ nodes, pods: placed, pod, seed: 3 }));
  assert.deepEqual(s.cache.get('a2')!.requested.milliCPU, 0);
});

test('assume counts the pod on its node before the binding is confirmed', () => {
  const s = new Scheduler();
  s.addNode(makeNode('n', { cpu: '2' }));
  const p = makePod('p', { requests: { cpu: '2' } });
  assert.ok(s.schedule(p).scheduled);
  s.assume(p, 'n');
  const r = s.schedule(makePod('q', { requests: { cpu: '1' } }));
  assert.deepEqual(r.scheduled === false && r.reasons, { n: ['Insufficient cpu'] });
});

test('updatePod that clears spec.nodeName removes the pod from its node', () => {
  const s = new Scheduler();
  s.addNode(makeNode('n'));
  s.addPod(makePod('p', { node: 'n', requests: { cpu: '1' } }));
  s.updatePod(makePod('p', { requests: { cpu: '1' } }));
  assert.equal(s.cache.get('n')!.pods.length, 0);
});

test('pods placed on a node not yet known are counted once the node arrives', () => {
  const s = new Scheduler();
  s.addPod(makePod('early', { node: 'late', requests: { cpu: '4' } }));
  assert.equal(s.cache.nodes.length, 0);
  s.addNode(makeNode('late', { cpu: '4' }));
  const r = s.schedule(makePod('p', { requests: { cpu: '1' } }));
  assert.deepEqual(r.scheduled === false && r.reasons, { late: ['Insufficient cpu'] });
});

test('nodes are examined round-robin across zones, as upstream\'s node tree lists them', () => {
  const s = new Scheduler();
  [zoned('a1', 'a'), zoned('a2', 'a'), zoned('a3', 'a'), zoned('b1', 'b'), makeNode('plain')].forEach((n) => s.addNode(n));
  assert.deepEqual(s.cache.nodes.map((n) => n.name), ['a1', 'b1', 'plain', 'a2', 'a3']);
  s.updateNode(zoned('a1', 'b'));
  assert.deepEqual(s.cache.nodes.map((n) => n.name), ['a2', 'b1', 'plain', 'a3', 'a1']);
});

test('image spread is shared across nodes and follows node updates', () => {
  const s = new Scheduler();
  const img = [{ names: ['big:1'], sizeBytes: 1 << 30 }];
  s.addNode(makeNode('a', { images: img }));
  s.addNode(makeNode('b', { images: img }));
  assert.equal(s.cache.get('a')!.imageStates.get('big:1')!.nodes.size, 2);
  s.updateNode(makeNode('b'));
  assert.equal(s.cache.get('a')!.imageStates.get('big:1')!.nodes.size, 1);
});
