import type { CheckResult, RunReport } from '../runner/results.ts';

/** Per-area counts of checks and claims. */
export function areaRows(report: RunReport) {
  const checks: CheckResult[] = [...report.scenarios, ...report.properties];
  const areas = [...new Set([...report.claims.map((c) => c.area), ...checks.map((c) => c.area)])];
  return areas.map((area) => {
    const mine = checks.filter((c) => c.area === area);
    const claims = report.claims.filter((c) => c.area === area);
    const n = (k: string) => mine.filter((c) => c.outcome === k).length;
    return {
      area,
      scenarios: mine.filter((c) => c.kind === 'scenario').length,
      properties: mine.filter((c) => c.kind === 'property').length,
      passed: n('passed'),
      failed: n('failed'),
      notApplicable: n('not-applicable'),
      skipped: n('skipped'),
      claims: claims.length,
      claimsCovered: claims.filter((c) => c.status !== 'not-covered').length,
      claimsPassing: claims.filter((c) => c.status === 'passed').length,
    };
  });
}

/** The terminal's summary table. */
export function areaTable(report: RunReport): string {
  const head = ['area', 'scenarios', 'properties', 'passed', 'failed', 'n/a', 'skipped', 'claims covered', 'claims passing'];
  const rows = areaRows(report).map((r) => [
    r.area,
    r.scenarios,
    r.properties,
    r.passed,
    r.failed,
    r.notApplicable,
    r.skipped,
    `${r.claimsCovered}/${r.claims}`,
    `${r.claimsPassing}/${r.claims}`,
  ].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
