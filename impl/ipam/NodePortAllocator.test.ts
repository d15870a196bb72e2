import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatFieldError } from './fieldError.ts';
import { NodePortAllocator } from './NodePortAllocator.ts';

test('dynamic NodePorts start above the static band of the default range', () => {
  // 2768 ports: the static band is min(max(16, 2768/32), 128) = 86 ports.
  assert.deepEqual(new NodePortAllocator().allocateNext(), { ok: true, value: 30086 });
});

const cases: { name: string; take?: number; port: number; field?: string; want: string }[] = [
  {
    name: 'a port below the range is refused with the valid range',
    port: 80,
    want: 'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
  },
  {
    name: 'a port above the range is refused on the port it was asked for',
    port: 32768,
    field: 'spec.ports[2].nodePort',
    want: 'spec.ports[2].nodePort: Invalid value: 32768: provided port is not in the valid range. The range of valid ports is 30000-32767',
  },
  {
    name: 'a port in use is refused',
    take: 30080,
    port: 30080,
    want: 'spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
  },
];
for (const c of cases) {
  test(c.name, () => {
    const a = new NodePortAllocator();
    if (c.take) a.allocate(c.take);
    const got = a.allocate(c.port, c.field);
    assert.equal(!got.ok && formatFieldError(got.error), c.want);
  });
}

test('a free requested port and both ends of the range are honoured', () => {
  const a = new NodePortAllocator();
  for (const p of [30000, 31000, 32767]) assert.deepEqual(a.allocate(p), { ok: true, value: p });
});

test('a configured range is used and printed in errors', () => {
  const a = new NodePortAllocator('20000-20001');
  assert.equal(a.allocateNext().ok && a.allocateNext().ok, true);
  const full = a.allocateNext();
  assert.equal(!full.ok && formatFieldError(full.error), 'Internal error occurred: failed to allocate a nodePort: range is full');
  const out = a.allocate(30000);
  assert.match(!out.ok ? out.error.message : '', /The range of valid ports is 20000-20001$/);
  assert.throws(() => new NodePortAllocator('5-1'), { name: 'IpamConfigError' });
});

test('no NodePort is ever handed out twice', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 29990, max: 30060 })), { maxLength: 100 }), (ops) => {
      const a = new NodePortAllocator('30000-30049');
      const held = new Set<number>();
      for (const op of ops) {
        const r = op === 0 ? a.allocateNext() : held.has(op) && op % 2 === 0 ? (a.release(op), held.delete(op), null) : a.allocate(op);
        if (r?.ok) {
          assert.ok(!held.has(r.value));
          held.add(r.value);
        }
      }
      assert.equal(a.used, held.size);
    }),
    { numRuns: 200, seed: 11 },
  );
});
