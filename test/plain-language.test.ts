// A person adds a .feature file using the existing vocabulary and it runs with no code; a step that
// matches nothing fails with the closest existing steps suggested; a bad manifest names field and rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runConformance } from '../harness/runner/run.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const quiet = new Writable({ write: (_c, _e, cb) => cb() });

async function runFeature(text: string) {
  // Outside features/: a file there would be read by every other run going on at the same time.
  const dir = mkdtempSync(join(tmpdir(), 'kconform-pl-feature-'));
  const file = join(dir, 'written-by-a-person.feature');
  writeFileSync(file, text);
  try {
    return await runConformance({ root, driver: 'reference', reportDir: mkdtempSync(join(tmpdir(), 'kconform-pl-')), paths: [file], out: quiet });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a new feature written with the existing vocabulary runs and passes', async () => {
  const r = await runFeature(`@labels
Feature: written by a person
  @LBL-4
  Scenario: notin also selects objects without the label
    Given these objects:
      | name | labels   |
      | a    | env=prod |
      | b    |          |
    When I select objects with "env notin (prod)"
    Then exactly "b" is selected
`);
  assert.equal(r.scenarios.length, 1);
  assert.equal(r.scenarios[0].outcome, 'passed');
  assert.deepEqual(r.scenarios[0].claims, ['LBL-4']);
});

test('a step that matches nothing fails with the closest existing steps suggested', async () => {
  const r = await runFeature(`Feature: typo
  Scenario: a typo
    When I selekt objects with "app=web"
`);
  const f = r.scenarios[0].failure!;
  assert.equal(r.scenarios[0].outcome, 'failed');
  assert.equal(f.suggestions?.[0], 'I select objects with {text}');
  assert.match(f.message, /Undefined step: "I selekt objects with \\"app=web\\""|Undefined step/);
});

test('a scenario tagged with a claim ID the catalogue lacks fails the run', async () => {
  const r = await runFeature(`Feature: unknown claim
  @LBL-99
  Scenario: tagged wrong
    Given these objects:
      | name | labels |
      | a    | x=y    |
`);
  assert.ok(r.suiteErrors.some((e) => /unknown claim LBL-99/.test(e)), r.suiteErrors.join('\n'));
  assert.ok(r.summary.failed > 0);
});

test('a bad manifest fails with the document, the field path and the rule', async () => {
  const r = await runFeature(`Feature: bad manifest
  Scenario: labels must be strings
    Given these manifests:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: web
        labels:
          replicas: 3
      """
`);
  assert.equal(r.scenarios[0].outcome, 'failed');
  assert.match(r.scenarios[0].failure!.message, /manifest 1 \(ConfigMap web\): metadata\.labels\.replicas: must be string/);
});
