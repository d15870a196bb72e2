// compileTerm/termMatches: each node selector operator (Gt/Lt read base-10 integers like strconv.ParseInt),
// matchFields on metadata.name, and terms that cannot be parsed, which match no node as upstream ignores
// their parse errors. RequiredNodeAffinity ANDs spec.nodeSelector with the ORed terms; compilePreferred
// drops weight-0 and empty preferences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePreferred, compileTerm, RequiredNodeAffinity, termMatches } from './nodeSelector.ts';

const expr = (operator: string, values?: string[], key = 'cores') => ({ key, operator, ...(values ? { values } : {}) });
const field = (operator: string, values?: string[], key = 'metadata.name') => ({ key, operator, ...(values ? { values } : {}) });

const cases: { name: string; term: object; labels?: Record<string, string>; node?: string; want: boolean }[] = [
  { name: 'In matches a listed value', term: { matchExpressions: [expr('In', ['4', '8'])] }, labels: { cores: '8' }, want: true },
  { name: 'In rejects a missing key', term: { matchExpressions: [expr('In', ['8'])] }, labels: {}, want: false },
  { name: 'NotIn rejects a listed value', term: { matchExpressions: [expr('NotIn', ['8'])] }, labels: { cores: '8' }, want: false },
  { name: 'NotIn matches a missing key', term: { matchExpressions: [expr('NotIn', ['8'])] }, labels: {}, want: true },
  { name: 'Exists rejects a missing key', term: { matchExpressions: [expr('Exists')] }, labels: { other: '1' }, want: false },
  { name: 'Exists matches an empty value', term: { matchExpressions: [expr('Exists')] }, labels: { cores: '' }, want: true },
  { name: 'DoesNotExist rejects the key', term: { matchExpressions: [expr('DoesNotExist')] }, labels: { cores: '1' }, want: false },
  { name: 'Gt matches a larger integer', term: { matchExpressions: [expr('Gt', ['5'])] }, labels: { cores: '10' }, want: true },
  { name: 'Gt rejects an equal integer', term: { matchExpressions: [expr('Gt', ['5'])] }, labels: { cores: '5' }, want: false },
  { name: 'Lt matches a smaller negative integer', term: { matchExpressions: [expr('Lt', ['0'])] }, labels: { cores: '-3' }, want: true },
  { name: 'Lt rejects an equal integer', term: { matchExpressions: [expr('Lt', ['5'])] }, labels: { cores: '5' }, want: false },
  { name: 'Gt reads an explicit plus sign', term: { matchExpressions: [expr('Gt', ['+2'])] }, labels: { cores: '+3' }, want: true },
  { name: 'Gt rejects a label in exponent notation', term: { matchExpressions: [expr('Gt', ['5'])] }, labels: { cores: '1e3' }, want: false },
  { name: 'Gt rejects a hexadecimal label', term: { matchExpressions: [expr('Gt', ['5'])] }, labels: { cores: '0x10' }, want: false },
  { name: 'Lt rejects an empty label value', term: { matchExpressions: [expr('Lt', ['5'])] }, labels: { cores: '' }, want: false },
  { name: 'Lt rejects a missing key', term: { matchExpressions: [expr('Lt', ['5'])] }, labels: {}, want: false },
  { name: 'Gt with two values cannot be parsed and matches no node', term: { matchExpressions: [expr('Gt', ['1', '2'])] }, labels: { cores: '10' }, want: false },
  { name: 'Gt with a non-integer value cannot be parsed and matches no node', term: { matchExpressions: [expr('Gt', ['1e0'])] }, labels: { cores: '10' }, want: false },
  { name: 'NotIn without values cannot be parsed and matches no node', term: { matchExpressions: [expr('NotIn')] }, labels: { cores: '1' }, want: false },
  { name: 'Exists with values cannot be parsed and matches no node', term: { matchExpressions: [expr('Exists', ['1'])] }, labels: { cores: '1' }, want: false },
  { name: 'an unknown operator cannot be parsed and matches no node', term: { matchExpressions: [expr('In', ['1']), expr('Near', ['1'])] }, labels: { cores: '1' }, want: false },
  { name: 'a term with no requirements matches no node', term: {}, want: false },
  { name: 'metadata.name In matches the listed node', term: { matchFields: [field('In', ['n1'])] }, node: 'n1', want: true },
  { name: 'metadata.name In rejects another node', term: { matchFields: [field('In', ['n1'])] }, node: 'n2', want: false },
  { name: 'metadata.name NotIn matches another node', term: { matchFields: [field('NotIn', ['n1'])] }, node: 'n2', want: true },
  { name: 'an In on a field other than metadata.name does not match the node’s name', term: { matchFields: [field('In', ['n1'], 'spec.nodeName')] }, node: 'n1', want: false },
  { name: 'a matchFields Exists cannot be parsed, so the term matches no node', term: { matchExpressions: [expr('Exists')], matchFields: [field('Exists')] }, labels: { cores: '1' }, node: 'n1', want: false },
  { name: 'a matchFields Gt cannot be parsed, so the term matches no node', term: { matchExpressions: [expr('Exists')], matchFields: [field('Gt', ['1'])] }, labels: { cores: '1' }, node: '2', want: false },
];
for (const c of cases) test(c.name, () => assert.equal(termMatches(compileTerm(c.term), c.labels ?? {}, c.node ?? 'n1'), c.want));

test('spec.nodeSelector and the required terms must both match', () => {
  const terms = [compileTerm({ matchExpressions: [expr('In', ['a'], 'zone')] }), compileTerm({ matchFields: [field('In', ['n9'])] })];
  const a = new RequiredNodeAffinity({ disk: 'ssd' }, terms);
  assert.deepEqual(
    [a.matches({ disk: 'ssd', zone: 'a' }, 'n1'), a.matches({ disk: 'ssd' }, 'n9'), a.matches({ disk: 'hdd', zone: 'a' }, 'n1'), a.matches({ disk: 'ssd' }, 'n1')],
    [true, true, false, false],
  );
  assert.equal(new RequiredNodeAffinity(null, terms).matches({ zone: 'a' }, 'n1'), true);
  assert.equal(new RequiredNodeAffinity(null, []).matches({}, 'n1'), false);
  assert.equal(RequiredNodeAffinity.NONE.matches({}, 'n1'), true);
});

test('preferred terms with weight 0 or without requirements are dropped', () => {
  const zone = { matchExpressions: [expr('In', ['a'], 'zone')] };
  const zoneAndName = { ...zone, matchFields: [field('In', ['n1'])] };
  const got = compilePreferred([{ weight: 0, preference: zone }, { weight: 3, preference: {} }, { weight: 4 }, { weight: 2, preference: zone }, { weight: 5, preference: zoneAndName }]);
  assert.deepEqual(got.map((p) => [p.weight, termMatches(p.term, { zone: 'a' }, 'n1')]), [[2, true], [5, true]]);
});
