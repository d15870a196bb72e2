import type { Mutant } from './mutant.ts';
import { selectorMutants } from './selectors.ts';

/** Every deliberately wrong implementation the suite must catch. */
export const mutants: Mutant[] = [...selectorMutants];
