import { defineStep } from '@cucumber/cucumber';
import type { Capability } from '../../harness/contract/methods.ts';
import type { KWorld } from './world.ts';
import { DriverError } from '../../harness/contract/driver.ts';
import { NOT_APPLICABLE_MEDIA } from '../../harness/runner/scenarioCollector.ts';

/** Where each step pattern is defined (file:line): cucumber sees every step as defined here, in step(). */
export const stepSources = new Map<string, string>();

function callerLocation(): string {
  const frame = new Error().stack?.split('\n')[3] ?? '';
  const m = /(?:file:\/\/)?(\/[^:)]+):(\d+):\d+/.exec(frame);
  return m ? `features/${m[1].split('/features/').pop()}:${m[2]}` : 'unknown';
}

/**
 * A step that waits `within {int} seconds` fails on its own when the time is up, with what it saw
 * last; cucumber's timeout (30 s for the others, features/support/hooks.ts) only guards it against a
 * call that never returns, above the longest such wait a feature names (120 s).
 */
const SELF_BOUNDED = /^within \{int\} seconds /;
const SELF_BOUNDED_TIMEOUT_MS = 300_000;

/**
 * Define a step that needs one of `needs` (the first the driver has is passed to `fn` as
 * `this.via`). Without any of them the step, and so its scenario, is reported not applicable.
 * `needs: []` marks a step that talks to no implementation.
 */
export function step<A extends unknown[]>(
  pattern: string,
  needs: Capability[],
  fn: (this: KWorld & { via: Capability }, ...args: A) => unknown,
): void {
  stepSources.set(pattern, callerLocation());
  const wrapped = async function (this: KWorld, ...args: A) {
    let via: Capability | undefined = needs[0];
    if (needs.length) {
      via = await this.choose(needs);
      if (!via) return 'skipped';
    }
    try {
      return await fn.apply(Object.assign(this, { via }) as KWorld & { via: Capability }, args);
    } catch (e) {
      // the implementation says it cannot answer this call: not applicable, not failed
      if (e instanceof DriverError && e.kind === 'answer' && e.code === 'NotApplicable') {
        await this.attach(`the implementation cannot answer: ${e.detail}`, NOT_APPLICABLE_MEDIA);
        return 'skipped';
      }
      throw e;
    }
  };
  // cucumber checks a step function's arity against the pattern's parameters
  Object.defineProperty(wrapped, 'length', { value: fn.length });
  defineStep(pattern, SELF_BOUNDED.test(pattern) ? { timeout: SELF_BOUNDED_TIMEOUT_MS } : {}, wrapped);
}
