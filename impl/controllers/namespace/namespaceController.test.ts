// The namespace controller against a fixture API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actions, fixturePlane, pod } from '../../controlplane/testing/fixturePlane.ts';
import { isNotFound, type KubeObject } from '../../client/index.ts';

const ME = 'namespace-controller';
const ns = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const configMap = (name: string, namespace: string, finalizers?: string[]): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, ...(finalizers ? { finalizers } : {}) } });
const service: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'team' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } };

const cases = [
  {
    name: 'a Terminating namespace has every namespaced resource deleted, then is finalized and gone',
    fixtures: [ns('team'), pod('web', 'team'), configMap('settings', 'team'), service],
    deletes: true,
    finalized: true,
  },
  { name: 'an Active namespace is left alone', fixtures: [ns('team'), configMap('settings', 'team')], deletes: false, finalized: false },
  {
    name: 'an object held by its own finalizer keeps the namespace Terminating',
    fixtures: [ns('team'), configMap('held', 'team', ['example.com/hold'])],
    deletes: true,
    finalized: false,
  },
];

for (const c of cases) {
  test(c.name, async () => {
    const plane = await fixturePlane([ME], c.fixtures);
    try {
      if (c.deletes) await plane.client.delete('Namespace', undefined, 'team');
      await plane.settle();
      const done = actions(plane, ME);
      assert.ok(done.filter((a) => !a.startsWith('deletecollection ')).length <= 1, done.join('\n'));
      assert.equal(done.some((a) => a.startsWith('deletecollection configmaps team')), c.deletes, 'deletecollection of configmaps');
      assert.equal(done.at(-1) === 'update namespaces team/finalize 200', c.finalized, `last action: ${done.at(-1)}`);
      const gone = await plane.client.get('Namespace', undefined, 'team').then(() => false, isNotFound);
      assert.equal(gone, c.finalized, 'namespace gone');
      if (c.finalized) assert.deepEqual((await plane.client.list('Pod', { namespace: 'team' })).items, []);
    } finally {
      await plane.stop();
    }
  });
}

test('the namespace is finalized once the held object lets go', async () => {
  const plane = await fixturePlane([ME], [ns('team'), configMap('held', 'team', ['example.com/hold'])]);
  try {
    await plane.client.delete('Namespace', undefined, 'team');
    await plane.settle();
    await plane.client.patch('ConfigMap', 'team', 'held', { metadata: { finalizers: null } });
    await plane.advance(2000);
    assert.ok(await plane.client.get('Namespace', undefined, 'team').then(() => false, isNotFound));
  } finally {
    await plane.stop();
  }
});
