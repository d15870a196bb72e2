import { defineStep } from '@cucumber/cucumber';
import type { Capability } from '../../harness/contract/methods.ts';
import type { KWorld } from './world.ts';

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
  const wrapped = async function (this: KWorld, ...args: A) {
    let via: Capability | undefined = needs[0];
    if (needs.length) {
      via = await this.choose(needs);
      if (!via) return 'skipped';
    }
    return fn.apply(Object.assign(this, { via }) as KWorld & { via: Capability }, args);
  };
  // cucumber checks a step function's arity against the pattern's parameters
  Object.defineProperty(wrapped, 'length', { value: fn.length });
  defineStep(pattern, wrapped);
}
