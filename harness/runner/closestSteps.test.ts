import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closestSteps } from './closestSteps.ts';

const patterns = ['I select objects with {text}', 'exactly {text} are/is selected', 'the selector {text} matches {labels}', 'these objects:'];

const cases: [string, string, string][] = [
  ['a typo in one word still finds the step', 'I selekt objects with "app=web"', 'I select objects with {text}'],
  ['quoted arguments compare as parameters', 'the selector "a=b" matches "a=b"', 'the selector {text} matches {labels}'],
  ['a missing word still finds the step', 'I select with "x"', 'I select objects with {text}'],
];

for (const [name, text, want] of cases) test(name, () => assert.equal(closestSteps(text, patterns)[0], want));

test('at most the asked number of suggestions', () => assert.equal(closestSteps('x', patterns, 2).length, 2));
