// One-shot scheduling: given nodes, the pods already placed and a pod, which node the default
// profile chooses, or why none fits. Pure: the inputs are not modified.
import { InvalidObjectError } from './errors.ts';
import { Scheduler } from './scheduler.ts';
import type { ScheduleInput, ScheduleResult } from './types.ts';

/** Throws InvalidObjectError for an unreadable object (with its field path), SchedulerError if a plugin fails. */
export function schedule(input: ScheduleInput): ScheduleResult {
  const s = new Scheduler({ seed: input.seed, percentageOfNodesToScore: input.percentageOfNodesToScore });
  input.nodes.forEach((n, i) => withPath(`nodes[${i}]`, () => s.addNode(n)));
  input.pods.forEach((p, i) => withPath(`pods[${i}]`, () => s.addPod(p)));
  return withPath('pod', () => s.schedule(input.pod));
}

function withPath<T>(prefix: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw e instanceof InvalidObjectError ? e.at(prefix) : e;
  }
}
