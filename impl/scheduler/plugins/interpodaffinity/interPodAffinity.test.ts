import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeNode, makePod, runFilter, runScore } from '../../testing/fixtures.ts';
import { newInterPodAffinity, REASON_AFFINITY, REASON_ANTI_AFFINITY, REASON_EXISTING_ANTI_AFFINITY } from './interPodAffinity.ts';

const zone = (name: string, z: string) => makeNode(name, { labels: { 'topology.kubernetes.io/zone': z } });
const nodes = [zone('a1', 'a'), zone('a2', 'a'), zone('b1', 'b')];
const term = (app: string, topologyKey: string, extra: object = {}) => ({ labelSelector: { matchLabels: { app } }, topologyKey, ...extra });
const affinity = (kind: 'podAffinity' | 'podAntiAffinity', terms: object[]) => ({ affinity: { [kind]: { requiredDuringSchedulingIgnoredDuringExecution: terms } } });
const app = (name: string, a: string, node?: string, spec?: object, namespace?: string) => makePod(name, { node, labels: { app: a }, spec, namespace });

const cases: { name: string; placed: ReturnType<typeof makePod>[]; pod: ReturnType<typeof makePod>; fits: string[]; reason?: string }[] = [
  {
    name: 'required affinity by zone allows the zone of a matching pod',
    placed: [app('db', 'db', 'a1')],
    pod: app('p', 'web', undefined, affinity('podAffinity', [term('db', 'topology.kubernetes.io/zone')])),
    fits: ['a1', 'a2'],
    reason: REASON_AFFINITY,
  },
  {
    name: 'required affinity by hostname allows only the node of a matching pod',
    placed: [app('db', 'db', 'a1')],
    pod: app('p', 'web', undefined, affinity('podAffinity', [term('db', 'kubernetes.io/hostname')])),
    fits: ['a1'],
    reason: REASON_AFFINITY,
  },
  {
    name: 'the first pod of a group with affinity to itself may go anywhere',
    placed: [],
    pod: app('p', 'web', undefined, affinity('podAffinity', [term('web', 'topology.kubernetes.io/zone')])),
    fits: ['a1', 'a2', 'b1'],
  },
  {
    name: 'required anti-affinity by zone excludes the zone of a matching pod',
    placed: [app('w1', 'web', 'a1')],
    pod: app('p', 'web', undefined, affinity('podAntiAffinity', [term('web', 'topology.kubernetes.io/zone')])),
    fits: ['b1'],
    reason: REASON_ANTI_AFFINITY,
  },
  {
    name: 'a placed pod\'s anti-affinity keeps the incoming pod out of its domain',
    placed: [app('loner', 'loner', 'b1', affinity('podAntiAffinity', [term('web', 'topology.kubernetes.io/zone')]))],
    pod: app('p', 'web'),
    fits: ['a1', 'a2'],
    reason: REASON_EXISTING_ANTI_AFFINITY,
  },
  {
    name: 'terms select pods of the pod\'s own namespace by default',
    placed: [app('w1', 'web', 'a1', undefined, 'other')],
    pod: app('p', 'web', undefined, affinity('podAntiAffinity', [term('web', 'topology.kubernetes.io/zone')])),
    fits: ['a1', 'a2', 'b1'],
  },
  {
    name: 'a namespaceSelector on kubernetes.io/metadata.name reaches another namespace',
    placed: [app('w1', 'web', 'a1', undefined, 'other')],
    pod: app('p', 'web', undefined, affinity('podAntiAffinity', [term('web', 'topology.kubernetes.io/zone', { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'other' } } })])),
    fits: ['b1'],
    reason: REASON_ANTI_AFFINITY,
  },
  {
    name: 'an empty namespaceSelector selects every namespace',
    placed: [app('w1', 'web', 'b1', undefined, 'other')],
    pod: app('p', 'web', undefined, affinity('podAntiAffinity', [term('web', 'topology.kubernetes.io/zone', { namespaceSelector: {} })])),
    fits: ['a1', 'a2'],
    reason: REASON_ANTI_AFFINITY,
  },
];
for (const c of cases) {
  test(c.name, () => {
    const got = runFilter(newInterPodAffinity(), nodes, c.placed, c.pod);
    assert.deepEqual(Object.keys(got).filter((n) => got[n].code === 'Success').sort(), c.fits);
    for (const n of Object.keys(got)) if (!c.fits.includes(n)) assert.deepEqual(got[n].reasons, [c.reason]);
  });
}

test('preferred affinity scores the zone of matching pods highest', () => {
  const spec = { affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, podAffinityTerm: term('db', 'topology.kubernetes.io/zone') }] } } };
  assert.deepEqual(runScore(newInterPodAffinity(), nodes, [app('db', 'db', 'b1')], app('p', 'web', undefined, spec)), { a1: 0, a2: 0, b1: 100 });
});

test('preferred anti-affinity scores the zone of matching pods lowest', () => {
  const spec = { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, podAffinityTerm: term('web', 'topology.kubernetes.io/zone') }] } } };
  assert.deepEqual(runScore(newInterPodAffinity(), nodes, [app('w', 'web', 'b1')], app('p', 'web', undefined, spec)), { a1: 100, a2: 100, b1: 0 });
});
