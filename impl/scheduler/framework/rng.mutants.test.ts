// Rng: the scheduler's seeded randomness is impl/clock's mulberry32, and intn(n) maps it to [0, n).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../../clock/rng.ts';
import { Rng } from './rng.ts';

test('next is the seeded mulberry32 sequence', () => {
  const want = seededRandom(42);
  const rng = new Rng(42);
  for (let i = 0; i < 5; i++) assert.equal(rng.next(), want());
});

test('intn(n) is floor(next × n) and stays within [0, n)', () => {
  const want = seededRandom(7);
  const rng = new Rng(7);
  const got: number[] = [];
  for (let i = 0; i < 200; i++) {
    const n = (i % 9) + 1;
    const v = rng.intn(n);
    assert.equal(v, Math.floor(want() * n));
    got.push(v);
  }
  assert.ok(got.some((v) => v > 0), 'values other than 0 appear');
});

test('intn(1) is always 0', () => {
  const rng = new Rng(3);
  for (let i = 0; i < 20; i++) assert.equal(rng.intn(1), 0);
});
