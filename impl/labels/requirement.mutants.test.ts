// A case that mutation testing showed missing: a key with several errors joins them with "; ".
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isQualifiedName } from './isQualifiedName.ts';
import { newRequirement } from './requirement.ts';
import { formatFieldError } from './fieldError.ts';

it('the errors of a key are joined with "; " as validateLabelKey does', () => {
  const r = newRequirement('-/-', 'exists', []);
  assert.deepEqual(r.ok ? [] : r.errors.map(formatFieldError), [`key: Invalid value: "-/-": ${isQualifiedName('-/-').join('; ')}`]);
  assert.equal(isQualifiedName('-/-').length, 2);
});
