import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitErrorMessage } from './fitError.ts';
import { Code, Status } from './status.ts';

const u = (...r: string[]) => new Status(Code.Unschedulable, ...r);

const cases = [
  {
    name: 'counts are prefixed and the strings sorted bytewise (so "1 node(s)…" precedes "2 Insufficient…")',
    statuses: { a: u('Insufficient cpu'), b: u('Insufficient cpu'), c: u('node(s) had untolerated taint {dedicated: gpu}') },
    want: '0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 2 Insufficient cpu.',
  },
  {
    name: 'a node with two reasons counts in both',
    statuses: { a: u('Insufficient cpu', 'Insufficient memory'), b: u('Insufficient memory') },
    want: '0/2 nodes are available: 1 Insufficient cpu, 2 Insufficient memory.',
  },
  {
    name: 'bytewise order puts 10 before 9',
    statuses: Object.fromEntries([...Array(19).keys()].map((i) => [`n${i}`, u(i < 10 ? 'A' : 'B')])),
    want: '0/19 nodes are available: 10 A, 9 B.',
  },
];
for (const c of cases) {
  test(c.name, () => assert.equal(fitErrorMessage(Object.keys(c.statuses).length, '', new Map(Object.entries(c.statuses)), null), c.want));
}

test('nodes absent from the statuses count with the absent status', () => {
  const absent = new Status(Code.UnschedulableAndUnresolvable, "node(s) didn't satisfy plugin(s) [NodeAffinity]");
  assert.equal(
    fitErrorMessage(3, '', new Map([['a', u('Insufficient cpu')]]), absent),
    "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity].",
  );
});

test('a PreFilter rejection is the whole message, without a histogram and without a preemption sentence', () => {
  assert.equal(fitErrorMessage(3, 'pod affinity terms conflict', new Map(), null), '0/3 nodes are available: pod affinity terms conflict.');
});
