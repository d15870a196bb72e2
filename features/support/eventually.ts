// Waiting for what controllers do. With the `time` capability the implementation's clock is
// settled (and advanced a second at a time) between checks; without it, real time is polled
// every 100 ms for up to `timeoutMs`.
import type { KWorld } from './world.ts';

/** A check: undefined when satisfied, else what is still missing (for the failure message). */
export type Check = () => Promise<string | undefined>;

type LooseCall = (method: string, params: unknown) => Promise<unknown>;

/** Resolves when `check` passes; otherwise fails the step with the last reason. */
export async function eventually(w: KWorld, what: string, check: Check, timeoutMs = 10_000): Promise<void> {
  let missing = await check();
  if (missing === undefined) return;
  if (w.driver.has('time')) {
    const call = w.driver.call.bind(w.driver) as unknown as LooseCall;
    for (let round = 0; round < 30 && missing !== undefined; round++) {
      await call('time.settle', {});
      if ((missing = await check()) === undefined) return;
      await call('time.advance', { ms: 1000 });
      missing = await check();
    }
  } else {
    const deadline = Date.now() + timeoutMs;
    while (missing !== undefined && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      missing = await check();
    }
  }
  if (missing !== undefined) await w.mismatch(`${what}: not so after waiting`, what, missing);
}
