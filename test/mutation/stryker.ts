// `npm run mutation`: StrykerJS with stryker.config.mjs, then the per-area scores (reports/mutation/scores.{json,md}).
//   node --import tsx test/mutation/stryker.ts [--area labels|scheduler|endpoints]... [--mutate <glob>]... [--incremental] [--concurrency N]
// --area mutates the area's folder and runs only the area's killers (stryker.config.mjs); with --mutate as well,
// only the --mutate files are mutated (a quick re-check of a few files). --concurrency N runs N test processes (default 1).
// --incremental re-tests only mutants whose code or covering test files changed since the last run of the same scope.
// Stryker's own CLI refuses Node < 22 at load time (a check in its CLI module only); this starts its Stryker
// class directly, which runs on Node 20. On Node 22, `npx stryker run --mutate ...` works as well (then run
// summarize.ts for the scores).
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { formatDuration, scoresOf, scoresTable, withExplanations, writeScores, type MutationReport } from './summarize.ts';

const root = new URL('../../', import.meta.url);
const config = (await import(new URL('stryker.config.mjs', root).href)) as {
  areas: Record<string, string>;
  killers: Record<string, string[]>;
  notCode: string[];
  default: { jsonReporter: { fileName: string }; tap: Record<string, unknown> };
};

/** Options this script understands; anything else is an error, so that a typo does not start an hour-long run. */
function parseArgs(argv: string[]): { mutate: string[]; incremental: boolean; scope: string; concurrency?: number; testFiles?: string[] } {
  const mutate: string[] = [];
  const areaFolders: string[] = [];
  const areas: string[] = [];
  let incremental = false;
  let concurrency: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i] ?? fail(`${flag} needs a value`);
    if (flag === '--area') {
      for (const area of value().split(',')) {
        const folder = config.areas[area] ?? fail(`unknown area "${area}" (areas: ${Object.keys(config.areas).join(', ')})`);
        areaFolders.push(`${folder}/**/*.ts`);
        areas.push(area);
      }
    } else if (flag === '--mutate') mutate.push(...value().split(','));
    else if (flag === '--incremental') incremental = true;
    else if (flag === '--concurrency') {
      concurrency = Number(value());
      if (!Number.isInteger(concurrency) || concurrency < 1) fail('--concurrency must be a positive integer');
    } else fail(`unknown option ${flag} (options: --area, --mutate, --incremental, --concurrency)`);
  }
  const scope = mutate.length ? 'scoped' : areas.length ? areas.join('-') : 'all';
  const testFiles = areas.length ? [...new Set(areas.flatMap((a) => config.killers[a]))] : undefined;
  const files = mutate.length ? mutate : areaFolders;
  return { mutate: files.length ? [...files, ...config.notCode] : [], incremental, scope, concurrency, testFiles };
}

function fail(message: string): never {
  process.stderr.write(`mutation: ${message}\n`);
  process.exit(2);
}

const { mutate, incremental, scope, concurrency, testFiles } = parseArgs(process.argv.slice(2));
process.chdir(fileURLToPath(root));
// resolved from the project, as `npx stryker` would: the package's exports map only exposes the CLI entry
const { Stryker } = (await import(pathToFileURL(join(process.cwd(), 'node_modules/@stryker-mutator/core/dist/src/stryker.js')).href)) as {
  Stryker: new (options: object) => { runMutationTest(): Promise<unknown[]> };
};
const started = Date.now();
// --incremental keeps one results file per scope (reports/mutation/incremental-labels.json, ...): Stryker's
// file only holds the files a run mutated, so per-area runs must not share one
const incrementalFile = `${dirname(config.default.jsonReporter.fileName)}/incremental-${scope}.json`;
// a scoped run (--mutate) writes its own report and leaves the areas' scores of the last full runs alone
const reportFile = scope === 'scoped' ? join(dirname(config.default.jsonReporter.fileName), 'scoped.json') : config.default.jsonReporter.fileName;
await new Stryker({
  ...(mutate.length ? { mutate } : {}),
  ...(scope === 'scoped' ? { jsonReporter: { fileName: reportFile }, reporters: ['json', 'clear-text', 'progress', 'survivor-log'] } : {}),
  ...(incremental ? { incremental, incrementalFile } : {}),
  ...(concurrency ? { concurrency } : {}),
  ...(testFiles ? { tap: { ...config.default.tap, testFiles } } : {}),
}).runMutationTest();
const wallTimeSeconds = (Date.now() - started) / 1000;

const command = ['npm run mutation', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
if (scope === 'scoped') {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as MutationReport;
  const areas = withExplanations(scoresOf(report, config.areas, { command, wallTimeSeconds, generatedAt: new Date().toISOString() }));
  process.stdout.write(`\n${scoresTable({ areas })}\nwall time ${formatDuration(wallTimeSeconds)}; ${reportFile} (a scoped run: reports/mutation/scores.* keep the full runs)\n`);
} else {
  const scores = writeScores(config.default.jsonReporter.fileName, config.areas, { command, wallTimeSeconds });
  process.stdout.write(`\n${scoresTable(scores)}\nwall time ${formatDuration(wallTimeSeconds)}; reports/mutation/{scores.md,scores.json,mutation.html}\n`);
}
