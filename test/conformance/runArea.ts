// Runs the conformance suite for one area against the reference, quietly, so that a node:test file can
// assert that nothing failed. Mutation testing runs these files with a mutant active: a failure kills it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runConformance } from '../../harness/runner/run.ts';
import { createReferenceDriver } from '../../harness/drivers/reference/index.ts';
import type { CheckResult } from '../../harness/runner/results.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const quiet = new Writable({ write: (_c, _e, cb) => cb() });

/** Fixed so that a mutant's outcome does not depend on the run; small so that one run takes seconds. */
export const SEED = 7;
export const NUM_RUNS_SCALE = 0.2;

/**
 * The failed checks (and suite errors) of a run of `@<area>` against the reference, without `@oracle` (kubectl)
 * and `@control-plane` (controllers that poll for seconds): both are far too slow to run once per mutant.
 */
export async function failuresOf(area: string): Promise<string[]> {
  const reportDir = mkdtempSync(join(tmpdir(), `kconform-conformance-${area}-`));
  try {
    const report = await runConformance({
      root,
      driver: 'reference',
      reportDir,
      tags: `@${area} and not @oracle and not @control-plane`,
      seed: SEED,
      numRunsScale: NUM_RUNS_SCALE,
      out: quiet,
      openDriver: createReferenceDriver,
    });
    const checks: CheckResult[] = [...report.scenarios, ...report.properties];
    if (checks.length === 0) return [`no check is tagged @${area}`];
    return [
      ...report.suiteErrors.map((e) => `suite error: ${e}`),
      ...checks.filter((c) => c.outcome === 'failed').map((c) => `${c.location} ${c.name}: ${c.failure?.message ?? 'failed'}`),
    ];
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}
