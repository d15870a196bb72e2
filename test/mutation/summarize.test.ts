import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDuration, scoresOf, scoresTable, unexplained, type MutantStatus, type MutationReport } from './summarize.ts';

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
    assert.match(scoresTable({ areas: [{ ...a, unexplained: ['x'] }] }), /\| a \(impl\/a\) \| 6 \| 2 \| 1 \| 1 \| 1 \| 60\.00% \| 1 \| `npm run mutation` 2026-01-01T00:00, 1 min 15 s \|/));
});

describe('unexplained', () => {
  const md = [
    '## impl/a', '', '- `x.ts:7 EqualityOperator → a <= b`: equivalent.', '- `dir/z.ts:20-22` (three): equivalent.',
    '## impl/b', '', '- `x.ts:9`: a bullet of another area.',
  ].join('\n');
  const cases: { name: string; undetected: string; explained: boolean }[] = [
    { name: 'a bullet naming the file and the line', undetected: 'impl/a/x.ts:7 EqualityOperator → a <= b', explained: true },
    { name: 'a line within a range', undetected: 'impl/a/dir/z.ts:21 StringLiteral → ""', explained: true },
    { name: 'the last line of a range', undetected: 'impl/a/dir/z.ts:22 StringLiteral → ""', explained: true },
    { name: 'a line just past a range', undetected: 'impl/a/dir/z.ts:23 StringLiteral → ""', explained: false },
    { name: 'a line of the file no bullet names', undetected: 'impl/a/x.ts:70 EqualityOperator → a <= b', explained: false },
    { name: 'the line named for another file', undetected: 'impl/a/y.ts:7 EqualityOperator → a <= b', explained: false },
    { name: "a bullet in another area's section", undetected: 'impl/a/x.ts:9 EqualityOperator → a <= b', explained: false },
  ];
  for (const c of cases) {
    it(`${c.explained ? 'explained' : 'not explained'}: ${c.name}`, () =>
      assert.deepEqual(unexplained({ folder: 'impl/a', undetected: [c.undetected] }, md), c.explained ? [] : [c.undetected]));
  }
});

it('durations round to whole seconds before splitting into minutes', () => assert.deepEqual([formatDuration(2699.6), formatDuration(75), formatDuration(59.4)], ['45 min 0 s', '1 min 15 s', '0 min 59 s']));
