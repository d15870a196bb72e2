// Tests of harness/drivers/kubectl.ts (kept here, beside the oracle it wraps).
// Skipped only when no kubectl is installed.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Labels, ObjectMeta } from '../contract/capabilities/selectors.ts';
import type { Driver } from '../contract/driver.ts';
import { DriverError } from '../contract/driver.ts';
import { createKubectlDriver } from './kubectl.ts';

let driver: Driver | undefined;
let absent: string | false = false;
try {
  driver = await createKubectlDriver();
} catch (e) {
  const message = (e as Error).message;
  if (!message.includes('kubectl not found')) throw e;
  absent = message;
}
after(() => driver?.close());

const isCode = (code: string) => (e: unknown) => e instanceof DriverError && e.code === code;

describe('kubectl driver', { skip: absent }, () => {
  const d = () => driver!;

  test('hello names upstream kubectl and its version, with the selectors capability', () => {
    assert.equal(d().hello.implementation.name, 'upstream kubectl');
    assert.match(d().hello.implementation.version ?? '', /^v1\.\d+\.\d+/);
    assert.deepEqual(d().hello.capabilities, ['selectors']);
    assert.equal(d().has('selectors'), true);
    assert.equal(d().has('objects'), false);
  });

  test('selectors.parse gives the canonical form (sorted by key) and its requirements', async () => {
    assert.deepEqual(await d().call('selectors.parse', { selector: 'tier notin (b,a), app==web, !old' }), {
      valid: true,
      canonical: 'app==web,!old,tier notin (a,b)',
      requirements: [
        { key: 'app', operator: '==', values: ['web'] },
        { key: 'old', operator: '!', values: [] },
        { key: 'tier', operator: 'notin', values: ['a', 'b'] },
      ],
    });
  });

  test('selectors.parse gives labels.Parse error text for an invalid selector', async () => {
    assert.deepEqual(await d().call('selectors.parse', { selector: 'x in' }), { valid: false, error: "unable to parse requirement: found '' expected: '('" });
  });

  test('selectors.match gives the canonical form and a verdict per label set', async () => {
    const labelSets: Labels[] = [{ env: 'prod' }, { env: 'qa' }, {}];
    assert.deepEqual(await d().call('selectors.match', { selector: 'env!=prod', labelSets }), { valid: true, canonical: 'env!=prod', matches: [false, true, true] });
  });

  test('selectors.match reports an invalid selector without matches', async () => {
    assert.deepEqual(await d().call('selectors.match', { selector: 'x>y', labelSets: [{}] }), {
      valid: false,
      error: `unable to parse requirement: values[0]: Invalid value: "y": for 'Gt', 'Lt' operators, the value must be an integer`,
    });
  });

  test('selectors.select returns the selected names in input order, duplicates included', async () => {
    const objects: { metadata: ObjectMeta }[] = [
      { metadata: { name: 'b', labels: { app: 'web' } } },
      { metadata: { name: 'a' } },
      { metadata: { name: 'b', labels: { app: 'web', tier: 'fe' } } },
    ];
    assert.deepEqual(await d().call('selectors.select', { selector: 'app=web', objects }), { valid: true, selected: ['b', 'b'] });
  });

  test('a method of another capability is MethodNotFound', async () => {
    await assert.rejects(d().call('labels.validate', { key: 'a', value: 'b' }), isCode('MethodNotFound'));
  });

  test('a selector kubectl cannot receive unchanged is NotApplicable', async () => {
    await assert.rejects(d().call('selectors.parse', { selector: 'a\0' }), isCode('NotApplicable'));
  });
});
