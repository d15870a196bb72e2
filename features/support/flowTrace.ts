// Reading the implementation's flow trace (capability `time`) for one scenario: where the trace
// stood when the scenario's cluster was ready, and the entries since.
import type { TraceEntry } from '../../harness/contract/methods.ts';
import type { KWorld } from './world.ts';

/** The last seq seen in this run: the trace is only searched above it. */
let known = 0;

async function entriesAfter(w: KWorld, since: number): Promise<TraceEntry[]> {
  return (await w.driver.call('time.trace', { since })).entries;
}

/** The seq of the newest trace entry, found without fetching the whole trace. */
export async function traceTail(w: KWorld): Promise<number> {
  let lo = known;
  let step = 1024;
  let hi = lo + step;
  while ((await entriesAfter(w, hi)).length > 0) [lo, hi, step] = [hi, hi + step * 2, step * 2];
  // the last seq is in (lo, hi]: entries after lo exist (or lo is the last), none after hi
  const rest = await entriesAfter(w, lo);
  known = rest.length ? rest[rest.length - 1].seq : lo;
  return known;
}

export async function traceSince(w: KWorld, since: number): Promise<TraceEntry[]> {
  const entries = await entriesAfter(w, since);
  if (entries.length) known = Math.max(known, entries[entries.length - 1].seq);
  return entries;
}
