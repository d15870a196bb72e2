// A work queue of keys, as client-go's rate-limited queue: a key waiting is queued once however
// often it is added; a key is never processed by two workers at once (added while processing, it
// is processed again afterwards); a failed key is retried with per-key exponential backoff on the
// clock. Each processed key is one task in the queue's lane(s).
import type { Clock, Tasks } from '../clock/index.ts';

/** Thrown by a reconcile to say "do not retry". */
export class TerminalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TerminalError';
  }
}

/** What a reconcile may return: requeue the key after a delay (it is not a failure). */
export type ReconcileResult = void | { requeueAfterMs: number };

export interface WorkQueueOptions {
  /** Names the lanes and the tasks (`<name> <key>`). */
  name: string;
  tasks: Tasks;
  clock: Clock;
  reconcile(key: string): Promise<ReconcileResult> | ReconcileResult;
  /** Gets every failure (terminal or not). */
  onError?(key: string, error: unknown): void;
  /** First retry delay (default 5 ms), doubled per failure up to maxDelayMs (default 1000 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Concurrent workers (default 1); only real time runs them in parallel. */
  workers?: number;
}

export class WorkQueue {
  private readonly queue: string[] = [];
  private head = 0;
  private readonly dirty = new Set<string>();
  private readonly processing = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly waiting = new Map<string, { due: number; cancel: () => void }>();
  private nextWorker = 0;
  private shutDown = false;
  /** Keys reconciled so far (successes and failures). */
  processed = 0;

  constructor(private readonly options: WorkQueueOptions) {}

  add(key: string): void {
    if (this.shutDown || this.dirty.has(key)) return;
    this.dirty.add(key);
    if (this.processing.has(key)) return;
    this.push(key);
  }

  /** Adds `key` after `ms`; of several pending delays for one key the earliest wins. */
  addAfter(key: string, ms: number): void {
    if (this.shutDown) return;
    if (ms <= 0) return this.add(key);
    const due = this.options.clock.now() + ms;
    const existing = this.waiting.get(key);
    if (existing && existing.due <= due) return;
    existing?.cancel();
    const cancel = this.options.clock.setTimer(ms, () => {
      this.waiting.delete(key);
      this.add(key);
    }, `${this.options.name} requeue ${key}`);
    this.waiting.set(key, { due, cancel });
  }

  /** Adds `key` after its backoff: base · 2^failures, capped. */
  addRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    const base = this.options.baseDelayMs ?? 5;
    this.addAfter(key, Math.min(base * 2 ** n, this.options.maxDelayMs ?? 1_000_000));
  }

  /** Resets the key's failure count. */
  forget(key: string): void {
    this.failures.delete(key);
  }

  numRequeues(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  /** Keys waiting to be processed (not counting delayed ones). */
  get length(): number {
    return this.queue.length - this.head;
  }

  /** Drops queued and delayed keys; nothing is processed afterwards. */
  shutdown(): void {
    this.shutDown = true;
    for (const w of this.waiting.values()) w.cancel();
    this.waiting.clear();
    this.queue.length = this.head = 0;
    this.dirty.clear();
  }

  private push(key: string): void {
    this.queue.push(key);
    const workers = Math.max(1, this.options.workers ?? 1);
    const lane = workers === 1 ? this.options.name : `${this.options.name}#${this.nextWorker++ % workers}`;
    this.options.tasks.enqueue(lane, `${this.options.name} ${key}`, () => this.processOne());
  }

  private async processOne(): Promise<void> {
    if (this.shutDown || this.head >= this.queue.length) return;
    const key = this.queue[this.head++];
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    this.dirty.delete(key);
    this.processing.add(key);
    try {
      const result = await this.options.reconcile(key);
      this.forget(key);
      if (result && result.requeueAfterMs >= 0) this.addAfter(key, result.requeueAfterMs);
    } catch (error) {
      this.options.onError?.(key, error);
      if (error instanceof TerminalError) this.forget(key);
      else this.addRateLimited(key);
    } finally {
      this.processed++;
      this.processing.delete(key);
      if (this.dirty.has(key) && !this.shutDown) this.push(key);
    }
  }
}
