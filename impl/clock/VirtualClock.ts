// Simulated time: `now` moves only when told to, and timers fire only when a driver of the clock
// (SeededScheduler) calls fireDue. Timers due at the same instant fire in the order they were set.
import type { Clock } from './Clock.ts';

/** Where virtual time starts unless told otherwise: 2025-01-01T00:00:00Z. */
export const VIRTUAL_EPOCH = Date.UTC(2025, 0, 1);

interface Timer {
  due: number;
  seq: number;
  name: string;
  fn: () => void;
  cancelled: boolean;
}

export class VirtualClock implements Clock {
  private current: number;
  private seq = 0;
  /** A binary min-heap on (due, seq). */
  private heap: Timer[] = [];

  /**
   * `dispatch` runs a due timer's callback; the default calls it at once. SeededScheduler passes
   * one that enqueues it as a task.
   */
  constructor(start = VIRTUAL_EPOCH, private readonly dispatch: (name: string, fn: () => void) => void = (_, fn) => fn()) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(ms: number, fn: () => void, name = 'timer'): () => void {
    const timer: Timer = { due: this.current + Math.max(0, ms), seq: this.seq++, name, fn, cancelled: false };
    this.push(timer);
    return () => void (timer.cancelled = true);
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimer(ms, resolve, 'sleep'));
  }

  /** The due time of the earliest live timer, or undefined when none is set. */
  nextDue(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.due;
  }

  /** Moves time forward to `ms`; throws RangeError when asked to go back. Fires nothing. */
  moveTo(ms: number): void {
    if (ms < this.current) throw new RangeError(`VirtualClock.moveTo: ${ms} is before now (${this.current})`);
    this.current = ms;
  }

  /** Dispatches every timer due at or before now, earliest first. Returns how many fired. */
  fireDue(): number {
    let fired = 0;
    for (;;) {
      this.dropCancelled();
      const top = this.heap[0];
      if (!top || top.due > this.current) return fired;
      this.pop();
      top.cancelled = true;
      fired++;
      this.dispatch(top.name, top.fn);
    }
  }

  /** Names of the live timers, earliest first (for reports). */
  pendingTimers(): { name: string; due: number }[] {
    return this.heap.filter((t) => !t.cancelled).sort(order).map((t) => ({ name: t.name, due: t.due }));
  }

  private dropCancelled(): void {
    while (this.heap.length && this.heap[0].cancelled) this.pop();
  }

  private push(timer: Timer): void {
    const h = this.heap;
    h.push(timer);
    for (let i = h.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (order(h[parent], h[i]) <= 0) break;
      [h[parent], h[i]] = [h[i], h[parent]];
      i = parent;
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && order(h[l], h[m]) < 0) m = l;
        if (r < h.length && order(h[r], h[m]) < 0) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i], h[m]];
        i = m;
      }
    }
    return top;
  }
}

const order = (a: Timer, b: Timer) => a.due - b.due || a.seq - b.seq;
