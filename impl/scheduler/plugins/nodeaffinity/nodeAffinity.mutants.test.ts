// NodeAffinity's PreFilter (which nodes `metadata.name In` matchFields allow, conflicts, Skip) and
// its Score/NormalizeScore edge cases, after upstream's node_affinity_test.go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cluster, makeNode, makePod, runScore } from '../../testing/fixtures.ts';
import { PodInfo } from '../../framework/podInfo.ts';
import { newNodeAffinity, REASON, REASON_CONFLICT } from './nodeAffinity.ts';

test('the reasons are upstream\'s text', () => {
  assert.equal(REASON, "node(s) didn't match Pod's node affinity/selector");
  assert.equal(REASON_CONFLICT, 'pod affinity terms conflict');
});

const nodes = [makeNode('n1', { labels: { disk: 'ssd' } }), makeNode('n2', { labels: { disk: 'hdd' } }), makeNode('n3')];
const required = (...terms: object[]) => ({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } });
const nameIn = (...values: string[]) => ({ key: 'metadata.name', operator: 'In', values });

/** PreFilter's answer: 'skip', 'conflict', null (every node goes to Filter) or the allowed node names. */
function preFilter(spec: object): 'skip' | 'conflict' | null | string[] {
  const got = newNodeAffinity().preFilter(cluster(nodes).state(), new PodInfo(makePod('p', { spec })));
  if (got === null) return null;
  if (got.status?.code === 'Skip') return 'skip';
  if (got.status) {
    assert.equal(got.status.code, 'UnschedulableAndUnresolvable');
    assert.deepEqual(got.status.reasons, [REASON_CONFLICT]);
    return 'conflict';
  }
  return [...got.nodeNames!].sort();
}

const cases: { name: string; spec: object; want: ReturnType<typeof preFilter> }[] = [
  { name: 'a pod without nodeSelector or required affinity is skipped', spec: {}, want: 'skip' },
  { name: 'only preferred terms are skipped at PreFilter', spec: { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchFields: [nameIn('n1')] } }] } } }, want: 'skip' },
  { name: 'a nodeSelector alone sends every node to Filter', spec: { nodeSelector: { disk: 'ssd' } }, want: null },
  { name: 'required affinity with no terms sends every node to Filter', spec: required(), want: null },
  { name: 'a term with only label expressions sends every node to Filter', spec: required({ matchExpressions: [{ key: 'disk', operator: 'Exists' }] }), want: null },
  { name: 'metadata.name In with several values allows those nodes', spec: required({ matchFields: [nameIn('n1', 'n2')] }), want: ['n1', 'n2'] },
  { name: 'metadata.name In in two terms allows the union', spec: required({ matchFields: [nameIn('n1')] }, { matchFields: [nameIn('n3')] }), want: ['n1', 'n3'] },
  { name: 'two metadata.name In in one term allow the intersection', spec: required({ matchFields: [nameIn('n1', 'n2'), nameIn('n2', 'n3')] }), want: ['n2'] },
  { name: 'a term without a metadata.name In lets every node through, terms being ORed', spec: required({ matchFields: [nameIn('n1')] }, { matchExpressions: [{ key: 'disk', operator: 'Exists' }] }), want: null },
  { name: 'metadata.name NotIn does not restrict at PreFilter', spec: required({ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['n1'] }] }), want: null },
  { name: 'a matchFields In on another field does not restrict at PreFilter', spec: required({ matchFields: [{ key: 'metadata.uid', operator: 'In', values: ['n1'] }] }), want: null },
  { name: 'metadata.name In without values conflicts', spec: required({ matchFields: [{ key: 'metadata.name', operator: 'In' }] }), want: 'conflict' },
  { name: 'names a node does not have still restrict (to nothing real)', spec: required({ matchFields: [nameIn('zz')] }), want: ['zz'] },
];
for (const c of cases) test(c.name, () => assert.deepEqual(preFilter(c.spec), c.want));

const preferred = (...terms: { weight: number; preference: object }[]) => ({ affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: terms } } });

test('preferred terms matching no node leave every score at 0', () => {
  const pod = makePod('p', { spec: preferred({ weight: 5, preference: { matchExpressions: [{ key: 'gpu', operator: 'Exists' }] } }) });
  assert.deepEqual(runScore(newNodeAffinity(), nodes, [], pod), { n1: 0, n2: 0, n3: 0 });
});

test('a preferred matchFields term on metadata.name scores that node', () => {
  const pod = makePod('p', { spec: preferred({ weight: 7, preference: { matchFields: [nameIn('n2')] } }) });
  assert.deepEqual(runScore(newNodeAffinity(), nodes, [], pod), { n1: 0, n2: 100, n3: 0 });
});

test('normalized scores are truncated proportions of the highest sum', () => {
  const pod = makePod('p', {
    spec: preferred(
      { weight: 2, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } },
      { weight: 1, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['hdd'] }] } },
    ),
  });
  assert.deepEqual(runScore(newNodeAffinity(), nodes, [], pod), { n1: 100, n2: 50, n3: 0 });
});
