// StrykerJS over the selector, scheduling and endpoints code. Run it with `node --import tsx test/mutation/stryker.ts`
// (see that file: it also writes reports/mutation/scores.{json,md}); `--area labels|scheduler|endpoints` or
// `--mutate <glob>` scopes a run.
//
// Killers: the unit tables (impl/<area>/**/*.test.ts, *.mutants.test.ts) and the conformance suite
// (test/conformance/*.test.ts: features and properties against the reference); `killers` below says which
// ones an area's run uses. With the tap runner every test
// file counts as one test, and coverage is per file, so a mutant only runs the files that load its code.

/** The areas scored separately in reports/mutation/scores.md, by the folder they mutate. */
export const areas = {
  labels: 'impl/labels',
  scheduler: 'impl/scheduler',
  endpoints: 'impl/endpoints',
};

/**
 * The test files that may kill an area's mutants (`--area` picks them): its unit tables and the conformance
 * files. The scheduler's are its own tables, all in one process (test/mutation/schedulerTables.tap.ts: one
 * process per file made start-up cost dominate), and the @scheduling features and properties only: every
 * conformance file runs the scheduler (pods get scheduled in all of them), so each would run once per
 * scheduler mutant, and the run would take hours on two cores.
 */
export const killers = {
  labels: ['impl/labels/**/*.test.ts', 'impl/scheduler/**/*.test.ts', 'impl/endpoints/**/*.test.ts', 'test/conformance/*.test.ts'],
  scheduler: ['test/mutation/schedulerTables.tap.ts', 'test/conformance/scheduling.test.ts'],
  endpoints: ['impl/labels/**/*.test.ts', 'impl/scheduler/**/*.test.ts', 'impl/endpoints/**/*.test.ts', 'test/conformance/*.test.ts'],
};

/** Globs of files in those folders that are not code under test. */
export const notCode = [
  '!**/*.test.ts',
  '!**/*.fixture.ts',
  '!**/_fixtures.ts',
  '!impl/scheduler/testing/**',
  // the control-plane loop: only @control-plane scenarios reach it, and they poll for seconds (see test/conformance)
  '!impl/scheduler/component/**',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'tap',
  // survivor-log: reports/mutation/survivors.ndjson, written while the run goes (test/mutation/survivorLog.mjs)
  plugins: ['@stryker-mutator/tap-runner', './test/mutation/survivorLog.mjs'],
  tap: {
    testFiles: [...new Set(Object.values(killers).flat())],
    // node:test files run in this process (no --test, which would fork one per file and lose the coverage hook)
    nodeArgs: ['--test-reporter=tap', '-r', '{{hookFile}}', '--import', 'tsx', '{{testFile}}'],
  },
  mutate: [...Object.values(areas).map((dir) => `${dir}/**/*.ts`), ...notCode],
  coverageAnalysis: 'perTest',
  // the machine is shared: one test process at a time
  concurrency: 1,
  // a mutant's time limit is 1.5 × its covering tests' dry-run time + 10 s: a conformance file takes 3-5 s alone
  // and three times that on a loaded machine; infinite-loop mutants (i++ → i--) wait this long each
  timeoutMS: 10000,
  reporters: ['json', 'html', 'clear-text', 'progress', 'survivor-log'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  clearTextReporter: { logTests: false, reportTests: false, reportMutants: false, skipFull: true },
  ignorePatterns: ['/reports', 'coverage', '.kconform', 'docs', 'examples', 'bench'],
  // Stryker rewrites `extends`/`references` of this tsconfig in the sandbox with the TypeScript JS API, which
  // TypeScript 7 (the Go port) no longer has; ours has neither, so it is left as is (tsx still reads tsconfig.json).
  tsconfigFile: 'no-tsconfig-rewrite.json',
  // the sandbox copies live under reports/ (git-ignored); Stryker leaves its own temp dir out of them
  tempDirName: 'reports/.stryker-tmp',
  thresholds: { high: 90, low: 85, break: null },
};
