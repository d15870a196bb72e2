import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Backoff } from './Backoff.ts';

test('windows open at 10 s, double, cap at 5 min, and reset after 2 × max without updates', () => {
  const b = new Backoff();
  assert.equal(b.isInBackOffSince('k', 0, 0), false, 'an unknown key is not in back-off');
  const windows: number[] = [];
  for (let i = 0, t = 0; i < 8; i++, t += 1000) {
    b.next('k', t, t);
    windows.push(b.get('k') / 1000);
  }
  assert.deepEqual(windows, [10, 20, 40, 80, 160, 300, 300, 300]);
  assert.equal(b.isInBackOffSince('k', 10_000, 309_999), true);
  assert.equal(b.isInBackOffSince('k', 10_000, 310_000), false);
  b.next('k', 7000 + 600_001, 7000 + 600_001);
  assert.equal(b.get('k'), 10_000, 'expired entries start over');
  assert.equal(b.isInBackOffSinceUpdate('k', 607_001 + 9_999), true);
  b.gc(607_001 + 600_001);
  assert.equal(b.get('k'), 0);
});
