// The garbage collector against a fixture API: the writes it makes, read from the trace. Owners
// are created first and their dependents name them by the uid the API server gave them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actions, fixturePlane } from '../../controlplane/testing/fixturePlane.ts';
import type { KubeObject } from '../../client/index.ts';
import type { ControlPlane } from '../../controlplane/index.ts';
import { GARBAGE_COLLECTOR as ME, UNSEEN_OWNER_GRACE_MS } from './garbageCollector.ts';

const configMap = (name: string, owners: KubeObject[] = [], extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'ConfigMap',
  metadata: { name, namespace: 'default', ...extra, ...(owners.length && { ownerReferences: owners.map((o) => ({ apiVersion: 'v1', kind: String(o.kind), name: o.metadata.name, uid: o.metadata.uid })) }) },
});
const names = async (p: ControlPlane) => (await p.client.list('ConfigMap', { namespace: 'default' })).items.map((o) => o.metadata.name).sort();

/** Starts the collector on nothing, then makes `setup` through the admin client. */
async function plane(setup: (p: ControlPlane) => Promise<unknown>) {
  const p = await fixturePlane([ME]);
  await setup(p);
  await p.settle();
  return p;
}

const cases: { name: string; setup: (p: ControlPlane) => Promise<unknown>; change: (p: ControlPlane) => Promise<unknown>; want: string[]; left: string[] }[] = [
  {
    name: 'A dependent of a live owner is left alone',
    setup: async (p) => p.client.create(configMap('child', [await p.client.create(configMap('owner'))])),
    change: async (p) => p.client.patch('ConfigMap', 'default', 'owner', { data: { a: '1' } }),
    want: [],
    left: ['child', 'owner'],
  },
  {
    name: 'Deleting an owner deletes its dependents, and theirs in turn',
    setup: async (p) => {
      const owner = await p.client.create(configMap('owner'));
      await p.client.create(configMap('grandchild', [await p.client.create(configMap('child', [owner]))]));
    },
    change: (p) => p.client.delete('ConfigMap', 'default', 'owner'),
    want: ['delete configmaps default/child 200', 'delete configmaps default/grandchild 200'],
    left: [],
  },
  {
    name: 'A dependent with one owner left drops the reference to the deleted one',
    setup: async (p) => p.client.create(configMap('child', [await p.client.create(configMap('a')), await p.client.create(configMap('b'))])),
    change: (p) => p.client.delete('ConfigMap', 'default', 'a'),
    want: ['patch configmaps default/child 200'],
    left: ['b', 'child'],
  },
  {
    name: 'An owner recreated under the same name does not keep the old one\'s dependents',
    setup: async (p) => p.client.create(configMap('child', [await p.client.create(configMap('owner'))])),
    change: async (p) => {
      await p.client.delete('ConfigMap', 'default', 'owner');
      await p.client.create(configMap('owner'));
    },
    want: ['delete configmaps default/child 200'],
    left: ['owner'],
  },
  {
    name: 'An owner deleted with the orphan finalizer releases its dependents, then goes',
    setup: async (p) => p.client.create(configMap('child', [await p.client.create(configMap('owner', [], { finalizers: ['orphan'] }))])),
    change: (p) => p.client.delete('ConfigMap', 'default', 'owner'),
    want: ['patch configmaps default/child 200', 'patch configmaps default/owner 200'],
    left: ['child'],
  },
  {
    name: 'An owner deleted in the foreground goes after its blocking dependents',
    setup: async (p) => {
      const owner = await p.client.create(configMap('owner', [], { finalizers: ['foregroundDeletion'] }));
      const child = configMap('child', [owner]);
      child.metadata.ownerReferences[0].blockOwnerDeletion = true;
      await p.client.create(child);
    },
    change: (p) => p.client.delete('ConfigMap', 'default', 'owner'),
    want: ['delete configmaps default/child 200', 'patch configmaps default/owner 200'],
    left: [],
  },
];

for (const c of cases) {
  test(c.name, async () => {
    const p = await plane(c.setup);
    try {
      const since = p.trace.last;
      await c.change(p);
      await p.settle();
      assert.deepEqual(actions(p, ME, since), c.want);
      assert.deepEqual(await names(p), c.left);
    } finally {
      await p.stop();
    }
  });
}

test('A dependent naming an owner never seen is collected once the grace period has passed', async () => {
  const p = await plane((p) => p.client.create(configMap('child', [{ kind: 'ConfigMap', metadata: { name: 'ghost', uid: 'uid-ghost' } }])));
  try {
    assert.deepEqual(actions(p, ME), []);
    await p.advance(UNSEEN_OWNER_GRACE_MS);
    assert.deepEqual(actions(p, ME), ['delete configmaps default/child 200']);
  } finally {
    await p.stop();
  }
});

test('Before deleting, the collector reads the owner afresh, and deletes with a uid precondition', async () => {
  const p = await plane(async (p) => p.client.create(configMap('child', [await p.client.create(configMap('owner'))])));
  try {
    const since = p.trace.last;
    await p.client.delete('ConfigMap', 'default', 'owner');
    await p.settle();
    const mine = p.trace.since(since).filter((e) => e.kind === 'request' && e.actor === ME).map((e: any) => `${e.verb} ${e.name} ${e.code}`);
    assert.deepEqual(mine, ['get owner 404', 'delete child 200']);
  } finally {
    await p.stop();
  }
});
