import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeNode, makePod, runFilter, runScore } from '../../testing/fixtures.ts';
import { newNodeAffinity, REASON, REASON_CONFLICT } from './nodeAffinity.ts';

const ssd = makeNode('ssd', { labels: { disk: 'ssd', gen: '5' } });
const hdd = makeNode('hdd', { labels: { disk: 'hdd', gen: '3' } });
const bare = makeNode('bare');
const nodes = [ssd, hdd, bare];

const required = (...terms: object[]) => ({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } });
const expr = (key: string, operator: string, values?: string[]) => ({ matchExpressions: [{ key, operator, values }] });

const cases: { name: string; spec: object; fits: string[] }[] = [
  { name: 'no selector and no affinity fits every node', spec: {}, fits: ['ssd', 'hdd', 'bare'] },
  { name: 'nodeSelector requires every label to be equal', spec: { nodeSelector: { disk: 'ssd' } }, fits: ['ssd'] },
  { name: 'In matches one of the values', spec: required(expr('disk', 'In', ['ssd', 'nvme'])), fits: ['ssd'] },
  { name: 'NotIn matches nodes without the label too', spec: required(expr('disk', 'NotIn', ['ssd'])), fits: ['hdd', 'bare'] },
  { name: 'Exists needs the label', spec: required(expr('disk', 'Exists')), fits: ['ssd', 'hdd'] },
  { name: 'DoesNotExist needs its absence', spec: required(expr('disk', 'DoesNotExist')), fits: ['bare'] },
  { name: 'Gt compares integers', spec: required(expr('gen', 'Gt', ['4'])), fits: ['ssd'] },
  { name: 'Lt compares integers', spec: required(expr('gen', 'Lt', ['4'])), fits: ['hdd'] },
  { name: 'Gt with a non-integer value matches nothing', spec: required(expr('gen', 'Gt', ['four'])), fits: [] },
  { name: 'terms are ORed', spec: required(expr('disk', 'In', ['ssd']), expr('disk', 'DoesNotExist')), fits: ['ssd', 'bare'] },
  {
    name: 'expressions within a term are ANDed',
    spec: required({ matchExpressions: [{ key: 'disk', operator: 'Exists' }, { key: 'gen', operator: 'Lt', values: ['4'] }] }),
    fits: ['hdd'],
  },
  { name: 'nodeSelector and required affinity must both hold', spec: { nodeSelector: { disk: 'ssd' }, ...required(expr('gen', 'Lt', ['4'])) }, fits: [] },
  { name: 'matchFields metadata.name In restricts to the named nodes', spec: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['hdd'] }] }), fits: ['hdd'] },
  { name: 'matchFields metadata.name NotIn excludes the named node', spec: required({ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['hdd'] }] }), fits: ['ssd', 'bare'] },
  { name: 'an empty term matches no node', spec: required({}), fits: [] },
];
for (const c of cases) {
  test(c.name, () => {
    const got = runFilter(newNodeAffinity(), nodes, [], makePod('p', { spec: c.spec }));
    assert.deepEqual(Object.keys(got).filter((n) => got[n].code === 'Success').sort(), [...c.fits].sort());
    for (const n of Object.keys(got)) if (got[n].code !== 'Success' && got[n].reasons[0] !== 'excluded by PreFilter') assert.deepEqual(got[n].reasons, [REASON]);
  });
}

test('metadata.name In terms with disjoint names conflict at PreFilter', () => {
  const spec = required({
    matchFields: [
      { key: 'metadata.name', operator: 'In', values: ['ssd'] },
      { key: 'metadata.name', operator: 'In', values: ['hdd'] },
    ],
  });
  const got = runFilter(newNodeAffinity(), nodes, [], makePod('p', { spec }));
  assert.deepEqual(got.ssd, { code: 'UnschedulableAndUnresolvable', reasons: [REASON_CONFLICT] });
});

test('preferred terms score the sum of matching weights, normalized to 100', () => {
  const spec = {
    affinity: {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 10, preference: expr('disk', 'In', ['ssd']) },
          { weight: 30, preference: expr('gen', 'Exists') },
        ],
      },
    },
  };
  assert.deepEqual(runScore(newNodeAffinity(), nodes, [], makePod('p', { spec })), { ssd: 100, hdd: 75, bare: 0 });
});

test('a pod without preferred terms is not scored', () => {
  assert.equal(runScore(newNodeAffinity(), nodes, [], makePod('p')), null);
});
