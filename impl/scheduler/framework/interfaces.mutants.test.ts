// defaultNormalizeScore, upstream's DefaultNormalizeScore: scale by the highest score (integer
// division), optionally reversed; all-zero scores stay 0, or become the maximum when reversed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultNormalizeScore, MAX_NODE_SCORE } from './interfaces.ts';

const cases = [
  { name: 'scores are scaled so the highest becomes the maximum, truncating', max: 100, reverse: false, scores: [1, 2, 3], want: [33, 66, 100] },
  { name: 'reversed, the highest becomes 0 and the lowest the largest', max: 100, reverse: true, scores: [1, 2, 3], want: [67, 34, 0] },
  { name: 'a highest score below the maximum is scaled up', max: 10, reverse: false, scores: [0, 4, 8], want: [0, 5, 10] },
  { name: 'a highest score in the middle of the list is found', max: 10, reverse: false, scores: [2, 8, 4], want: [2, 10, 5] },
  { name: 'all-zero scores stay 0', max: 100, reverse: false, scores: [0, 0], want: [0, 0] },
  { name: 'all-zero scores reversed all become the maximum', max: 100, reverse: true, scores: [0, 0], want: [100, 100] },
  { name: 'an empty list is left alone', max: 100, reverse: true, scores: [], want: [] },
];
for (const c of cases) {
  test(c.name, () => {
    const scores = Float64Array.from(c.scores);
    defaultNormalizeScore(c.max, c.reverse, scores);
    assert.deepEqual([...scores], c.want);
  });
}

test('the maximum node score is upstream\'s 100', () => assert.equal(MAX_NODE_SCORE, 100));
