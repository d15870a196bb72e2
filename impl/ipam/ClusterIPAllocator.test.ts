import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ClusterIPAllocator } from './ClusterIPAllocator.ts';
import { formatFieldError } from './fieldError.ts';

test('dynamic allocation skips the static band and the network address', () => {
  const a = new ClusterIPAllocator('10.0.0.0/24');
  // /24 has 256 addresses; the static band is min(max(16, 256/16), 256) = 16 offsets from 10.0.0.1.
  assert.deepEqual(a.allocateNext(), { ok: true, value: '10.0.0.17' });
  assert.deepEqual(a.allocateNext(), { ok: true, value: '10.0.0.18' });
});

test('a requested free IP in range is honoured', () => {
  const a = new ClusterIPAllocator('10.0.0.0/24');
  assert.deepEqual(a.allocate('10.0.0.5'), { ok: true, value: '10.0.0.5' });
  assert.equal(a.has('10.0.0.5'), true);
});

const refusals: { name: string; take?: string; ip: string; want: string }[] = [
  {
    name: 'an IP outside the CIDR is refused with the valid range',
    ip: '1.1.1.1',
    want: 'spec.clusterIPs: Invalid value: []string{"1.1.1.1"}: failed to allocate IP 1.1.1.1: the provided IP (1.1.1.1) is not in the valid range. The range of valid IPs is 10.0.0.0/24',
  },
  {
    name: 'the network address is not in the valid range',
    ip: '10.0.0.0',
    want: 'spec.clusterIPs: Invalid value: []string{"10.0.0.0"}: failed to allocate IP 10.0.0.0: the provided IP (10.0.0.0) is not in the valid range. The range of valid IPs is 10.0.0.0/24',
  },
  {
    name: 'the broadcast address is not in the valid range',
    ip: '10.0.0.255',
    want: 'spec.clusterIPs: Invalid value: []string{"10.0.0.255"}: failed to allocate IP 10.0.0.255: the provided IP (10.0.0.255) is not in the valid range. The range of valid IPs is 10.0.0.0/24',
  },
  {
    name: 'an IP already taken is refused',
    take: '10.0.0.5',
    ip: '10.0.0.5',
    want: 'spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: provided IP is already allocated',
  },
];
for (const c of refusals) {
  test(c.name, () => {
    const a = new ClusterIPAllocator('10.0.0.0/24');
    if (c.take) a.allocate(c.take);
    const used = a.used;
    const got = a.allocate(c.ip);
    assert.equal(got.ok, false);
    if (!got.ok) assert.equal(formatFieldError(got.error), c.want);
    assert.equal(a.used, used, 'a refusal changes nothing');
  });
}

test('a full range answers with the internal error and released IPs come back', () => {
  const a = new ClusterIPAllocator('10.0.0.0/30');
  assert.deepEqual([a.allocateNext(), a.allocateNext()].map((r) => r.ok && r.value), ['10.0.0.1', '10.0.0.2']);
  const full = a.allocateNext();
  assert.equal(!full.ok && formatFieldError(full.error), 'Internal error occurred: failed to allocate a serviceIP: range is full');
  assert.equal(a.release('10.0.0.2'), true);
  assert.equal(a.release('10.0.0.2'), false);
  assert.deepEqual(a.allocateNext(), { ok: true, value: '10.0.0.2' });
});

test('a malformed CIDR is a configuration error', () => {
  assert.throws(() => new ClusterIPAllocator('10.0.0.0/33'), { name: 'IpamConfigError' });
  assert.throws(() => new ClusterIPAllocator('banana'), { name: 'IpamConfigError' });
});

test('no IP is ever handed out twice over any sequence of allocations and releases', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 40 }), fc.integer({ min: -40, max: -1 })), { maxLength: 120 }), (ops) => {
      const a = new ClusterIPAllocator('10.0.0.0/27');
      const held = new Set<string>();
      for (const op of ops) {
        if (op === null) {
          const r = a.allocateNext();
          if (r.ok) {
            assert.ok(!held.has(r.value), `${r.value} handed out twice`);
            held.add(r.value);
          } else assert.equal(held.size, 30);
        } else if (op >= 0) {
          const ip = `10.0.0.${op}`;
          const r = a.allocate(ip);
          assert.equal(r.ok, op >= 1 && op <= 30 && !held.has(ip));
          if (r.ok) held.add(ip);
        } else {
          const ip = `10.0.0.${-op}`;
          assert.equal(a.release(ip), held.delete(ip));
        }
      }
      assert.equal(a.used, held.size);
    }),
    { numRuns: 200, seed: 7 },
  );
});
