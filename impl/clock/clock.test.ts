// The virtual clock and the seeded scheduler: order, determinism, quiescence, livelock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LivelockError, SeededScheduler, VirtualClock, VIRTUAL_EPOCH } from './index.ts';

test('timers fire in due order, ties in the order they were set, cancelled ones never', () => {
  const clock = new VirtualClock();
  const fired: string[] = [];
  clock.setTimer(30, () => fired.push('c'));
  clock.setTimer(10, () => fired.push('a'));
  clock.setTimer(10, () => fired.push('b'));
  const cancel = clock.setTimer(20, () => fired.push('cancelled'));
  cancel();
  clock.moveTo(VIRTUAL_EPOCH + 25);
  assert.equal(clock.fireDue(), 2);
  assert.deepEqual(fired, ['a', 'b']);
  assert.equal(clock.nextDue(), VIRTUAL_EPOCH + 30);
  assert.throws(() => clock.moveTo(VIRTUAL_EPOCH), RangeError);
});

/** Three lanes of three tasks each; returns the order they ran in. */
async function interleaving(seed: number): Promise<string[]> {
  const s = new SeededScheduler({ seed });
  const ran: string[] = [];
  for (const lane of ['a', 'b', 'c']) for (let i = 0; i < 3; i++) s.enqueue(lane, `${lane}${i}`, () => void ran.push(`${lane}${i}`));
  await s.settle();
  return ran;
}

test('a lane runs its tasks in order; the same seed gives the same interleaving', async () => {
  const first = await interleaving(7);
  for (const lane of ['a', 'b', 'c']) assert.deepEqual(first.filter((t) => t[0] === lane), [`${lane}0`, `${lane}1`, `${lane}2`]);
  assert.deepEqual(await interleaving(7), first);
});

test('different seeds give different interleavings', async () => {
  const orders = new Set<string>();
  for (let seed = 1; seed <= 8; seed++) orders.add((await interleaving(seed)).join());
  assert.ok(orders.size > 1, `one order for eight seeds: ${[...orders]}`);
});

test('a task waiting on a virtual timer does not hold up other lanes, and advance wakes it', async () => {
  const s = new SeededScheduler();
  const ran: string[] = [];
  s.enqueue('sleeper', 'sleep', async () => {
    await s.clock.sleep(1000);
    ran.push(`woke at +${s.clock.now() - VIRTUAL_EPOCH}`);
  });
  s.enqueue('sleeper', 'after', () => void ran.push('after'));
  s.enqueue('other', 'other', () => void ran.push('other'));
  await s.settle();
  assert.deepEqual(ran, ['other']);
  await s.advance(5000);
  assert.deepEqual(ran, ['other', 'woke at +1000', 'after']);
  assert.equal(s.clock.now(), VIRTUAL_EPOCH + 5000);
});

test('work that keeps making work is reported as a livelock naming the pending tasks', async () => {
  const s = new SeededScheduler({ maxTasks: 100 });
  const spin = () => s.enqueue('loop', 'spin', spin);
  spin();
  await assert.rejects(s.settle(), (e: unknown) => e instanceof LivelockError && e.pending[0] === 'loop: spin' && /after 100 tasks/.test(e.message));
});

test('a failing task is reported and the lane goes on', async () => {
  const failures: string[] = [];
  const s = new SeededScheduler({ onError: (e, lane, name) => failures.push(`${lane}/${name}: ${(e as Error).message}`) });
  const ran: string[] = [];
  s.enqueue('l', 'boom', () => {
    throw new Error('bang');
  });
  s.enqueue('l', 'next', () => void ran.push('next'));
  await s.settle();
  assert.deepEqual(failures, ['l/boom: bang']);
  assert.deepEqual(ran, ['next']);
});
