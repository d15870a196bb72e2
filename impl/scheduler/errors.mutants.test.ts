// InvalidObjectError: a field.ErrorList-like message `<field>: <problem>`, and the same problem moved under a prefix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidObjectError } from './errors.ts';

const cases: { name: string; error: () => InvalidObjectError; field: string; problem: string }[] = [
  { name: 'a required field reads "Required value"', error: () => InvalidObjectError.required('metadata.name'), field: 'metadata.name', problem: 'Required value' },
  { name: 'an invalid value is quoted as JSON before the detail', error: () => InvalidObjectError.invalid('spec.x', 'lots', 'must be a number'), field: 'spec.x', problem: 'Invalid value: "lots": must be a number' },
  { name: 'at() puts the field under a prefix and keeps the problem', error: () => InvalidObjectError.required('metadata.name').at('nodes[1]'), field: 'nodes[1].metadata.name', problem: 'Required value' },
];

for (const c of cases) {
  test(c.name, () => {
    const e = c.error();
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'InvalidObjectError');
    assert.equal(e.field, c.field);
    assert.equal(e.problem, c.problem);
    assert.equal(e.message, `${c.field}: ${c.problem}`);
    assert.equal(String(e), `InvalidObjectError: ${c.field}: ${c.problem}`);
  });
}
