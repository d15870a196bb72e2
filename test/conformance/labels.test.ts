// The @labels features and properties pass against the reference (no @oracle, no @control-plane: see runArea.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { failuresOf } from './runArea.ts';

test('every @labels scenario and property passes against the reference', async () => {
  assert.deepEqual(await failuresOf('labels'), []);
});
