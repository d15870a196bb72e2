import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeNode, makePod, runScore } from '../../testing/fixtures.ts';
import { calculatePriority, newImageLocality } from './imageLocality.ts';

const MB = 1024 * 1024;
const pod = (image: string) => makePod('p', { spec: { containers: [{ name: 'c', image }] } });

test('below 23MB the image does not count', () => assert.equal(calculatePriority(10 * MB, 1), 0));
test('at 1000MB per container the score is 100', () => assert.equal(calculatePriority(2000 * MB, 1), 100));

test('a node holding a large image scores higher than one without it, scaled by spread', () => {
  const nodes = [makeNode('has', { images: [{ names: ['big:1.0'], sizeBytes: 500 * MB }] }), makeNode('lacks')];
  // spread 1/2 → 250MB → (250-23)/(1000-23) × 100 = 23
  assert.deepEqual(runScore(newImageLocality(), nodes, [], pod('big:1.0')), { has: 23, lacks: 0 });
});

test('an untagged image name is matched as :latest', () => {
  const nodes = [makeNode('has', { images: [{ names: ['big:latest'], sizeBytes: 1000 * MB }] })];
  assert.deepEqual(runScore(newImageLocality(), nodes, [], pod('big')), { has: 100 });
});
