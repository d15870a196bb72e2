// Cases that mutation testing showed missing: the comparators' three outcomes, addresses without
// targetRef or UID, portless subsets, and ports whose address sets differ only in insertion order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareAddresses, comparePorts, repackSubsets, subsetOrder } from './repackSubsets.ts';
import type { EndpointAddress } from './types.ts';

const sign = (n: number) => Math.sign(n);

describe('compareAddresses orders by IP, then targetRef UID', () => {
  const cases: [string, EndpointAddress, EndpointAddress, number][] = [
    ['a lower UID first', { ip: '1', targetRef: { kind: 'Pod', uid: 'a' } }, { ip: '1', targetRef: { kind: 'Pod', uid: 'b' } }, -1],
    ['a higher UID after', { ip: '1', targetRef: { kind: 'Pod', uid: 'b' } }, { ip: '1', targetRef: { kind: 'Pod', uid: 'a' } }, 1],
    ['equal UIDs are equal', { ip: '1', targetRef: { kind: 'Pod', uid: 'a' } }, { ip: '1', targetRef: { kind: 'Pod', uid: 'a' } }, 0],
    ['a missing UID sorts as the empty string', { ip: '1', targetRef: { kind: 'Pod' } }, { ip: '1', targetRef: { kind: 'Pod', uid: '0' } }, -1],
    ['a missing UID sorts as the empty string (reversed)', { ip: '1', targetRef: { kind: 'Pod', uid: '0' } }, { ip: '1', targetRef: { kind: 'Pod' } }, 1],
    ['no targetRef sorts before a targetRef', { ip: '1' }, { ip: '1', targetRef: { kind: 'Pod', uid: 'a' } }, -1],
    ['a targetRef sorts after no targetRef', { ip: '1', targetRef: { kind: 'Pod', uid: 'a' } }, { ip: '1' }, 1],
    ['two addresses without targetRef are equal', { ip: '1' }, { ip: '1' }, 0],
  ];
  for (const [name, a, b, want] of cases) it(name, () => assert.equal(sign(compareAddresses(a, b)), want));
});

describe('comparePorts and subsetOrder', () => {
  it('orders ports by name', () => {
    assert.equal(comparePorts({ name: 'a', port: 2, protocol: 'TCP' }, { name: 'b', port: 1, protocol: 'TCP' }), -1);
    assert.equal(comparePorts({ name: 'b', port: 1, protocol: 'TCP' }, { name: 'a', port: 2, protocol: 'TCP' }), 1);
    assert.equal(comparePorts({ name: 'a', port: 1, protocol: 'TCP' }, { name: 'a', port: 1, protocol: 'TCP' }), 0);
  });
  it('a portless subset compares without throwing', () => {
    assert.equal(subsetOrder({}, {}), 0);
    assert.equal(typeof subsetOrder({}, { ports: [{ port: 1, protocol: 'TCP' }] }), 'number');
  });
});

describe('repackSubsets groups ports by their set of addresses', () => {
  it('ports with the same addresses share a subset whatever order the addresses came in', () => {
    const p1 = { name: 'p1', port: 1, protocol: 'TCP' };
    const p2 = { name: 'p2', port: 2, protocol: 'TCP' };
    const a: EndpointAddress = { ip: '10.0.0.1', targetRef: { kind: 'Pod', uid: 'a' } };
    const b: EndpointAddress = { ip: '10.0.0.2', targetRef: { kind: 'Pod', uid: 'b' } };
    const subsets = repackSubsets([
      { address: a, ready: true, ports: [p1] },
      { address: b, ready: true, ports: [p1, p2] },
      { address: a, ready: true, ports: [p2] },
    ]);
    assert.deepEqual(subsets, [{ addresses: [a, b], ports: [p1, p2] }]);
  });
});
