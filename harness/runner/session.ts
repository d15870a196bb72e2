import type { Driver } from '../contract/driver.ts';

/**
 * The driver of the current run, shared by the runner, cucumber's support code and the
 * properties (all in one process). Set by the runner before features run; when cucumber is run
 * on its own, features/support/hooks.ts opens one from KCONFORM_DRIVER.
 */
let active: Driver | undefined;

export function setActiveDriver(d: Driver | undefined): void {
  active = d;
}

export function activeDriver(): Driver | undefined {
  return active;
}
