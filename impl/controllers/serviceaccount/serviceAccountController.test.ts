// The serviceaccount controller against a fixture API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actions, fixturePlane } from '../../controlplane/testing/fixturePlane.ts';
import type { KubeObject } from '../../client/index.ts';

const ME = 'serviceaccount-controller';
const BOOTSTRAP = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];
const ns = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const sa = (namespace: string, name = 'default'): KubeObject => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } });
const accountsFor = (namespaces: string[]) => namespaces.map((n) => `create serviceaccounts ${n}/default 201`);

const cases: { name: string; fixtures: KubeObject[]; want: string[] }[] = [
  { name: 'every namespace without a default ServiceAccount gets one', fixtures: [ns('team')], want: accountsFor([...BOOTSTRAP, 'team'].sort()) },
  { name: 'a namespace that has one gets none', fixtures: [ns('team'), sa('team')], want: accountsFor(BOOTSTRAP) },
  { name: 'an account with another name does not count', fixtures: [ns('team'), sa('team', 'builder')], want: accountsFor([...BOOTSTRAP, 'team'].sort()) },
];

for (const c of cases) {
  test(c.name, async () => {
    const plane = await fixturePlane([ME], c.fixtures);
    try {
      assert.deepEqual(actions(plane, ME).sort(), c.want.sort());
    } finally {
      await plane.stop();
    }
  });
}

test('a deleted default ServiceAccount is created again, and none in a Terminating namespace', async () => {
  const plane = await fixturePlane([ME], [ns('team'), ns('leaving')]);
  try {
    const before = plane.trace.last;
    await plane.client.delete('Namespace', undefined, 'leaving');
    await plane.client.delete('ServiceAccount', 'leaving', 'default');
    await plane.client.delete('ServiceAccount', 'team', 'default');
    await plane.settle();
    assert.deepEqual(actions(plane, ME, before), ['create serviceaccounts team/default 201']);
  } finally {
    await plane.stop();
  }
});
