// The in-process control plane's executor on virtual time. Every piece of component work (watch
// event delivery, work-queue items, timers) is a task in a lane; `settle` repeatedly picks one
// ready lane with a seeded PRNG and starts its first task, then lets every microtask run before
// picking the next. A task that waits on a virtual timer keeps its lane busy without blocking the
// others. With the memory store, the same seed gives the same interleaving, hence the same trace.
import type { TaskFn, Tasks } from './Clock.ts';
import { LivelockError } from './LivelockError.ts';
import { seededRandom } from './rng.ts';
import { VIRTUAL_EPOCH, VirtualClock } from './VirtualClock.ts';

export interface SeededSchedulerOptions {
  seed?: number;
  /** Virtual start time, ms since the epoch (default VIRTUAL_EPOCH). */
  start?: number;
  /** The most tasks one settle() may run before it reports a livelock (default 500,000). */
  maxTasks?: number;
  /**
   * Real milliseconds settle() waits for outside work (network I/O, e.g. the etcd store) once no
   * lane is ready (default 0: in-process work only needs the microtask queue drained).
   */
  quietMs?: number;
  /** Gets every task failure; the default keeps them in `failures`. */
  onError?: (error: unknown, lane: string, name: string) => void;
}

interface Task {
  name: string;
  fn: TaskFn;
}

interface Lane {
  name: string;
  queue: Task[];
  head: number;
  busy: boolean;
}

const drainMicrotasks = () => new Promise<void>((resolve) => setImmediate(resolve));

export class SeededScheduler implements Tasks {
  readonly clock: VirtualClock;
  readonly random: () => number;
  /** Failures of tasks, when no onError was given. */
  readonly failures: { error: unknown; lane: string; name: string }[] = [];
  /** Tasks started since creation. */
  tasksRun = 0;
  private readonly lanes = new Map<string, Lane>();
  private readonly pick: () => number;
  private readonly options: SeededSchedulerOptions;
  private settling: Promise<number> | undefined;

  constructor(options: SeededSchedulerOptions = {}) {
    this.options = options;
    const seed = options.seed ?? 1;
    this.pick = seededRandom(seed);
    this.random = seededRandom(seed ^ 0x5bd1e995);
    this.clock = new VirtualClock(options.start ?? VIRTUAL_EPOCH, (name, fn) => this.enqueue('timers', name, fn));
  }

  enqueue(lane: string, name: string, fn: TaskFn): void {
    let l = this.lanes.get(lane);
    if (!l) this.lanes.set(lane, (l = { name: lane, queue: [], head: 0, busy: false }));
    l.queue.push({ name, fn });
  }

  /**
   * Runs tasks and due timers until no lane is ready. Resolves with the number of tasks run;
   * rejects with LivelockError after `maxTasks`. Concurrent calls share one run.
   */
  settle(): Promise<number> {
    this.settling ??= this.run().finally(() => (this.settling = undefined));
    return this.settling;
  }

  /** Moves virtual time forward by `ms`, firing timers in due order and settling after each instant. */
  async advance(ms: number): Promise<void> {
    if (!(ms >= 0)) throw new RangeError(`advance: ms must be a non-negative number, not ${ms}`);
    const target = this.clock.now() + ms;
    await this.settle();
    for (let due = this.clock.nextDue(); due !== undefined && due <= target; due = this.clock.nextDue()) {
      this.clock.moveTo(Math.max(due, this.clock.now()));
      await this.settle();
    }
    this.clock.moveTo(target);
    await this.settle();
  }

  /** Queued tasks as `lane: name ×count`, most frequent first. */
  pending(): string[] {
    const counts = new Map<string, number>();
    for (const [lane, l] of this.lanes)
      for (let i = l.head; i < l.queue.length; i++) counts.set(`${lane}: ${l.queue[i].name}`, (counts.get(`${lane}: ${l.queue[i].name}`) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => (n > 1 ? `${k} ×${n}` : k));
  }

  private async run(): Promise<number> {
    const max = this.options.maxTasks ?? 500_000;
    let ran = 0;
    for (;;) {
      await drainMicrotasks();
      this.clock.fireDue();
      const ready: Lane[] = [];
      for (const [name, l] of this.lanes) {
        if (l.busy) continue;
        if (l.head < l.queue.length) ready.push(l);
        else this.lanes.delete(name);
      }
      if (ready.length === 0) {
        if (!this.options.quietMs || !(await this.quiet(this.options.quietMs))) return ran;
        continue;
      }
      if (ran >= max) throw new LivelockError(ran, this.pending());
      const lane = ready[Math.floor(this.pick() * ready.length)];
      this.start(lane);
      ran++;
    }
  }

  private start(lane: Lane): void {
    const task = lane.queue[lane.head++];
    if (lane.head > 1024 && lane.head * 2 > lane.queue.length) {
      lane.queue = lane.queue.slice(lane.head);
      lane.head = 0;
    }
    lane.busy = true;
    this.tasksRun++;
    const done = () => void (lane.busy = false);
    try {
      const result = task.fn();
      if (result && typeof (result as Promise<void>).then === 'function') {
        (result as Promise<void>).then(done, (error) => (done(), this.fail(error, lane.name, task.name)));
      } else done();
    } catch (error) {
      done();
      this.fail(error, lane.name, task.name);
    }
  }

  private fail(error: unknown, lane: string, name: string): void {
    if (this.options.onError) this.options.onError(error, lane, name);
    else this.failures.push({ error, lane, name });
  }

  /** Waits up to `ms` real milliseconds for a lane to become ready; true when one did. */
  private async quiet(ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(5, ms)));
      for (const l of this.lanes.values()) if (!l.busy && l.head < l.queue.length) return true;
    }
    return false;
  }
}
