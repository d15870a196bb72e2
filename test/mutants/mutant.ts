import type { Driver } from '../../harness/contract/driver.ts';
import type { Method, Params, Result } from '../../harness/contract/methods.ts';

type Intercept<M extends Method> = (params: Params<M>, next: (p: Params<M>) => Promise<Result<M>>) => Promise<Result<M>>;

/**
 * A deliberately wrong implementation: the reference with one classic mistake. The suite must catch
 * every mutant with at least one of the checks named in `caughtBy` (scenario names or property ids).
 */
export interface Mutant {
  name: string;
  /** The mistake, in a sentence. */
  mistake: string;
  /** The tag expression of the area whose checks catch it. */
  area: string;
  /** Checks (scenario names or property ids) that must fail against this mutant. */
  caughtBy: string[];
  /** Runs per property as a share of its own (default 0.3, as for every mutant); 1 for a mistake that only rare sequences show. */
  numRunsScale?: number;
  intercept: { [M in Method]?: Intercept<M> };
}

/** The driver with the mutant's intercepts in front of the matching methods. */
export function mutate(driver: Driver, mutant: Mutant): Driver {
  return {
    name: `${driver.name}+${mutant.name}`,
    hello: { ...driver.hello, implementation: { ...driver.hello.implementation, name: `mutant:${mutant.name}` } },
    has: (c) => driver.has(c),
    call<M extends Method>(method: M, params: Params<M>): Promise<Result<M>> {
      const i = mutant.intercept[method] as Intercept<M> | undefined;
      const next = (p: Params<M>) => driver.call(method, p);
      return i ? i(params, next) : next(params);
    },
    close: () => driver.close(),
  };
}
