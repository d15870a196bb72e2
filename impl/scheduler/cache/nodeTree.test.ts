// NodeTree as upstream's: zones keyed by region and zone (GA labels before the beta ones), nodes listed
// round-robin across zones in the order the zones and nodes were added.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NodeTree, zoneKey } from './nodeTree.ts';

const GA_REGION = 'topology.kubernetes.io/region';
const GA_ZONE = 'topology.kubernetes.io/zone';
const BETA_REGION = 'failure-domain.beta.kubernetes.io/region';
const BETA_ZONE = 'failure-domain.beta.kubernetes.io/zone';

test('zoneKey: region and zone from the GA labels, else the beta ones; neither is the empty zone', () => {
  const cases: [Record<string, string>, string][] = [
    [{}, ''],
    [{ other: 'x' }, ''],
    [{ [GA_REGION]: 'r', [GA_ZONE]: 'z' }, 'r:\x00:z'],
    [{ [BETA_REGION]: 'r', [BETA_ZONE]: 'z' }, 'r:\x00:z'],
    [{ [GA_REGION]: 'r1', [BETA_REGION]: 'r2', [GA_ZONE]: 'z1', [BETA_ZONE]: 'z2' }, 'r1:\x00:z1'],
    [{ [GA_REGION]: 'r' }, 'r:\x00:'],
    [{ [GA_ZONE]: 'z' }, ':\x00:z'],
    [{ [BETA_ZONE]: 'z' }, ':\x00:z'],
    [{ [BETA_REGION]: 'r' }, 'r:\x00:'],
    [{ [GA_REGION]: '', [GA_ZONE]: '' }, ''],
    [{ [GA_REGION]: '', [BETA_REGION]: 'r' }, ''],
  ];
  for (const [labels, want] of cases) assert.equal(zoneKey(labels), want, JSON.stringify(labels));
});

const zone = (z: string) => ({ [GA_ZONE]: z });

test('list: the first node of every zone, then the second of every zone, in the order they came', () => {
  const tree = new NodeTree();
  for (const [name, z] of [['a1', 'a'], ['a2', 'a'], ['b1', 'b'], ['a3', 'a'], ['c1', 'c'], ['b2', 'b']] as const) assert.equal(tree.set(name, zone(z)), true);
  assert.equal(tree.size, 6);
  assert.deepEqual(tree.list(), ['a1', 'b1', 'c1', 'a2', 'b2', 'a3']);
});

test('set: the same zone again changes nothing; another zone moves the node to the end of that zone', () => {
  const tree = new NodeTree();
  tree.set('a1', zone('a'));
  tree.set('b1', zone('b'));
  tree.set('a2', zone('a'));
  assert.equal(tree.set('a1', zone('a')), false);
  assert.deepEqual(tree.list(), ['a1', 'b1', 'a2']);
  assert.equal(tree.set('a1', zone('b')), true);
  assert.equal(tree.size, 3);
  assert.deepEqual(tree.list(), ['a2', 'b1', 'a1']);
});

test('remove: drops the node, and the zone once empty; an unknown node changes nothing', () => {
  const tree = new NodeTree();
  tree.set('a1', zone('a'));
  tree.set('b1', zone('b'));
  tree.set('b2', zone('b'));
  assert.equal(tree.remove('x'), false);
  assert.equal(tree.remove('a1'), true);
  assert.equal(tree.remove('a1'), false);
  assert.deepEqual(tree.list(), ['b1', 'b2']);
  tree.set('a1', zone('a'));
  // zone a was emptied and removed, so it now comes after zone b
  assert.deepEqual(tree.list(), ['b1', 'a1', 'b2']);
  assert.equal(tree.remove('b1'), true);
  assert.deepEqual(tree.list(), ['b2', 'a1']);
  assert.equal(tree.size, 2);
});
