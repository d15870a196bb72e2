import type { CheckResult, RunReport } from '../runner/results.ts';

const esc = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** JUnit XML: one testsuite per area (features and properties apart), one testcase per check. */
export function junitXml(report: RunReport): string {
  const checks: CheckResult[] = [...report.scenarios, ...report.properties];
  const groups = new Map<string, CheckResult[]>();
  for (const c of checks) {
    const key = `${c.kind === 'scenario' ? 'features' : 'properties'}.${c.area}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const suites = [...groups].map(([name, cs]) => {
    const failures = cs.filter((c) => c.outcome === 'failed').length;
    const skipped = cs.filter((c) => c.outcome === 'skipped' || c.outcome === 'not-applicable').length;
    const time = cs.reduce((t, c) => t + c.durationMs, 0) / 1000;
    const cases = cs.map((c) => {
      const attrs = `classname="${esc(name)}" name="${esc(`${c.name} [${c.location}]`)}" time="${(c.durationMs / 1000).toFixed(3)}"`;
      if (c.outcome === 'failed') {
        const detail = [
          c.failure?.message ?? '',
          c.failure?.want !== undefined ? `want: ${JSON.stringify(c.failure.want)}\ngot:  ${JSON.stringify(c.failure.got)}` : '',
          c.kind === 'property' ? `seed: ${c.seed}${c.path ? `\npath: ${c.path}` : ''}${c.counterexample ? `\ncounterexample: ${c.counterexample}` : ''}` : '',
          `at: ${c.failure?.location ?? c.location}`,
          `reproduce: ${c.reproduce}`,
        ].filter(Boolean).join('\n');
        return `    <testcase ${attrs}>\n      <failure message="${esc((c.failure?.message ?? '').split('\n')[0])}">${esc(detail)}</failure>\n    </testcase>`;
      }
      if (c.outcome !== 'passed') return `    <testcase ${attrs}>\n      <skipped message="${esc(`${c.outcome}: ${c.reason ?? ''}`)}"/>\n    </testcase>`;
      return `    <testcase ${attrs}/>`;
    });
    return `  <testsuite name="${esc(name)}" tests="${cs.length}" failures="${failures}" skipped="${skipped}" time="${time.toFixed(3)}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const errors = report.suiteErrors.map((e) => `    <testcase classname="suite" name="${esc(e)}">\n      <error message="${esc(e)}"/>\n    </testcase>`);
  if (errors.length) suites.push(`  <testsuite name="suite" tests="${errors.length}" errors="${errors.length}">\n${errors.join('\n')}\n  </testsuite>`);
  const s = report.summary;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kconform: ${esc(report.implementation.name)}" tests="${checks.length}" failures="${s.failed}" skipped="${s.skipped}" time="${(report.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
