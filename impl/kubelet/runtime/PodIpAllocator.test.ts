import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CidrIpAllocator, IpamError } from './PodIpAllocator.ts';

test('addresses start after the gateway, go round-robin and skip the broadcast address', () => {
  const a = new CidrIpAllocator('10.244.1.0/29');
  assert.equal(a.gateway, '10.244.1.1');
  assert.deepEqual(['a', 'b', 'c'].map((o) => a.allocate(o)), ['10.244.1.2', '10.244.1.3', '10.244.1.4']);
  a.release('a');
  assert.equal(a.allocate('d'), '10.244.1.5', 'a freed address is not reused at once');
  assert.equal(a.allocate('e'), '10.244.1.6');
  assert.equal(a.allocate('f'), '10.244.1.2', 'then allocation wraps around');
  assert.throws(() => a.allocate('g'), { name: 'IpamError', message: 'failed to allocate for range 0: no IP addresses available in range set: 10.244.1.2-10.244.1.6' });
  assert.equal(a.allocate('b'), '10.244.1.3', 'an owner asking again gets its address');
});

test('a CIDR that is not IPv4 with a 1-30 bit prefix is refused', () => {
  for (const bad of ['10.244.1.0', '10.244.1.0/31', '10.300.0.0/16', 'fd00::/64']) assert.throws(() => new CidrIpAllocator(bad), IpamError);
  assert.equal(new CidrIpAllocator('10.244.1.77/24').allocate('x'), '10.244.1.2', 'host bits are ignored');
});
