import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from '../main.ts';
import { ROOT } from '../main.ts';
import { runConformance } from '../../runner/run.ts';
import { htmlReport } from '../../report/html.ts';
import type { RunReport } from '../../runner/results.ts';
import { driverForImpl, slug } from '../implSpec.ts';

export const compareCommand: Command = {
  summary: 'run the suite against several implementations and write one side-by-side report',
  usage: `kconform compare --impl A --impl B [--impl C ...] [--tags expr] [--seed N] [--runs-scale X] [--report-dir DIR]

  Each --impl is a name (reference, kubectl), a command speaking the protocol, a URL or a kubeconfig.
  Writes DIR/compare.html (claim × implementation matrix and, per check where they differ, what each
  answered), DIR/compare.json, and each implementation's own reports in DIR/<n>-<name>/. Default DIR: reports/compare.`,
  options: {
    impl: { type: 'string', multiple: true },
    tags: { type: 'string' },
    seed: { type: 'string' },
    'runs-scale': { type: 'string' },
    'report-dir': { type: 'string', default: 'reports/compare' },
    timeout: { type: 'string' },
  },
  async run({ values }) {
    const impls = (values.impl as string[] | undefined) ?? [];
    if (impls.length < 2) throw new Error('--impl: give at least two implementations to compare');
    const dir = resolve(String(values['report-dir']));
    const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
    if (!Number.isInteger(seed)) throw new Error(`--seed: must be an integer, got "${values.seed}"`);
    const reports: RunReport[] = [];
    for (const [i, impl] of impls.entries()) {
      reports.push(
        await runConformance({
          root: ROOT,
          driver: driverForImpl(impl),
          reportDir: join(dir, slug(impl, i)),
          tags: values.tags as string | undefined,
          seed,
          numRunsScale: values['runs-scale'] === undefined ? undefined : Number(values['runs-scale']),
          timeoutMs: values.timeout === undefined ? undefined : Number(values.timeout),
        }),
      );
      console.log('');
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'compare.html'), htmlReport(reports));
    writeFileSync(join(dir, 'compare.json'), JSON.stringify(comparison(reports), null, 2) + '\n');
    console.log(`comparison: ${join(dir, 'compare.html')}, ${join(dir, 'compare.json')}`);
    for (const r of reports) {
      const passing = r.claims.filter((c) => c.status === 'passed').length;
      console.log(`  ${r.implementation.name.padEnd(28)} ${String(r.summary.passed).padStart(5)} passed ${String(r.summary.failed).padStart(5)} failed   claims passing ${passing}/${r.claims.length}`);
    }
    return 0;
  },
};

/** The machine-readable twin of compare.html. */
function comparison(reports: RunReport[]) {
  const checks = new Map<string, { id: string; name: string; claims: string[]; outcomes: Record<string, unknown> }>();
  reports.forEach((r) => {
    for (const c of [...r.scenarios, ...r.properties]) {
      const entry = checks.get(c.id) ?? { id: c.id, name: c.name, claims: c.claims, outcomes: {} };
      entry.outcomes[r.implementation.name] = { outcome: c.outcome, ...(c.failure ? { failure: c.failure } : {}), ...(c.reason ? { reason: c.reason } : {}) };
      checks.set(c.id, entry);
    }
  });
  const all = [...checks.values()];
  return {
    implementations: reports.map((r) => ({ ...r.implementation, driver: r.driver, capabilities: r.capabilities, summary: r.summary, seed: r.seed })),
    claims: reports[0].claims.map((c) => ({ id: c.id, text: c.text, status: Object.fromEntries(reports.map((r) => [r.implementation.name, r.claims.find((x) => x.id === c.id)!.status])) })),
    // as in compare.html: among the implementations that could answer a check, outcomes differ
    differences: all.filter((c) => new Set(Object.values(c.outcomes).map((o) => (o as { outcome: string }).outcome).filter((o) => o === 'passed' || o === 'failed')).size > 1),
  };
}
