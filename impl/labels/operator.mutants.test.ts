// isOperator accepts exactly upstream's valid requirement operators.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isOperator, VALID_REQUIREMENT_OPERATORS } from './operator.ts';

it('isOperator accepts the valid requirement operators and nothing else', () => {
  for (const op of VALID_REQUIREMENT_OPERATORS) assert.equal(isOperator(op), true, op);
  for (const s of ['In', 'foo', '', '=!']) assert.equal(isOperator(s), false, s);
});
