// The scheduler component against a fixture API: what it writes for each cluster.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actions, fixturePlane, node, pod } from '../../controlplane/testing/fixturePlane.ts';
import type { KubeObject } from '../../client/index.ts';

const ME = 'kube-scheduler';

const cases: { name: string; fixtures: KubeObject[]; want: string[]; check?: (get: (name: string) => Promise<KubeObject>) => Promise<void> }[] = [
  {
    name: 'a pod without a node is bound to the only node through pods/binding',
    fixtures: [node('n1'), pod('web')],
    want: ['create pods default/web/binding 201'],
    check: async (get) => assert.equal((await get('web')).spec.nodeName, 'n1'),
  },
  {
    name: 'a pod that already has a node is left alone',
    fixtures: [node('n1'), pod('placed', 'default', { nodeName: 'n1' })],
    want: [],
  },
  {
    name: 'a pod for another scheduler is left alone',
    fixtures: [node('n1'), pod('other', 'default', { schedulerName: 'my-scheduler' })],
    want: [],
  },
  {
    name: 'an unschedulable pod gets PodScheduled=False with the FitError message and a FailedScheduling event',
    fixtures: [node('n1', '1'), pod('big', 'default', { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '2' } } }] })],
    want: ['patch pods default/big/status 200', 'create events default/<pod>.<hex> 201'],
    check: async (get) => {
      const condition = (await get('big')).status.conditions.find((c: KubeObject) => c.type === 'PodScheduled');
      assert.deepEqual([condition.status, condition.reason, condition.message], ['False', 'Unschedulable', '0/1 nodes are available: 1 Insufficient cpu.']);
    },
  },
  {
    name: 'with no nodes at all the message says so',
    fixtures: [pod('lonely')],
    want: ['patch pods default/lonely/status 200', 'create events default/<pod>.<hex> 201'],
    check: async (get) => assert.equal((await get('lonely')).status.conditions[0].message, 'no nodes available to schedule pods'),
  },
];

for (const c of cases) {
  test(c.name, async () => {
    const plane = await fixturePlane([ME], c.fixtures);
    try {
      assert.deepEqual(actions(plane, ME).map((a) => a.replace(/^create events (\S+)\/\S+ /, 'create events $1/<pod>.<hex> ')), c.want);
      await c.check?.((name) => plane.client.get('Pod', 'default', name));
    } finally {
      await plane.stop();
    }
  });
}

test('an unschedulable pod is bound once a node that fits appears', async () => {
  const plane = await fixturePlane([ME], [node('small', '1'), pod('big', 'default', { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '2' } } }] })]);
  try {
    const before = plane.trace.last;
    await plane.client.create(node('large', '8'));
    await plane.settle();
    assert.deepEqual(actions(plane, ME, before), ['create pods default/big/binding 201']);
    assert.equal((await plane.client.get('Pod', 'default', 'big')).spec.nodeName, 'large');
  } finally {
    await plane.stop();
  }
});

test('an unschedulable pod is retried on a backoff timer, and the event counts the attempts', async () => {
  const plane = await fixturePlane([ME], [pod('lonely')]);
  try {
    await plane.advance(60_000);
    const events = (await plane.client.list('Event', { namespace: 'default' })).items;
    assert.equal(events.length, 1);
    assert.equal(events[0].reason, 'FailedScheduling');
    assert.equal(events[0].type, 'Warning');
    assert.ok(events[0].count >= 5, `count ${events[0].count}: retries at 1, 2, 4, 8, 16, 32 s`);
  } finally {
    await plane.stop();
  }
});

test('pods fill a node and the rest wait: no resource is over-committed', async () => {
  const fixtures = [node('n1', '2'), ...['a', 'b', 'c'].map((n) => pod(n, 'default', { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '1' } } }] }))];
  const plane = await fixturePlane([ME], fixtures);
  try {
    const pods = (await plane.client.list('Pod', { namespace: 'default' })).items;
    assert.equal(pods.filter((p) => p.spec.nodeName === 'n1').length, 2);
    assert.equal(pods.filter((p) => !p.spec.nodeName).length, 1);
  } finally {
    await plane.stop();
  }
});

const cpuPod = (name: string, cpu: string, spec: Record<string, unknown> = {}) =>
  pod(name, 'default', { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu } } }], ...spec });
const podScheduled = async (plane: Awaited<ReturnType<typeof fixturePlane>>, name: string) => {
  const p = await plane.client.get('Pod', 'default', name);
  return p.spec.nodeName ?? p.status.conditions?.find((c: KubeObject) => c.type === 'PodScheduled')?.message;
};

test('an unschedulable pod is bound once its node reports allocatable resources (a node update)', async () => {
  const plane = await fixturePlane([ME], [cpuPod('web', '1')]);
  try {
    const { status, ...registering } = node('n1');
    const created = await plane.client.create(registering);
    await plane.settle();
    assert.match(String(await podScheduled(plane, 'web')), /^0\/1 nodes are available: .*Insufficient cpu/);
    await plane.client.updateStatus({ ...created, status });
    await plane.settle();
    assert.equal(await podScheduled(plane, 'web'), 'n1');
  } finally {
    await plane.stop();
  }
});

test('a pod bound to a deleted node still counts on a new node of that name until it is deleted', async () => {
  const plane = await fixturePlane([ME], [node('n1', '2'), cpuPod('old', '2', { nodeName: 'n1' })]);
  try {
    await plane.client.delete('Node', undefined, 'n1');
    await plane.client.create(node('n1', '2'));
    await plane.client.create(cpuPod('new', '1'));
    await plane.settle();
    assert.equal(await podScheduled(plane, 'new'), '0/1 nodes are available: 1 Insufficient cpu.');
    await plane.client.delete('Pod', 'default', 'old');
    await plane.settle();
    assert.equal(await podScheduled(plane, 'new'), 'n1');
  } finally {
    await plane.stop();
  }
});
