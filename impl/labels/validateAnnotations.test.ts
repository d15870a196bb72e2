import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatFieldError } from './fieldError.ts';
import { KEY_RULE } from './upstreamTexts.fixture.ts';
import { annotationsSize, TOTAL_ANNOTATION_SIZE_LIMIT_B, validateAnnotations } from './validateAnnotations.ts';

const printed = (a: Record<string, string>) => validateAnnotations(a).map(formatFieldError);
const LIMIT = TOTAL_ANNOTATION_SIZE_LIMIT_B;

describe('validateAnnotations (ANN-1)', () => {
  const cases: [string, Record<string, string>, string[]][] = [
    ['ordinary annotations are valid', { 'deployment.kubernetes.io/revision': '3', description: 'any text, even with spaces: ok!' }, []],
    ['values are free text of any length under the total', { note: 'x'.repeat(1000) }, []],
    ['upper-case prefixes are allowed because keys are compared lower-cased', { 'Example.COM/Key': 'v' }, []],
    ['a key with a bad character is reported as given', { 'a b': 'v' }, [
      `metadata.annotations: Invalid value: "a b": name part ${KEY_RULE}`,
    ]],
    ['an empty prefix is reported', { '/x': 'v' }, ['metadata.annotations: Invalid value: "/x": prefix part must be non-empty']],
    ['exactly 256 KiB in all is allowed', { k: 'x'.repeat(LIMIT - 1) }, []],
    ['one byte over 256 KiB is too long', { k: 'x'.repeat(LIMIT) }, ['metadata.annotations: Too long: may not be more than 262144 bytes']],
    ['the size counts UTF-8 bytes', { k: '大'.repeat(87382) }, ['metadata.annotations: Too long: may not be more than 262144 bytes']],
    ['key errors come before the size error', { '-': 'x'.repeat(LIMIT) }, [
      `metadata.annotations: Invalid value: "-": name part ${KEY_RULE}`,
      'metadata.annotations: Too long: may not be more than 262144 bytes',
    ]],
  ];
  for (const [name, a, want] of cases) it(name, () => assert.deepEqual(printed(a), want));
  it('types the size error as Too long', () => assert.equal(validateAnnotations({ k: 'x'.repeat(LIMIT) })[0].type, 'Too long'));
  it('sums keys and values', () => assert.equal(annotationsSize({ ab: 'cde', f: '' }), 6));
});
