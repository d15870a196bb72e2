// Mutation scores per area from Stryker's JSON report (mutation-testing-report-schema): writes
// reports/mutation/scores.json and a small scores.md table. Run alone:
//   node --import tsx test/mutation/summarize.ts [reports/mutation/mutation.json]
// (without a report it only recounts which survivors of the last runs equivalent-mutants.md explains)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type MutantStatus = 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';

interface ReportMutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: MutantStatus;
  location: { start: { line: number; column: number } };
}
export interface MutationReport {
  files: Record<string, { mutants: ReportMutant[] }>;
}

export interface AreaScore {
  area: string;
  folder: string;
  /** The run that produced this row: when, with which command (its --mutate scope), and its wall time. */
  generatedAt: string;
  command?: string;
  wallTimeSeconds?: number;
  mutants: number;
  killed: number;
  survived: number;
  noCoverage: number;
  timeout: number;
  /** Mutants that did not compile or crashed the run: not counted in the score, as Stryker does. */
  errors: number;
  ignored: number;
  /** Detected (killed + timeout) over valid (detected + survived + no coverage), in percent; null without valid mutants. */
  score: number | null;
  /** `file:line mutator → replacement` of each survivor and uncovered mutant. */
  undetected: string[];
  /** Those of `undetected` that equivalent-mutants.md does not name (its file and line in one bullet of the area's section). */
  unexplained?: string[];
}

export interface Scores {
  areas: AreaScore[];
}

type RunMeta = Pick<AreaScore, 'generatedAt' | 'command' | 'wallTimeSeconds'>;

/** Scores of each area (name → folder) that has mutants in the report. */
export function scoresOf(report: MutationReport, areas: Record<string, string>, meta: RunMeta): AreaScore[] {
  return Object.entries(areas).flatMap(([area, folder]) => {
    const files = Object.entries(report.files).filter(([path]) => path.startsWith(`${folder}/`));
    const mutants = files.flatMap(([path, f]) => f.mutants.map((m) => ({ path, m })));
    if (mutants.length === 0) return [];
    const count = (...s: MutantStatus[]) => mutants.filter(({ m }) => s.includes(m.status)).length;
    const detected = count('Killed', 'Timeout');
    const valid = detected + count('Survived', 'NoCoverage');
    return [{
      area,
      folder,
      ...meta,
      mutants: mutants.length,
      killed: count('Killed'),
      survived: count('Survived'),
      noCoverage: count('NoCoverage'),
      timeout: count('Timeout'),
      errors: count('CompileError', 'RuntimeError'),
      ignored: count('Ignored'),
      score: valid === 0 ? null : Math.round((10000 * detected) / valid) / 100,
      undetected: mutants
        .filter(({ m }) => m.status === 'Survived' || m.status === 'NoCoverage')
        .map(({ path, m }) => `${path}:${m.location.start.line} ${m.mutatorName}${m.status === 'NoCoverage' ? ' (no coverage)' : ''} → ${oneLine(m.replacement)}`),
    }];
  });
}

/**
 * The undetected mutants of `area` that no bullet of its section (`## <folder>`) of `explanations` (the markdown of
 * equivalent-mutants.md) names: a bullet names a mutant when it holds the file's name and the line, as `:12` or
 * within a range `:12-14`. Line numbers move with the code, so a mutant is matched by its current line only.
 */
export function unexplained(area: Pick<AreaScore, 'folder' | 'undetected'>, explanations: string): string[] {
  const section = explanations.split(/^## /m).find((s) => s.startsWith(`${area.folder}\n`)) ?? '';
  const bullets = section.split(/\n(?=- )/);
  const names = (bullet: string, file: string, line: number) =>
    bullet.includes(file.slice(file.lastIndexOf('/') + 1)) &&
    [...bullet.matchAll(/:(\d+)(?:-(\d+))?\b/g)].some(([, from, to]) => Number(from) <= line && line <= Number(to ?? from));
  return area.undetected.filter((u) => {
    const [, file, line] = /^(\S+):(\d+) /.exec(u) ?? [];
    return !bullets.some((b) => names(b, file, Number(line)));
  });
}

const oneLine = (s = '') => (s.length > 80 ? `${s.slice(0, 77).replace(/\s+/g, ' ')}...` : s.replace(/\s+/g, ' '));

/** The markdown table: area, mutants, killed, survived, no coverage, timeout, score, and the run of each row. */
export function scoresTable(s: Scores): string {
  const rows = s.areas.map((a) =>
    `| ${a.area} (${a.folder}) | ${a.mutants} | ${a.killed} | ${a.survived} | ${a.noCoverage} | ${a.timeout} | ${a.score === null ? 'n/a' : `${a.score.toFixed(2)}%`} | ${a.unexplained?.length ?? '?'} | ` +
    `${a.command ? `\`${a.command}\`` : ''} ${a.generatedAt.slice(0, 16)}${a.wallTimeSeconds === undefined ? '' : `, ${formatDuration(a.wallTimeSeconds)}`} |`);
  return [
    '# Mutation scores',
    '',
    '| area | mutants | killed | survived | no coverage | timeout | score | not explained | run (wall time) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
    '',
    'Score = (killed + timeout) / (killed + timeout + survived + no coverage). Compile and runtime errors are not counted.',
    'Not explained: survivors and uncovered mutants that test/mutation/equivalent-mutants.md does not name (scores.json lists them).',
    '',
  ].join('\n');
}

function readEarlier(file: string): AreaScore[] {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as Scores).areas.filter((a) => typeof a.generatedAt === 'string');
  } catch {
    return [];
  }
}

const EXPLANATIONS = fileURLToPath(new URL('equivalent-mutants.md', import.meta.url));

/** The areas with `unexplained` counted against equivalent-mutants.md as it is now. */
export function withExplanations(areas: AreaScore[]): AreaScore[] {
  const explanations = readFileSync(EXPLANATIONS, 'utf8');
  return areas.map((a) => ({ ...a, unexplained: unexplained(a, explanations) }));
}

export const formatDuration = (seconds: number) => {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
};

/**
 * Reads the Stryker report and writes scores.json and scores.md beside it. An area this run did not mutate keeps
 * its row from an earlier run, so per-area runs (`--area labels`) add up to the whole table. Returns the scores.
 */
export function writeScores(reportFile: string, areas: Record<string, string>, meta: Omit<RunMeta, 'generatedAt'> = {}): Scores {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as MutationReport;
  const dir = dirname(reportFile);
  const fresh = scoresOf(report, areas, { generatedAt: new Date().toISOString(), ...meta });
  const earlier = readEarlier(join(dir, 'scores.json'));
  const scores: Scores = {
    areas: withExplanations(Object.keys(areas).flatMap((area) => fresh.filter((a) => a.area === area).concat(earlier.filter((a) => a.area === area)).slice(0, 1))),
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'scores.json'), `${JSON.stringify(scores, null, 2)}\n`);
  writeFileSync(join(dir, 'scores.md'), scoresTable(scores));
  return scores;
}

/** Recounts the not-explained mutants of scores.json against equivalent-mutants.md as it is now. */
export function refreshExplanations(dir: string): Scores {
  const scores: Scores = { areas: withExplanations(readEarlier(join(dir, 'scores.json'))) };
  writeFileSync(join(dir, 'scores.json'), `${JSON.stringify(scores, null, 2)}\n`);
  writeFileSync(join(dir, 'scores.md'), scoresTable(scores));
  return scores;
}

// with a report: its scores; without: the last scores, recounting what equivalent-mutants.md explains
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { areas } = (await import(new URL('../../stryker.config.mjs', import.meta.url).href)) as { areas: Record<string, string> };
  const report = process.argv[2];
  process.stdout.write(scoresTable(report ? writeScores(report, areas) : refreshExplanations('reports/mutation')));
}
