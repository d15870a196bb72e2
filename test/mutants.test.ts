// The suite catches bugs: each deliberately wrong implementation (test/mutants) fails at least the
// checks its entry names, and the correct reference fails none of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runConformance } from '../harness/runner/run.ts';
import { createReferenceDriver } from '../harness/drivers/reference/index.ts';
import type { RunReport } from '../harness/runner/results.ts';
import { mutants } from './mutants/index.ts';
import { mutate, type Mutant } from './mutants/mutant.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const quiet = new Writable({ write: (_c, _e, cb) => cb() });

/** Run the named checks of an area, against the reference or a mutant of it. */
async function runChecks(area: string, names: string[], mutant?: Mutant): Promise<RunReport> {
  return runConformance({
    names,
    root,
    driver: mutant ? `mutant:${mutant.name}` : 'reference',
    reportDir: mkdtempSync(join(tmpdir(), 'kconform-mutant-')),
    tags: area,
    seed: 7,
    numRunsScale: mutant?.numRunsScale ?? 0.3,
    out: quiet,
    openDriver: async () => (mutant ? mutate(await createReferenceDriver(), mutant) : createReferenceDriver()),
  });
}

/** The outcome of each named check (scenarios by name, properties by id); a failure of the suite itself is `broken`. */
function outcomes(report: RunReport, names: string[]): Record<string, string> {
  const outcome = (c: RunReport['scenarios'][number] | RunReport['properties'][number]) =>
    c.outcome === 'failed' && /^(Undefined|Ambiguous|Pending) step/.test(c.failure?.message ?? '') ? 'broken' : c.outcome;
  const checks = [...report.scenarios.map((s) => [s.name, outcome(s)] as const), ...report.properties.map((p) => [p.id, outcome(p)] as const)];
  return Object.fromEntries(names.map((n) => [n, checks.filter(([k]) => k === n).map(([, o]) => o).sort().join(',') || 'absent']));
}

const areas = [...new Set(mutants.map((m) => m.area))];

for (const area of areas) {
  test(`the reference passes every check that catches a mutant (${area})`, async () => {
    const named = mutants.filter((m) => m.area === area).flatMap((m) => m.caughtBy);
    const got = outcomes(await runChecks(area, named), named);
    for (const [name, outcome] of Object.entries(got)) assert.ok(outcome !== 'absent' && !outcome.includes('failed'), `${name}: ${outcome}`);
  });
}

for (const m of mutants) {
  test(`the suite catches the mutant "${m.name}": ${m.mistake}`, async () => {
    const got = outcomes(await runChecks(m.area, m.caughtBy, m), m.caughtBy);
    for (const [name, outcome] of Object.entries(got)) assert.ok(outcome.includes('failed'), `${name} should fail against the mutant, got ${outcome}`);
  });
}
