// compileAffinityTerms: which namespaces a pod (anti-)affinity term covers (its list, its
// namespaceSelector, or the pod's own namespace) and the field paths of selector errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileAffinityTerms, defaultNamespaceLabels, type NamespaceLabels } from './affinityTerm.ts';

const team: Record<string, Record<string, string>> = { blue: { team: 'blue' }, green: { team: 'green' } };
const nsLabels: NamespaceLabels = (ns) => team[ns] ?? defaultNamespaceLabels(ns);
const web = { matchLabels: { app: 'web' } };

/** Which of `targets` (namespace/app) a single required term of a pod in namespace `own` matches. */
function matched(term: object, own: string, targets: string[]): string[] {
  const [t] = compileAffinityTerms([term], own, 'terms', false);
  return targets.filter((x) => {
    const [namespace, app] = x.split('/');
    return t.matches({ namespace, labels: { app } }, nsLabels);
  });
}

const all = ['own/web', 'blue/web', 'green/web', 'other/web', 'own/db', 'blue/db'];
const cases = [
  { name: 'no namespaces and no namespaceSelector mean the pod’s own namespace', term: { labelSelector: web }, want: ['own/web'] },
  { name: 'an explicit namespaces list replaces the pod’s own namespace', term: { labelSelector: web, namespaces: ['blue'] }, want: ['blue/web'] },
  {
    name: 'a namespaceSelector without namespaces covers only the namespaces whose labels it matches',
    term: { labelSelector: web, namespaceSelector: { matchLabels: { team: 'blue' } } },
    want: ['blue/web'],
  },
  {
    name: 'namespaces and namespaceSelector are ORed',
    term: { labelSelector: web, namespaces: ['green'], namespaceSelector: { matchLabels: { team: 'blue' } } },
    want: ['blue/web', 'green/web'],
  },
  { name: 'an empty namespaceSelector covers every namespace', term: { labelSelector: web, namespaceSelector: {} }, want: ['own/web', 'blue/web', 'green/web', 'other/web'] },
  {
    name: 'a namespaceSelector reads the namespace’s metadata.name label when it has no Namespace object',
    term: { labelSelector: web, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'other' } } },
    want: ['other/web'],
  },
  { name: 'a nil labelSelector matches no pod', term: { namespaces: ['own', 'blue'] }, want: [] },
];
for (const c of cases) test(c.name, () => assert.deepEqual(matched(c.term, 'own', all), c.want));

test('weighted terms read podAffinityTerm and the weight; unweighted ones weigh 1', () => {
  const [w] = compileAffinityTerms([{ weight: 7, podAffinityTerm: { labelSelector: web, topologyKey: 'zone' } }], 'own', 'p', true);
  assert.deepEqual([w.weight, w.topologyKey, [...w.namespaces]], [7, 'zone', ['own']]);
  const [u] = compileAffinityTerms([{ labelSelector: web }], 'own', 'r', false);
  assert.deepEqual([u.weight, u.topologyKey], [1, '']);
});

const bad = { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] };
const errors = [
  {
    name: 'a bad labelSelector of a required term is reported under terms[i].labelSelector',
    raw: [{ labelSelector: web }, { labelSelector: bad }],
    weighted: false,
    field: 'req[1].labelSelector.matchExpressions[0].operator',
  },
  {
    name: 'a bad namespaceSelector of a required term is reported under terms[i].namespaceSelector',
    raw: [{ labelSelector: web, namespaceSelector: bad }],
    weighted: false,
    field: 'req[0].namespaceSelector.matchExpressions[0].operator',
  },
  {
    name: 'a bad labelSelector of a weighted term is reported under terms[i].podAffinityTerm.labelSelector',
    raw: [{ weight: 1, podAffinityTerm: { labelSelector: bad } }],
    weighted: true,
    field: 'req[0].podAffinityTerm.labelSelector.matchExpressions[0].operator',
  },
];
for (const c of errors) {
  test(c.name, () => assert.throws(() => compileAffinityTerms(c.raw, 'own', 'req', c.weighted), { name: 'InvalidObjectError', field: c.field }));
}
