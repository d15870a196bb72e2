// Time and task execution as the control plane's components see them. Components never call
// Date.now, setTimeout or setImmediate themselves: they use a Clock for time and a Tasks for
// every piece of work, so that the in-process control plane can run them on virtual time in a
// seeded order (SeededScheduler) and `kconform serve` can run the same code in real time.

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /**
   * Calls `fn` once, `ms` (≥ 0) after now. The returned function cancels it; calling it again, or
   * after the timer fired, does nothing. `name` shows in livelock reports.
   */
  setTimer(ms: number, fn: () => void, name?: string): () => void;
  /** Resolves `ms` after now. */
  sleep(ms: number): Promise<void>;
}

/** A task's body: it may be async; a rejection is reported to the scheduler's onError, never thrown. */
export type TaskFn = () => void | Promise<void>;

/**
 * Where component work runs. Tasks of one lane run one at a time in enqueue order (a lane is a
 * watch stream, a work-queue worker, a timer); different lanes interleave (virtual: in a seeded
 * order; real: concurrently).
 */
export interface Tasks {
  enqueue(lane: string, name: string, fn: TaskFn): void;
  /** A float in [0, 1): seeded under virtual time, Math.random in real time. */
  random(): number;
}

/** RFC 3339 at second precision (metav1.Time), for timestamps components write. */
export const rfc3339 = (ms: number): string => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
