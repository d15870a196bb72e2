// SchedulerCache bookkeeping as upstream's cache keeps it: node and pod add/remove results, pods on nodes
// not (or no longer) known, the lists of nodes holding pods with (anti-)affinity, and the shared image states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidObjectError } from '../errors.ts';
import { EVERYTHING } from '../framework/labelSelector.ts';
import { PodInfo } from '../framework/podInfo.ts';
import { makeNode, makePod } from '../testing/fixtures.ts';
import type { KubeObject } from '../types.ts';
import { SchedulerCache } from './schedulerCache.ts';

const cpu = (cache: SchedulerCache, node: string) => cache.get(node)!.requested.milliCPU;
const names = (nodes: readonly { name: string }[]) => nodes.map((n) => n.name);

test('get: a node never added, or known only from the pods placed on it, is undefined', () => {
  const cache = new SchedulerCache();
  cache.addPod(makePod('early', { node: 'late' }));
  assert.equal(cache.get('nowhere'), undefined);
  assert.equal(cache.get('late'), undefined);
});

test('setNode: a node without metadata or without a name is a Required value error', () => {
  const cache = new SchedulerCache();
  for (const node of [{}, { metadata: {} }, { metadata: { name: '' } }]) {
    assert.throws(
      () => cache.setNode(node as KubeObject),
      (e: unknown) => e instanceof InvalidObjectError && e.message === 'metadata.name: Required value',
      JSON.stringify(node),
    );
  }
  assert.equal(cache.nodes.length, 0);
});

test('defaultSpreadSelector: without the option no pod is spread by default; with it, the option decides', () => {
  const pod = new PodInfo(makePod('p', { labels: { app: 'web' }, owner: 'rs' }));
  const plain = new SchedulerCache().defaultSpreadSelector(pod);
  assert.equal(plain.empty, false);
  assert.equal(plain.matches({ app: 'web' }), false);
  assert.equal(plain.matches({}), false);
  assert.equal(new SchedulerCache({ defaultSpreadSelector: () => EVERYTHING }).defaultSpreadSelector(pod), EVERYTHING);
});

test('removeNode: true for a known node; false for an unknown one, one removed already, or one known only from pods', () => {
  const cache = new SchedulerCache();
  cache.setNode(makeNode('a'));
  cache.addPod(makePod('early', { node: 'late' }));
  const cases: [string, boolean][] = [['nowhere', false], ['late', false], ['a', true], ['a', false]];
  for (const [name, want] of cases) assert.equal(cache.removeNode(name), want, name);
  assert.deepEqual(names(cache.nodes), []);
});

test('removeNode: a node without pods is forgotten, so adding it back starts a new NodeInfo', () => {
  const cache = new SchedulerCache();
  cache.setNode(makeNode('a'));
  const before = cache.get('a');
  cache.removeNode('a');
  cache.setNode(makeNode('a'));
  assert.notEqual(cache.get('a'), before);
});

test('removeNode: a node with pods keeps them, and they count again when the node comes back', () => {
  const cache = new SchedulerCache();
  cache.setNode(makeNode('a'));
  cache.addPod(makePod('p', { node: 'a', requests: { cpu: '1' } }));
  assert.equal(cache.removeNode('a'), true);
  assert.equal(cache.get('a'), undefined);
  assert.equal(cache.removeNode('a'), false);
  cache.setNode(makeNode('a'));
  assert.equal(cpu(cache, 'a'), 1000);
  assert.equal(cache.get('a')!.pods.length, 1);
});

test('addPod: an unplaced pod is refused and cached nowhere', () => {
  const cache = new SchedulerCache();
  cache.setNode(makeNode('a'));
  const pod = makePod('p', { requests: { cpu: '1' } });
  assert.equal(cache.addPod(pod), false);
  assert.equal(cache.removePod(new PodInfo(pod).key), false);
  assert.equal(cpu(cache, 'a'), 0);
});

test('addPod: the same pod again replaces the cached one, on the same node or on another', () => {
  const cache = new SchedulerCache();
  cache.setNode(makeNode('a'));
  cache.setNode(makeNode('b'));
  assert.equal(cache.addPod(makePod('p', { node: 'a', requests: { cpu: '1' } })), true);
  assert.equal(cache.addPod(makePod('p', { node: 'a', requests: { cpu: '2' } })), true);
  assert.deepEqual([cache.get('a')!.pods.length, cpu(cache, 'a')], [1, 2000]);
  assert.equal(cache.addPod(makePod('p', { node: 'b', requests: { cpu: '3' } })), true);
  assert.deepEqual([cache.get('a')!.pods.length, cpu(cache, 'a'), cpu(cache, 'b')], [0, 0, 3000]);
});

test('removePod: true once for a cached pod; false for an unknown key and the second time', () => {
  const cache = new SchedulerCache();
  cache.setNode(makeNode('a'));
  const key = new PodInfo(makePod('p', { node: 'a' })).key;
  cache.addPod(makePod('p', { node: 'a', requests: { cpu: '1' } }));
  const cases: [string, boolean][] = [['no/such-pod', false], [key, true], [key, false]];
  for (const [k, want] of cases) assert.equal(cache.removePod(k), want, k);
  assert.equal(cpu(cache, 'a'), 0);
});

test('pods on a node not yet known: removing one keeps the others, which count once the node arrives', () => {
  const cache = new SchedulerCache();
  const x = makePod('x', { node: 'late', requests: { cpu: '1' } });
  const y = makePod('y', { node: 'late', requests: { cpu: '2' } });
  cache.addPod(x);
  cache.addPod(y);
  assert.equal(cache.removePod(new PodInfo(x).key), true);
  cache.setNode(makeNode('late'));
  assert.deepEqual([cache.get('late')!.pods.length, cpu(cache, 'late')], [1, 2000]);
  assert.equal(cache.removePod(new PodInfo(y).key), true);
  assert.equal(cpu(cache, 'late'), 0);
});

test('a pod removed from a node that never arrived leaves nothing: the node arrives empty', () => {
  const cache = new SchedulerCache();
  const x = makePod('x', { node: 'late', requests: { cpu: '1' } });
  cache.addPod(x);
  assert.equal(cache.removePod(new PodInfo(x).key), true);
  assert.equal(cache.removePod(new PodInfo(x).key), false);
  cache.setNode(makeNode('late'));
  assert.deepEqual([cache.get('late')!.pods.length, cpu(cache, 'late')], [0, 0]);
});

const anti = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'db' } } }] } };
const preferred = { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'db' } } } }] } };

test('havePodsWithAffinity / havePodsWithRequiredAntiAffinity: only the nodes holding such pods, kept current', () => {
  const cache = new SchedulerCache();
  ['a', 'b', 'c'].forEach((n) => cache.setNode(makeNode(n)));
  cache.addPod(makePod('plain', { node: 'c' }));
  const lists = () => [names(cache.havePodsWithAffinity), names(cache.havePodsWithRequiredAntiAffinity)];
  const steps: [string, () => unknown, string[][]][] = [
    ['no pod with affinity', () => {}, [[], []]],
    ['a pod with preferred affinity on a', () => cache.addPod(makePod('pa', { node: 'a', spec: { affinity: preferred } })), [['a'], []]],
    ['a pod with required anti-affinity on b', () => cache.addPod(makePod('pb', { node: 'b', spec: { affinity: anti } })), [['a', 'b'], ['b']]],
    ['the pod on a removed', () => cache.removePod(new PodInfo(makePod('pa')).key), [['b'], ['b']]],
    ['node b removed', () => cache.removeNode('b'), [[], []]],
    ['node b back with its pod', () => cache.setNode(makeNode('b')), [['b'], ['b']]],
  ];
  for (const [what, change, want] of steps) {
    change();
    assert.deepEqual(lists(), want, what);
  }
});

const withImages = (name: string, images: { names?: string[]; sizeBytes?: number }[]) => {
  const node = makeNode(name);
  (node.status as Record<string, unknown>).images = images;
  return node;
};
const image = (cache: SchedulerCache, node: string, name: string) => {
  const s = cache.get(node)!.imageStates.get(name);
  return s && { size: s.size, nodes: [...s.nodes].sort() };
};

test('image states: every name of an image, with the size first reported, shared by the nodes holding it', () => {
  const cache = new SchedulerCache();
  cache.setNode(withImages('a', [{ names: ['x:1', 'reg/x@sha256:1'], sizeBytes: 100 }, { sizeBytes: 5 }, { names: ['nosize:1'] }]));
  cache.setNode(withImages('b', [{ names: ['x:1'], sizeBytes: 200 }]));
  assert.deepEqual(image(cache, 'a', 'x:1'), { size: 100, nodes: ['a', 'b'] });
  assert.deepEqual(image(cache, 'b', 'x:1'), { size: 100, nodes: ['a', 'b'] });
  assert.deepEqual(image(cache, 'a', 'reg/x@sha256:1'), { size: 100, nodes: ['a'] });
  assert.deepEqual(image(cache, 'a', 'nosize:1'), { size: 0, nodes: ['a'] });
  assert.equal(cache.get('a')!.imageStates.size, 3);
  assert.equal(cache.get('b')!.imageStates.size, 1);
});

test('image states: a node that drops an image or is removed leaves the count of the other holders right', () => {
  const cache = new SchedulerCache();
  ['a', 'b', 'c'].forEach((n) => cache.setNode(withImages(n, [{ names: ['x:1'], sizeBytes: 100 }])));
  cache.setNode(makeNode('a'));
  assert.equal(cache.get('a')!.imageStates.size, 0);
  assert.deepEqual(image(cache, 'b', 'x:1'), { size: 100, nodes: ['b', 'c'] });
  cache.removeNode('c');
  assert.deepEqual(image(cache, 'b', 'x:1'), { size: 100, nodes: ['b'] });
  cache.setNode(withImages('a', [{ names: ['x:1'], sizeBytes: 300 }]));
  assert.deepEqual(image(cache, 'b', 'x:1'), { size: 100, nodes: ['a', 'b'] });
  assert.equal(cache.get('a')!.imageStates.get('x:1'), cache.get('b')!.imageStates.get('x:1'));
});

test('image states: once no node holds an image, the next node reporting it sets its size afresh', () => {
  const cache = new SchedulerCache();
  cache.setNode(withImages('a', [{ names: ['x:1'], sizeBytes: 100 }]));
  cache.setNode(withImages('b', [{ names: ['x:1'], sizeBytes: 100 }]));
  cache.removeNode('a');
  cache.setNode(makeNode('b'));
  cache.setNode(withImages('c', [{ names: ['x:1'], sizeBytes: 300 }]));
  assert.deepEqual(image(cache, 'c', 'x:1'), { size: 300, nodes: ['c'] });
});

test('image states: malformed image entries (null, names not a list) are skipped, not thrown on', () => {
  const cache = new SchedulerCache();
  cache.setNode(withImages('a', [null, { names: 'x:1' }, { names: ['y:1'], sizeBytes: 7 }] as never));
  assert.deepEqual([...cache.get('a')!.imageStates.keys()], ['y:1']);
});
