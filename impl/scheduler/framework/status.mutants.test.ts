// Status: the message joins the reasons as upstream's Status.Message(), which codes count as a
// rejection, withPlugin copies; SchedulerError is a named Error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Code, SchedulerError, SKIP, Status } from './status.ts';

const messageCases = [
  { name: 'no reasons give an empty message', reasons: [], want: '' },
  { name: 'one reason is the message', reasons: ['Insufficient cpu'], want: 'Insufficient cpu' },
  { name: 'several reasons are joined with ", "', reasons: ['Insufficient cpu', 'Insufficient memory'], want: 'Insufficient cpu, Insufficient memory' },
];
for (const c of messageCases) test(c.name, () => assert.equal(new Status(Code.Unschedulable, ...c.reasons).message(), c.want));

const rejectedCases = [
  { code: Code.Success, want: false },
  { code: Code.Unschedulable, want: true },
  { code: Code.UnschedulableAndUnresolvable, want: true },
  { code: Code.Error, want: false },
  { code: Code.Skip, want: false },
];
for (const c of rejectedCases) {
  test(`the ${c.code} code ${c.want ? 'is' : 'is not'} a rejection`, () => assert.equal(new Status(c.code).isRejected(), c.want));
}

test('the codes are spelled as upstream\'s Code.String()', () => {
  assert.deepEqual(Object.values(Code), ['Success', 'Unschedulable', 'UnschedulableAndUnresolvable', 'Error', 'Skip']);
});

test('withPlugin returns a copy naming the plugin and leaves the original alone', () => {
  const s = new Status(Code.UnschedulableAndUnresolvable, 'a', 'b');
  const w = s.withPlugin('P');
  assert.notEqual(w, s);
  assert.deepEqual([w.code, w.reasons, w.plugin], [Code.UnschedulableAndUnresolvable, ['a', 'b'], 'P']);
  assert.equal(s.plugin, '');
});

test('SKIP is a Skip status without reasons', () => assert.deepEqual([SKIP.code, SKIP.reasons, SKIP.plugin], [Code.Skip, [], '']));

test('SchedulerError is an Error named SchedulerError carrying the message', () => {
  const e = new SchedulerError('boom');
  assert.ok(e instanceof Error);
  assert.deepEqual([e.name, e.message, String(e)], ['SchedulerError', 'boom', 'SchedulerError: boom']);
});
