// The ReplicaSet controller against a fixture API: the writes it makes, read from the trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actions, fixturePlane, pod } from '../../controlplane/testing/fixturePlane.ts';
import type { KubeObject } from '../../client/index.ts';
import type { ControlPlane } from '../../controlplane/index.ts';
import { REPLICASET_CONTROLLER as ME } from './replicaSetController.ts';

const replicaSet = (name: string, replicas: number, app = name): KubeObject => ({
  apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, namespace: 'default' },
  spec: { replicas, selector: { matchLabels: { app } }, template: { metadata: { labels: { app } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
});
/**
 * The controller's writes to pods, with generated name suffixes as `*`. Status writes are checked
 * by their result: a sync reports what it saw before its own writes, so their number varies.
 */
const writes = (plane: ControlPlane, since = 0) =>
  actions(plane, ME, since).filter((a) => a.includes(' pods ')).map((a) => a.replace(/-[bcdfghjklmnpqrstvwxz2456789]{5}\b/g, '-*'));
const podsOf = async (plane: ControlPlane, rs: string) => {
  const owner = await plane.client.get('ReplicaSet', 'default', rs);
  return (await plane.client.list('Pod', { namespace: 'default' })).items.filter((p) => p.metadata.ownerReferences?.some((r: any) => r.controller && r.uid === owner.metadata.uid)).map((p) => p.metadata.name!).sort();
};

const cases: { name: string; fixtures: KubeObject[]; change?: (plane: ControlPlane) => Promise<unknown>; want: string[]; owned: [string, number] }[] = [
  {
    name: 'A new ReplicaSet creates its replicas and reports them in its status',
    fixtures: [replicaSet('web', 3)],
    want: ['create pods default/web-* 201', 'create pods default/web-* 201', 'create pods default/web-* 201'],
    owned: ['web', 3],
  },
  {
    name: 'A deleted replica is replaced',
    fixtures: [replicaSet('web', 2)],
    change: async (p) => p.client.delete('Pod', 'default', (await podsOf(p, 'web'))[0]),
    want: ['create pods default/web-* 201'],
    owned: ['web', 2],
  },
  {
    name: 'Scaling down deletes the surplus',
    fixtures: [replicaSet('web', 3)],
    change: (p) => p.client.patch('ReplicaSet', 'default', 'web', { spec: { replicas: 1 } }),
    want: ['delete pods default/web-* 200', 'delete pods default/web-* 200'],
    owned: ['web', 1],
  },
  {
    name: 'An orphan whose labels match is adopted and counts as a replica',
    fixtures: [pod('stray', 'default', {}, { app: 'web' }), replicaSet('web', 2)],
    want: ['patch pods default/stray 200', 'create pods default/web-* 201'],
    owned: ['web', 2],
  },
  {
    name: 'An orphan created later is adopted and a surplus replica deleted',
    fixtures: [replicaSet('web', 1)],
    change: (p) => p.client.create(pod('stray', 'default', {}, { app: 'web' })),
    want: ['patch pods default/stray 200', 'delete pods default/web-* 200'],
    owned: ['web', 1],
  },
  {
    name: 'A replica relabelled out of the selector is released and replaced',
    fixtures: [replicaSet('web', 1)],
    change: async (p) => p.client.patch('Pod', 'default', (await podsOf(p, 'web'))[0], { metadata: { labels: { app: 'debug' } } }),
    want: ['patch pods default/web-* 200', 'create pods default/web-* 201'],
    owned: ['web', 1],
  },
  {
    name: 'Pods of another ReplicaSet with the same labels are left alone',
    fixtures: [replicaSet('a', 1, 'web'), replicaSet('b', 1, 'web')],
    want: ['create pods default/a-* 201', 'create pods default/b-* 201'],
    owned: ['b', 1],
  },
];

for (const c of cases) {
  test(c.name, async () => {
    const plane = await fixturePlane([ME], c.fixtures);
    try {
      let since = 0;
      if (c.change) {
        since = plane.trace.last;
        await c.change(plane);
        await plane.settle();
      }
      assert.deepEqual(writes(plane, since).sort(), [...c.want].sort());
      if (c.owned) {
        const [name, n] = c.owned;
        assert.equal((await podsOf(plane, name)).length, n);
        assert.equal((await plane.client.get('ReplicaSet', 'default', name)).status?.replicas, n);
      }
    } finally {
      await plane.stop();
    }
  });
}

test('Every create and delete is announced with an event on the ReplicaSet', async () => {
  const plane = await fixturePlane([ME], [replicaSet('web', 1)]);
  try {
    await plane.client.patch('ReplicaSet', 'default', 'web', { spec: { replicas: 0 } });
    await plane.settle();
    const events = (await plane.client.list('Event', { namespace: 'default' })).items.map((e) => `${e.involvedObject.kind} ${e.reason}: ${e.message.replace(/-[a-z0-9]{5}$/, '-*')}`);
    assert.deepEqual(events.sort(), ['ReplicaSet SuccessfulCreate: Created pod: web-*', 'ReplicaSet SuccessfulDelete: Deleted pod: web-*']);
  } finally {
    await plane.stop();
  }
});

test('The same seed names the pods the same way', async () => {
  const names = async () => {
    const plane = await fixturePlane([ME], [replicaSet('web', 3)], { seed: 11 });
    try {
      return await podsOf(plane, 'web');
    } finally {
      await plane.stop();
    }
  };
  assert.deepEqual(await names(), await names());
});
