// defaultSpreadSelector: a controlled pod's labels, less the per-replica ones, select its siblings;
// a pod without a controller, or with nothing left to select on, is not spread by default.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSpreadSelector } from './defaultSpreadSelector.ts';
import { PodInfo } from './framework/podInfo.ts';
import { makePod } from './testing/fixtures.ts';

const POD_NAME = 'statefulset.kubernetes.io/pod-name';
const POD_INDEX = 'apps.kubernetes.io/pod-index';

const cases: { name: string; labels: Record<string, string>; owner?: string; matches: Record<string, string>[]; misses: Record<string, string>[] }[] = [
  { name: 'a pod without a controller selects nothing', labels: { app: 'web' }, matches: [], misses: [{ app: 'web' }, {}] },
  { name: 'a controlled pod selects the pods carrying all its labels', labels: { app: 'web', tier: 'fe' }, owner: 'rs', matches: [{ app: 'web', tier: 'fe', extra: 'x' }], misses: [{ app: 'web' }, { app: 'db', tier: 'fe' }, {}] },
  { name: 'the StatefulSet pod name is left out of the selector', labels: { app: 'db', [POD_NAME]: 'db-0' }, owner: 'ss', matches: [{ app: 'db', [POD_NAME]: 'db-1' }, { app: 'db' }], misses: [{ [POD_NAME]: 'db-0' }] },
  { name: 'the pod index is left out of the selector', labels: { app: 'db', [POD_INDEX]: '0' }, owner: 'ss', matches: [{ app: 'db', [POD_INDEX]: '1' }, { app: 'db' }], misses: [{ [POD_INDEX]: '0' }] },
  { name: 'a controlled pod with only per-replica labels selects nothing', labels: { [POD_NAME]: 'db-0', [POD_INDEX]: '0' }, owner: 'ss', matches: [], misses: [{ [POD_NAME]: 'db-0', [POD_INDEX]: '0' }, {}] },
  { name: 'a controlled pod without labels selects nothing', labels: {}, owner: 'rs', matches: [], misses: [{}, { app: 'web' }] },
];

for (const c of cases) {
  test(c.name, () => {
    const selector = defaultSpreadSelector(new PodInfo(makePod('p', { labels: c.labels, owner: c.owner })));
    for (const l of c.matches) assert.equal(selector.matches(l), true, JSON.stringify(l));
    for (const l of c.misses) assert.equal(selector.matches(l), false, JSON.stringify(l));
    if (c.matches.length === 0) assert.equal(selector.empty, false);
  });
}
