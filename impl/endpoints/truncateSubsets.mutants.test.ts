// A case that mutation testing showed missing: cutting ready addresses when one subset has none.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { truncateSubsets } from './truncateSubsets.ts';

it('a subset with only not-ready addresses keeps nothing when the ready ones are cut', () => {
  const ready = [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }, { ip: '10.0.0.3' }];
  const got = truncateSubsets([{ notReadyAddresses: [{ ip: '10.0.0.9' }] }, { addresses: ready }], 2);
  assert.deepEqual(got, { subsets: [{}, { addresses: ready.slice(0, 2) }], truncated: true });
});
