// A case that mutation testing showed missing: regexError without examples.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { regexError } from './validationMessages.ts';

it('regexError without examples names only the regex', () =>
  assert.equal(regexError('must be x', '[x]'), "must be x (regex used for validation is '[x]')"));
