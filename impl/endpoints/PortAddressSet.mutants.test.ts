// A case that mutation testing showed missing: reading one entry back.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { PortAddressSet } from './PortAddressSet.ts';

it('get returns the entry set for an address key, and nothing after removal', () => {
  const set = new PortAddressSet(null);
  const entry = { address: { ip: '10.0.0.1' }, ready: false };
  set.set('k', entry);
  assert.equal(set.get('k'), entry);
  assert.deepEqual([set.ready, set.notReady], [[], [entry.address]]);
  set.set('k', undefined);
  assert.equal(set.get('k'), undefined);
  assert.equal(set.size, 0);
});
