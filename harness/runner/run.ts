import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Writable } from 'node:stream';
import { featureChecks } from '../claims/coverage.ts';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { supportFiles, supportLibrary } from './supportFiles.ts';
import type { Driver } from '../contract/driver.ts';
import { PROTOCOL_VERSION, type Capability } from '../contract/methods.ts';
import { openDriver } from '../drivers/select.ts';
import { withoutCapabilities } from '../drivers/without.ts';
import { claimResults, loadClaims, unknownClaims } from '../claims/catalogue.ts';
import { loadProperties, runProperties } from './properties.ts';
import { ScenarioCollector } from './scenarioCollector.ts';
import { setActiveDriver } from './session.ts';
import type { CheckResult, Incident, RunReport } from './results.ts';
import { Progress } from '../report/progress.ts';
import { writeReports } from '../report/write.ts';

export interface RunOptions {
  /** The project root (where features/, properties/ and spec/ are). */
  root: string;
  /** A --driver value: reference, stdio:<command>, kubectl. */
  driver: string;
  reportDir: string;
  /** A cucumber tag expression; applies to properties too (their tags: @property, @<area>, @<claim>). */
  tags?: string;
  seed?: number;
  /** Feature files or file:line locations; when given, only these scenarios run (and no properties unless --property). */
  paths?: string[];
  /** Run only the checks with these exact names: scenario names and property ids. */
  names?: string[];
  /** Run only this property (with --seed and --path to replay a failure). */
  property?: string;
  path?: string;
  features?: boolean;
  properties?: boolean;
  /** Scale every property's numRuns (e.g. 0.1 for a quick run). */
  numRunsScale?: number;
  timeoutMs?: number;
  out?: NodeJS.WritableStream;
  /** Capabilities to hide from the checks, so they take another path (`--without scheduling`). */
  without?: Capability[];
  /** Open the driver some other way than from `driver` (tests wrap drivers; `driver` still labels the run). */
  openDriver?: () => Promise<Driver>;
}

export const VERSION = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version as string;

/** Run the suite against one implementation and write the reports. Resolves with the report. */
export async function runConformance(o: RunOptions): Promise<RunReport> {
  const started = Date.now();
  const out = o.out ?? process.stdout;
  const seed = o.seed ?? Math.floor(Math.random() * 2 ** 31);
  const reportDir = o.reportDir;
  mkdirSync(reportDir, { recursive: true });
  const opened = o.openDriver ? await o.openDriver() : await openDriver(o.driver, { timeoutMs: o.timeoutMs });
  const driver = withoutCapabilities(opened, o.without ?? []);
  setActiveDriver(driver);
  let upstream: Promise<Driver | { unavailable: string }> | undefined;
  const openUpstream = () =>
    (upstream ??= openDriver('kubectl').catch((e: Error) => ({ unavailable: e.message })));

  const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const base = `npx kconform run --driver ${quote(o.driver)}${o.without?.length ? ` --without ${o.without.join(',')}` : ''}`;
  const progress = new Progress(out);
  progress.header(driver, seed);

  const claims = loadClaims();
  const specs = await loadProperties(o.root);
  const features = featureChecks(o.root, o.paths);
  const suiteErrors = [
    ...features.errors,
    ...unknownClaims(claims, features.checks),
    ...unknownClaims(claims, specs.map((s) => ({ location: s.location, claims: s.claims }))),
  ];

  const checks: CheckResult[] = [];
  const runFeatures = o.features ?? !o.property;
  const runProps = o.properties ?? (!o.paths?.length || !!o.property);
  try {
    if (runFeatures) {
      const collector = new ScenarioCollector((loc) => `${base} ${loc}`);
      const { runConfiguration } = await loadConfiguration(
        {
          file: false,
          provided: {
            paths: o.paths?.length ? o.paths : ['features/**/*.feature'],
            import: supportFiles(o.root),
            tags: o.tags ?? '',
            name: o.names?.map((n) => `^${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) ?? [],
            strict: true,
            format: [['message', join(reportDir, 'cucumber.ndjson')]],
            worldParameters: { driver: o.driver },
          },
        },
        { cwd: o.root },
      );
      // cucumber's own formatter output is dropped: the terminal shows kconform's progress instead
      const env = { cwd: o.root, stdout: new Writable({ write: (_c, _e, cb) => cb() }), stderr: process.stderr, env: process.env };
      const support = await supportLibrary(runConfiguration, env);
      await runCucumber({ ...runConfiguration, support }, env, (e) => {
        if (e.parseError) suiteErrors.push(`${e.parseError.source.uri}:${e.parseError.source.location?.line ?? 0}: ${e.parseError.message}`);
        if (e.undefinedParameterType) suiteErrors.push(`undefined parameter type {${e.undefinedParameterType.name}} in "${e.undefinedParameterType.expression}"`);
        collector.add(e);
        if (e.testCaseFinished) {
          const r = collector.results().at(-1);
          if (r) progress.check(r);
        }
      });
      checks.push(...collector.results());
    }
    if (runProps) {
      const results = await runProperties(specs, {
        root: o.root,
        driver,
        upstream: openUpstream,
        seed,
        tags: o.tags,
        only: o.property,
        ids: o.names,
        path: o.path,
        numRunsScale: o.numRunsScale,
        reproduce: (id, s, p) => `${base} --property ${id} --seed ${s}${p ? ` --path ${p}` : ''}`,
        onResult: (r) => progress.check(r),
      });
      checks.push(...results);
    }
  } finally {
    await driver.close();
    if (upstream) {
      const u = await upstream;
      if ('close' in u) await u.close();
    }
    setActiveDriver(undefined);
  }

  const incidents: Incident[] = 'incidents' in driver ? [...(driver as { incidents: Incident[] }).incidents] : [];
  const scenarios = checks.filter((c) => c.kind === 'scenario');
  const properties = checks.filter((c) => c.kind === 'property');
  const count = (k: string) => checks.filter((c) => c.outcome === k).length;
  const report: RunReport = {
    tool: { name: 'kconform', version: VERSION, protocol: PROTOCOL_VERSION },
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    driver: o.driver,
    implementation: driver.hello.implementation,
    capabilities: driver.hello.capabilities,
    seed,
    command: `${base}${o.tags ? ` --tags ${quote(o.tags)}` : ''} --seed ${seed}`,
    scenarios,
    properties,
    claims: claimResults(claims, checks),
    incidents,
    suiteErrors,
    summary: {
      passed: count('passed'),
      failed: count('failed') + suiteErrors.length,
      skipped: count('skipped') + count('not-applicable'),
      notApplicable: count('not-applicable'),
    },
  };
  const files = writeReports(report, reportDir);
  progress.summary(report, files.map((f) => relative(process.cwd(), f) || f));
  return report;
}
