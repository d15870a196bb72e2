import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builderSelectorError, checkErrText } from './kubectlErrorText.ts';

const checkErrCases: { name: string; stderr: string; want: string | undefined }[] = [
  { name: 'one error line gives its text', stderr: "error: found ',', expected: identifier\n", want: "found ',', expected: identifier" },
  { name: 'a missing trailing newline is not CheckErr output', stderr: 'error: x', want: undefined },
  { name: 'a warning before the error is refused', stderr: 'W0101 warning\nerror: x\n', want: undefined },
  { name: 'a two-line error is refused', stderr: 'error: x\ny\n', want: undefined },
  { name: 'empty stderr is refused', stderr: '', want: undefined },
];
for (const c of checkErrCases) {
  test(`checkErrText: ${c.name}`, () => assert.equal(checkErrText(c.stderr), c.want));
}

const builderCases: { name: string; text: string; want: string | undefined }[] = [
  { name: 'a plain selector is skipped', text: 'the provided selector "x=a b" is not valid: found \'b\'', want: "found 'b'" },
  {
    name: 'escaped quotes and backslashes inside the selector are skipped',
    text: 'the provided selector "\\"x\\\\\\" is not valid: \\"=a" is not valid: boom',
    want: 'boom',
  },
  { name: 'the error itself may quote the selector again', text: 'the provided selector "a/b/c" is not valid: <nil>: Invalid value: "a/b/c": bad', want: '<nil>: Invalid value: "a/b/c": bad' },
  { name: 'another error is not the wrapper', text: 'no objects passed to create', want: undefined },
  { name: 'an unterminated quote is not the wrapper', text: 'the provided selector "abc', want: undefined },
];
for (const c of builderCases) {
  test(`builderSelectorError: ${c.name}`, () => assert.equal(builderSelectorError(c.text), c.want));
}
