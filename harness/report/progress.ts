import type { Driver } from '../contract/driver.ts';
import type { CheckResult, RunReport } from '../runner/results.ts';
import { areaTable } from './summary.ts';

const MARK: Record<string, string> = { passed: '.', failed: 'F', 'not-applicable': '-', skipped: 's' };

/** Terminal output: a header, a mark per check grouped by area, each failure as it happens, the summary
 * with the failures once more. */
export class Progress {
  private area = '';
  private col = 0;
  constructor(private readonly out: NodeJS.WritableStream) {}

  header(driver: Driver, seed: number): void {
    const impl = driver.hello.implementation;
    this.out.write(`kconform: checking ${impl.name}${impl.version ? ` ${impl.version}` : ''} (driver ${driver.name})\n`);
    this.out.write(`capabilities: ${driver.hello.capabilities.join(', ') || '(none)'}; seed ${seed}\n`);
  }

  check(r: CheckResult): void {
    const area = `${r.kind === 'property' ? 'properties' : 'features'}/${r.area}`;
    if (area !== this.area) {
      this.out.write(`${this.col ? '\n' : ''}${area.padEnd(24)} `);
      this.area = area;
      this.col = 0;
    }
    this.out.write(MARK[r.outcome]);
    this.col++;
    if (r.outcome === 'failed') {
      this.out.write(`\n  ✗ ${r.name}\n    at ${r.failure?.location ?? r.location}\n    ${indent(r.failure?.message ?? '')}\n`);
      if (r.kind === 'property' && r.counterexample) this.out.write(`    counterexample: ${r.counterexample}\n`);
      this.out.write(`    reproduce: ${r.reproduce}\n${''.padEnd(25)}`);
      this.col = 0;
    }
  }

  summary(report: RunReport, files: string[]): void {
    this.out.write('\n\n' + areaTable(report) + '\n');
    const failed = [...report.scenarios, ...report.properties].filter((r) => r.outcome === 'failed');
    if (failed.length) this.out.write(`failed checks (${failed.length}):\n${failed.map(recap).join('\n')}\n`);
    for (const e of report.suiteErrors) this.out.write(`suite error: ${e}\n`);
    for (const i of report.incidents) this.out.write(`implementation incident (${i.kind}): ${i.message}${i.offending ? `\n  offending message: ${i.offending.slice(0, 300)}` : ''}\n`);
    this.out.write(`reports: ${files.join(', ')}\n`);
    const s = report.summary;
    this.out.write(`conformance: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped\n`);
  }
}

/** One failure in two lines, for the recap under the table: a long run's tail shows every failure. */
function recap(r: CheckResult): string {
  const message = (r.failure?.message ?? '').split('\n')[0].slice(0, 200);
  return `  ✗ ${r.name} (${r.failure?.location ?? r.location}): ${message}\n    reproduce: ${r.reproduce}`;
}

function indent(s: string): string {
  return s.split('\n').join('\n    ');
}
