import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scoresOf, scoresTable, type MutantStatus, type MutationReport } from './summarize.ts';

const mutant = (status: MutantStatus, line = 1) => ({ id: `${line}`, mutatorName: 'EqualityOperator', replacement: 'a <= b', status, location: { start: { line, column: 1 } } });
const report: MutationReport = {
  files: {
    'impl/a/x.ts': { mutants: [mutant('Killed'), mutant('Killed'), mutant('Timeout'), mutant('Survived', 7), mutant('NoCoverage', 9), mutant('CompileError')] },
    'impl/ab/y.ts': { mutants: [mutant('Survived')] },
  },
};
const meta = { generatedAt: '2026-01-01T00:00:00.000Z', command: 'npm run mutation', wallTimeSeconds: 75 };

describe('scoresOf', () => {
  const [a, ab] = scoresOf(report, { a: 'impl/a', ab: 'impl/ab', none: 'impl/none' }, meta);
  it('counts each status of the files under the area folder only', () =>
    assert.deepEqual([a.mutants, a.killed, a.timeout, a.survived, a.noCoverage, a.errors], [6, 2, 1, 1, 1, 1]));
  it('scores detected over valid mutants, leaving errors out', () => assert.equal(a.score, 60));
  it('lists survivors and uncovered mutants by file and line', () =>
    assert.deepEqual(a.undetected, ['impl/a/x.ts:7 EqualityOperator → a <= b', 'impl/a/x.ts:9 EqualityOperator (no coverage) → a <= b']));
  it('a folder that is a prefix of another does not take its files', () => assert.equal(ab.mutants, 1));
  it('an area without mutants has no row', () => assert.equal(scoresOf(report, { none: 'impl/none' }, meta).length, 0));
  it('the table has one row per area with its score and run', () =>
    assert.match(scoresTable({ areas: [a] }), /\| a \(impl\/a\) \| 6 \| 2 \| 1 \| 1 \| 1 \| 60\.00% \| `npm run mutation` 2026-01-01T00:00, 1 min 15 s \|/));
});
