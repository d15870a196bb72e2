import fc from 'fast-check';
import { cluster } from '../arbitraries/scheduling.ts';
import { defineProperty } from '../support/defineProperty.ts';
import { expectEqual, Mismatch } from '../support/expect.ts';
import { schedule } from './model.ts';

export const properties = [
  defineProperty({
    id: 'scheduling/no-feasible-node-outscores-the-choice',
    name: 'no feasible node scores higher than the chosen one (when the implementation reports scores)',
    claims: ['SCH-3', 'SCH-4'],
    needs: ['scheduling'],
    numRuns: 150,
    build: ({ driver }) =>
      fc.asyncProperty(cluster(), async (c) => {
        const r = await schedule(driver, c);
        if (!r.scheduled || !r.scores) return;
        expectEqual('scored nodes', Object.keys(r.scores).sort(), [...r.feasible].sort());
        const best = Math.max(...Object.values(r.scores));
        const better = Object.entries(r.scores).filter(([, s]) => s > r.scores![r.node]);
        if (better.length) throw new Mismatch(`${r.node} (score ${r.scores[r.node]}) was chosen over higher-scoring nodes`, best, Object.fromEntries(better));
      }),
  }),
  defineProperty({
    id: 'scheduling/same-seed-same-choice',
    name: 'the same cluster, pod and seed give the same answer',
    claims: ['SCH-4'],
    needs: ['scheduling'],
    numRuns: 100,
    build: ({ driver }) =>
      fc.asyncProperty(cluster({ maxPods: 10 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), async (c, seed) => {
        const [a, b] = [await schedule(driver, c, seed), await schedule(driver, c, seed)];
        expectEqual(`answer with seed ${seed}`, b, a);
      }),
  }),
];
