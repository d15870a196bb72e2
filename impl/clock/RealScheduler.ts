// The executor for real time (`kconform serve`): each lane is a promise chain, so a lane's tasks
// run in order and lanes run concurrently. `settle` waits until every lane is idle (for tests).
import type { TaskFn, Tasks } from './Clock.ts';

export class RealScheduler implements Tasks {
  readonly random = Math.random;
  /** Tasks enqueued since creation. */
  tasksRun = 0;
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly onError: (error: unknown, lane: string, name: string) => void = () => {}) {}

  enqueue(lane: string, name: string, fn: TaskFn): void {
    this.tasksRun++;
    const previous = this.tails.get(lane) ?? Promise.resolve();
    const tail = previous.then(fn).catch((error) => this.onError(error, lane, name));
    this.tails.set(lane, tail);
    void tail.then(() => {
      if (this.tails.get(lane) === tail) this.tails.delete(lane);
    });
  }

  /** Resolves once no lane has work left (work enqueued meanwhile is waited for too). */
  async settle(): Promise<void> {
    while (this.tails.size) await Promise.all(this.tails.values());
  }
}
