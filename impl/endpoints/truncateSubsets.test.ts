import assert from 'node:assert/strict';
import { test } from 'node:test';
import { truncateSubsets } from './truncateSubsets.ts';
import type { EndpointSubset } from './types.ts';

const addrs = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ ip: `${prefix}.${i}` }));
const counts = (subsets: EndpointSubset[]) => subsets.map((s) => [s.addresses?.length ?? 0, s.notReadyAddresses?.length ?? 0]);

const cases: { name: string; input: EndpointSubset[]; capacity: number; want: number[][]; truncated: boolean }[] = [
  {
    name: 'subsets within capacity are returned unchanged',
    input: [{ addresses: addrs('a', 3), notReadyAddresses: addrs('b', 2) }],
    capacity: 5,
    want: [[3, 2]],
    truncated: false,
  },
  {
    name: 'too many ready addresses drop every not-ready one and share the capacity by proportion',
    input: [{ addresses: addrs('a', 6), notReadyAddresses: addrs('b', 3) }, { addresses: addrs('c', 4) }],
    capacity: 5,
    // ceil(6/10*5)=3, then ceil(4/10*5)=2
    want: [[3, 0], [2, 0]],
    truncated: true,
  },
  {
    name: 'rounding up gives the last subset only what is left',
    input: [{ addresses: addrs('a', 3) }, { addresses: addrs('b', 3) }, { addresses: addrs('c', 3) }],
    capacity: 4,
    // ceil(3/9*4)=2, 2, then 0 left
    want: [[2, 0], [2, 0], [0, 0]],
    truncated: true,
  },
  {
    name: 'ready addresses under capacity are kept and not-ready ones fill the remaining room',
    input: [{ addresses: addrs('a', 2), notReadyAddresses: addrs('b', 4) }, { addresses: addrs('c', 1), notReadyAddresses: addrs('d', 4) }],
    capacity: 6,
    // room 3 over 8 not ready: ceil(4/8*3)=2, then min(2, 1)=1
    want: [[2, 2], [1, 1]],
    truncated: true,
  },
];

for (const c of cases) {
  test(c.name, () => {
    const got = truncateSubsets(c.input, c.capacity);
    assert.equal(got.truncated, c.truncated);
    assert.deepEqual(counts(got.subsets), c.want);
  });
}

test('truncation keeps the first addresses of each list, in order', () => {
  const got = truncateSubsets([{ addresses: addrs('a', 4) }], 2);
  assert.deepEqual(got.subsets[0].addresses, [{ ip: 'a.0' }, { ip: 'a.1' }]);
});
