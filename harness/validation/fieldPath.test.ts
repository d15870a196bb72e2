import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldPath } from './fieldPath.ts';

const cases: [string, string, string][] = [
  ['an empty path is the root', '', '<root>'],
  ['properties join with dots', '/metadata/name', 'metadata.name'],
  ['array indexes go in brackets', '/spec/containers/0/image', 'spec.containers[0].image'],
  ['keys that are not identifiers are quoted', '/metadata/labels/example.com~1app', 'metadata.labels["example.com/app"]'],
  ['a tilde escape is undone', '/a/b~0c', 'a["b~c"]'],
];

for (const [name, input, want] of cases) test(name, () => assert.equal(fieldPath(input), want));

test('a base path is prefixed', () => assert.equal(fieldPath('/matches/1', 'result'), 'result.matches[1]'));
