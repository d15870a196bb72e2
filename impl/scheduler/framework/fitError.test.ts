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

const absentCases = [
  {
    name: 'without an absent status, nodes missing from the statuses add nothing to the histogram',
    numAllNodes: 3,
    absent: null,
    want: '0/3 nodes are available: 1 Insufficient cpu.',
  },
  {
    name: 'when every node has a status, the absent status is not counted (no "0 reason" entry)',
    numAllNodes: 1,
    absent: new Status(Code.UnschedulableAndUnresolvable, 'node(s) were absent'),
    want: '0/1 nodes are available: 1 Insufficient cpu.',
  },
];
for (const c of absentCases) {
  test(c.name, () => assert.equal(fitErrorMessage(c.numAllNodes, '', new Map([['a', u('Insufficient cpu')]]), c.absent), c.want));
}

test('with no reasons at all the message stops after the colon', () => {
  assert.equal(fitErrorMessage(0, '', new Map(), null), '0/0 nodes are available:');
  assert.equal(fitErrorMessage(2, '', new Map([['a', new Status(Code.Unschedulable)]]), new Status(Code.UnschedulableAndUnresolvable)), '0/2 nodes are available:');
});
