import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatFieldError } from './fieldError.ts';
import { validateLabels } from './validateLabels.ts';
import { KEY_RULE, VALUE_RULE } from './upstreamTexts.fixture.ts';

const printed = (labels: Record<string, string>, path?: string) => validateLabels(labels, path).map(formatFieldError);

describe('validateLabels (LBL-1, LBL-2)', () => {
  const cases: [string, Record<string, string>, string[]][] = [
    ['no labels are valid', {}, []],
    ['many objects may carry the same ordinary labels', { app: 'nginx', tier: 'frontend' }, []],
    ['a prefixed key is valid', { 'example.com/app': 'web' }, []],
    ['a value may be empty', { app: '' }, []],
    ['a 63-byte name and a 63-byte value are valid', { ['k'.repeat(63)]: 'v'.repeat(63) }, []],
    ['a 64-byte value is too long', { app: 'v'.repeat(64) }, [`metadata.labels: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`]],
    ['a 64-byte name is too long', { ['k'.repeat(64)]: 'v' }, [`metadata.labels: Invalid value: "${'k'.repeat(64)}": name part must be no more than 63 characters`]],
    ['a bad key and a bad value give one error each, at the same path', { '-a': 'b-' }, [
      `metadata.labels: Invalid value: "-a": name part ${KEY_RULE}`,
      `metadata.labels: Invalid value: "b-": ${VALUE_RULE}`,
    ]],
    ['a long bad value gives two separate errors', { a: `${'v'.repeat(63)}-` }, [
      `metadata.labels: Invalid value: "${'v'.repeat(63)}-": must be no more than 63 characters`,
      `metadata.labels: Invalid value: "${'v'.repeat(63)}-": ${VALUE_RULE}`,
    ]],
    ['a value with a space (253 bytes, the seed claim, is far over the limit)', { a: 'x y' }, [`metadata.labels: Invalid value: "x y": ${VALUE_RULE}`]],
  ];
  for (const [name, labels, want] of cases) it(name, () => assert.deepEqual(printed(labels), want));
  it('uses the given field path', () =>
    assert.deepEqual(printed({ a: '-' }, 'spec.template.metadata.labels'), [`spec.template.metadata.labels: Invalid value: "-": ${VALUE_RULE}`]));
  it('types every error as Invalid value', () => assert.deepEqual(validateLabels({ a: '-' }).map((e) => e.type), ['Invalid value']));
});
