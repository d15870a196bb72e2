import type { Mutant } from './mutant.ts';
import { selectorMutants } from './selectors.ts';
import { schedulingMutants } from './scheduling.ts';
import { servicesMutants } from './services.ts';
import { namespaceMutants } from './namespaces.ts';

/** Every deliberately wrong implementation the suite must catch. */
export const mutants: Mutant[] = [...selectorMutants, ...schedulingMutants, ...servicesMutants, ...namespaceMutants];
