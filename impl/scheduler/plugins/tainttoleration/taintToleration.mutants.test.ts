// TaintToleration: which taint a rejection names, which tolerations count at Score, and how
// several PreferNoSchedule taints rank, after upstream's taint_toleration_test.go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeNode, makePod, runFilter, runScore } from '../../testing/fixtures.ts';
import { newTaintToleration, reason } from './taintToleration.ts';

type Taint = { key: string; value?: string; effect: string };
const node = (name: string, ...taints: Taint[]) => makeNode(name, { taints });
const withTolerations = (tolerations: object[]) => makePod('p', { spec: { tolerations } });

test('the first untolerated taint in the node\'s order is named', () => {
  const n = node('n', { key: 'soft', value: 's', effect: 'PreferNoSchedule' }, { key: 'ok', value: 'v', effect: 'NoSchedule' }, { key: 'first', value: '1', effect: 'NoExecute' }, { key: 'second', value: '2', effect: 'NoSchedule' });
  const got = runFilter(newTaintToleration(), [n], [], withTolerations([{ key: 'ok', operator: 'Exists' }]));
  assert.deepEqual(got.n, { code: 'UnschedulableAndUnresolvable', reasons: [reason('first', '1')] });
});

test('a taint without a value is named with an empty value', () => {
  const got = runFilter(newTaintToleration(), [node('n', { key: 'dedicated', effect: 'NoSchedule' })], [], makePod('p'));
  assert.deepEqual(got.n.reasons, ['node(s) had untolerated taint {dedicated: }']);
});

const scoreCases = [
  {
    name: 'more untolerated PreferNoSchedule taints score lower, proportionally',
    nodes: [node('two', { key: 'a', value: '1', effect: 'PreferNoSchedule' }, { key: 'b', value: '1', effect: 'PreferNoSchedule' }), node('one', { key: 'a', value: '1', effect: 'PreferNoSchedule' }), node('none')],
    tolerations: [], want: { two: 0, one: 50, none: 100 },
  },
  {
    name: 'NoSchedule and NoExecute taints do not lower the score',
    nodes: [node('hard', { key: 'a', value: '1', effect: 'NoSchedule' }, { key: 'b', value: '1', effect: 'NoExecute' }, { key: 'c', value: '1', effect: 'PreferNoSchedule' }), node('soft', { key: 'c', value: '1', effect: 'PreferNoSchedule' })],
    tolerations: [], want: { hard: 0, soft: 0 },
  },
  {
    name: 'a toleration without an effect tolerates a PreferNoSchedule taint at Score',
    nodes: [node('soft', { key: 'spot', value: 'true', effect: 'PreferNoSchedule' }), node('plain')],
    tolerations: [{ key: 'spot', operator: 'Exists' }], want: { soft: 100, plain: 100 },
  },
  {
    name: 'a NoSchedule toleration does not help at Score',
    nodes: [node('soft', { key: 'spot', value: 'true', effect: 'PreferNoSchedule' }), node('plain')],
    tolerations: [{ key: 'spot', operator: 'Exists', effect: 'NoSchedule' }], want: { soft: 0, plain: 100 },
  },
  {
    name: 'tolerating one of two PreferNoSchedule taints counts the other',
    nodes: [node('two', { key: 'a', value: '1', effect: 'PreferNoSchedule' }, { key: 'b', value: '1', effect: 'PreferNoSchedule' }), node('one', { key: 'a', value: '1', effect: 'PreferNoSchedule' })],
    tolerations: [{ key: 'a', operator: 'Equal', value: '1', effect: 'PreferNoSchedule' }], want: { two: 0, one: 100 },
  },
];
for (const c of scoreCases) test(c.name, () => assert.deepEqual(runScore(newTaintToleration(), c.nodes, [], withTolerations(c.tolerations)), c.want));
