import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabelList, parseNameList } from './text.ts';
import { expandRepeats } from './repeats.ts';

test('a label list is key=value pairs separated by commas', () => assert.deepEqual(parseLabelList('app=nginx, env=test'), { app: 'nginx', env: 'test' }));
test('an empty value is written key=', () => assert.deepEqual(parseLabelList('app='), { app: '' }));
test('(none) and the empty string are no labels', () => {
  assert.deepEqual(parseLabelList('(none)'), {});
  assert.deepEqual(parseLabelList(''), {});
});
test('a pair without = is an error naming it', () => assert.throws(() => parseLabelList('app'), /"app" is not key=value/));
test('a name list splits on commas', () => assert.deepEqual(parseNameList('a, b,c'), ['a', 'b', 'c']));

const repeats: [string, string, string][] = [
  ['c{N} repeats one character', 'a{3}', 'aaa'],
  ['(group){N} repeats a group', '(ab.){2}x', 'ab.ab.x'],
  ['text without braces is unchanged', 'app.kubernetes.io/name', 'app.kubernetes.io/name'],
  ['repeats mix with plain text', 'x-v{2}-y', 'x-vv-y'],
];
for (const [name, input, want] of repeats) test(name, () => assert.equal(expandRepeats(input), want));
