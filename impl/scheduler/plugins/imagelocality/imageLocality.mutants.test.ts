// ImageLocality's scaling at its thresholds, with several containers (init ones too) and with the
// image spread over part of the cluster, after upstream's image_locality_test.go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeNode, makePod, runScore } from '../../testing/fixtures.ts';
import { calculatePriority, MAX_CONTAINER_THRESHOLD, MIN_THRESHOLD, newImageLocality } from './imageLocality.ts';

const MB = 1024 * 1024;

test('the thresholds are 23MB and 1000MB per container', () => {
  assert.equal(MIN_THRESHOLD, 23 * MB);
  assert.equal(MAX_CONTAINER_THRESHOLD, 1000 * MB);
});

const priorityCases = [
  { name: 'exactly 23MB scores 0', sum: 23 * MB, containers: 1, want: 0 },
  { name: 'exactly 1000MB for one container scores 100', sum: 1000 * MB, containers: 1, want: 100 },
  { name: 'in between scales linearly and truncates', sum: 500 * MB, containers: 1, want: 48 },
  { name: 'two containers double the upper threshold', sum: 1000 * MB, containers: 2, want: 49 },
  { name: 'two containers reach 100 at 2000MB', sum: 2000 * MB, containers: 2, want: 100 },
  { name: 'above the upper threshold is capped at 100', sum: 5000 * MB, containers: 2, want: 100 },
];
for (const c of priorityCases) test(`calculatePriority: ${c.name}`, () => assert.equal(calculatePriority(c.sum, c.containers), c.want));

const img = (names: string[], mb: number) => ({ names, sizeBytes: mb * MB });
const withContainers = (containers: string[], init: string[] = []) =>
  makePod('p', { spec: { containers: containers.map((image, i) => ({ name: `c${i}`, image })), initContainers: init.map((image, i) => ({ name: `i${i}`, image })) } });

test('every container\'s image adds up, and the threshold grows with the container count', () => {
  const nodes = [makeNode('both', { images: [img(['a:1'], 1000), img(['b:1'], 1000)] }), makeNode('one', { images: [img(['a:1'], 1000)] })];
  // spreads: a on 2/2 nodes, b on 1/2 → both: 1000 + 500 = 1500MB of 2000MB → (1500-23)/(2000-23) = 74; one: 1000 → 49
  assert.deepEqual(runScore(newImageLocality(), nodes, [], withContainers(['a:1', 'b:1'])), { both: 74, one: 49 });
});

test('init containers\' images count too, and count as containers', () => {
  const nodes = [makeNode('n', { images: [img(['init:1'], 1000)] })];
  // 1000MB over 2 containers → 49
  assert.deepEqual(runScore(newImageLocality(), nodes, [], withContainers(['app:1'], ['init:1'])), { n: 49 });
});

test('an image on 2 of 3 nodes is scaled by 2/3', () => {
  const nodes = [makeNode('n1', { images: [img(['a:1'], 600)] }), makeNode('n2', { images: [img(['a:1'], 600)] }), makeNode('n3')];
  // 600MB × 2/3 = 400MB → (400-23)/(1000-23) = 38
  assert.deepEqual(runScore(newImageLocality(), nodes, [], withContainers(['a:1'])), { n1: 38, n2: 38, n3: 0 });
});

test('an image is matched by any of the names the node reports for it', () => {
  const nodes = [makeNode('n', { images: [img(['registry/a@sha256:abc', 'registry/a:2'], 1000)] })];
  assert.deepEqual(runScore(newImageLocality(), nodes, [], withContainers(['registry/a:2'])), { n: 100 });
});

test('a pod without containers scores 0', () => {
  const nodes = [makeNode('n', { images: [img(['a:1'], 1000)] })];
  assert.deepEqual(runScore(newImageLocality(), nodes, [], makePod('p', { spec: { containers: [] } })), { n: 0 });
});
