import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { claimResults, loadClaims, unknownClaims } from './catalogue.ts';
import type { CheckResult } from '../runner/results.ts';

const shared = new URL('../../../shared/claims.md', import.meta.url);

test('spec/claims.yaml carries every claim ID of ../shared/claims.md, and no other', { skip: !existsSync(shared) && 'no ../shared/claims.md beside the checkout' }, () => {
  const ids = [...readFileSync(shared, 'utf8').matchAll(/^- ([A-Z]+-\d+) /gm)].map((m) => m[1]).sort();
  assert.deepEqual(loadClaims().map((c) => c.id).sort(), ids);
});

test('claims where the seed and upstream disagree say so', () => {
  const differs = loadClaims().filter((c) => c.upstreamDiffers).map((c) => c.id);
  assert.ok(differs.includes('LBL-2') && differs.includes('PORT-1'), `got ${differs}`);
});

test('a check naming an unknown claim is reported with its location', () => {
  assert.deepEqual(unknownClaims(loadClaims(), [{ location: 'features/x.feature:3', claims: ['LBL-1', 'LBL-99'] }]), [
    'features/x.feature:3: unknown claim LBL-99 (not in spec/claims.yaml)',
  ]);
});

const check = (claims: string[], outcome: CheckResult['outcome']): CheckResult =>
  ({ kind: 'scenario', id: `s${Math.random()}`, name: 'x', feature: 'f', area: 'a', location: 'l', tags: [], claims, outcome, durationMs: 0, reproduce: '' }) as CheckResult;

const statusCases: [string, CheckResult[], string][] = [
  ['no check: not covered', [], 'not-covered'],
  ['all passed: passed', [check(['LBL-1'], 'passed'), check(['LBL-1'], 'passed')], 'passed'],
  ['one failure: failed', [check(['LBL-1'], 'passed'), check(['LBL-1'], 'failed')], 'failed'],
  ['only not applicable: not applicable', [check(['LBL-1'], 'not-applicable')], 'not-applicable'],
  ['passed and skipped: partial', [check(['LBL-1'], 'passed'), check(['LBL-1'], 'skipped')], 'partial'],
];
for (const [name, checks, want] of statusCases) {
  test(`claim status: ${name}`, () => assert.equal(claimResults(loadClaims(), checks).find((c) => c.id === 'LBL-1')!.status, want));
}
