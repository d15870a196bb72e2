import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import type { CheckResult, RunReport } from '../runner/results.ts';
import { Progress } from './progress.ts';

const scenario = (name: string, outcome: CheckResult['outcome'], message?: string): CheckResult => ({
  kind: 'scenario', id: name, name, feature: 'f', area: 'labels', location: `features/labels/x.feature:${name.length}`,
  tags: [], claims: [], outcome, durationMs: 1, reproduce: `npx kconform run features/labels/x.feature:${name.length}`,
  failure: message ? { message, location: 'features/labels/x.feature:99' } : undefined,
});

function summaryOf(checks: CheckResult[]): string {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d) => (text += d));
  const report = {
    scenarios: checks, properties: [], claims: [], incidents: [], suiteErrors: [],
    summary: { passed: 0, failed: 0, skipped: 0, notApplicable: 0 },
  } as unknown as RunReport;
  new Progress(out).summary(report, ['reports/x.json']);
  return text;
}

test('the summary repeats every failure under the table, with where it failed and how to reproduce it', () => {
  const cases: { name: string; checks: CheckResult[]; want: RegExp[]; absent: RegExp[] }[] = [
    { name: 'no failure: no recap', checks: [scenario('ok', 'passed')], want: [/conformance:/], absent: [/failed checks/] },
    {
      name: 'two failures, only their first message line',
      checks: [scenario('ok', 'passed'), scenario('first', 'failed', 'want 1\ngot 2'), scenario('second', 'failed', 'boom')],
      want: [
        /failed checks \(2\):/,
        /✗ first \(features\/labels\/x\.feature:99\): want 1\n {4}reproduce: npx kconform run features\/labels\/x\.feature:5/,
        /✗ second \(features\/labels\/x\.feature:99\): boom/,
      ],
      absent: [/got 2/, /✗ ok/],
    },
  ];
  for (const c of cases) {
    const text = summaryOf(c.checks);
    for (const re of c.want) assert.match(text, re, c.name);
    for (const re of c.absent) assert.doesNotMatch(text, re, c.name);
    if (/failed checks/.test(text)) assert.ok(text.indexOf('failed checks') < text.indexOf('reports:'), `${c.name}: recap before the reports line`);
  }
});
