// The Deployment controller against a fixture API: the writes it makes, read from the trace.
// Only the Deployment controller runs, so ReplicaSets get no pods and report no status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actions, fixturePlane } from '../../controlplane/testing/fixturePlane.ts';
import type { KubeObject } from '../../client/index.ts';
import type { ControlPlane } from '../../controlplane/index.ts';
import { DEPLOYMENT_CONTROLLER as ME } from './deploymentController.ts';
import { REVISION } from './annotations.ts';

const template = (image: string) => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image }] } });
/** How the tables name a ReplicaSet the Deployment made: by its image (the hash is of the defaulted template). */
const rsName = (image: string) => `rs(${image})`;
const deployment = (image: string, replicas = 2): KubeObject => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: template(image) },
});
const orphanSet = (name: string, image: string): KubeObject => ({
  apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, namespace: 'default', labels: { app: 'web' } },
  spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: template(image) },
});
/** Names of ReplicaSets as the tables write them. */
async function readable(p: ControlPlane): Promise<(text: string) => string> {
  const sets = (await p.client.list('ReplicaSet', { namespace: 'default' })).items;
  const names = sets.filter((rs) => rs.metadata.labels?.['pod-template-hash']).map((rs) => [String(rs.metadata.name), rsName(rs.spec.template.spec.containers[0].image)]);
  return (text) => names.reduce((t, [name, shown]) => t.split(name).join(shown), text);
}
/** Writes other than events and status, in order, without repeats of the same write in a row. */
async function writes(plane: ControlPlane, since = 0) {
  const show = await readable(plane);
  return actions(plane, ME, since).filter((a) => !a.includes(' events ') && !a.includes('/status ')).filter((a, i, all) => a !== all[i - 1]).map(show);
}
/** As `kubectl set image`: only the image changes (the template keeps the API server's defaults). */
const setImage = (image: string) => async (p: ControlPlane) => {
  const d = await p.client.get('Deployment', 'default', 'web');
  d.spec.template.spec.containers[0].image = image;
  return p.client.update(d);
};
async function replicaSets(p: ControlPlane) {
  const show = await readable(p);
  return (await p.client.list('ReplicaSet', { namespace: 'default' })).items.map((rs) => show(`${rs.metadata.name} revision=${rs.metadata.annotations?.[REVISION]} replicas=${rs.spec.replicas}`)).sort();
}

const cases: { name: string; fixtures: KubeObject[]; change?: (p: ControlPlane) => Promise<unknown>; want: string[]; sets: string[]; onlyFirst?: boolean }[] = [
  {
    name: 'A new Deployment creates its ReplicaSet at revision 1 and records the revision',
    fixtures: [deployment('nginx:1')],
    want: [`create replicasets default/${rsName('nginx:1')} 201`, 'patch deployments default/web 200'],
    sets: [`${rsName('nginx:1')} revision=1 replicas=2`],
  },
  {
    name: 'A new template creates the next revision, surging by one while no pod is available',
    fixtures: [deployment('nginx:1')],
    change: setImage('nginx:2'),
    want: [`create replicasets default/${rsName('nginx:2')} 201`, 'patch deployments default/web 200'],
    sets: [`${rsName('nginx:1')} revision=1 replicas=2`, `${rsName('nginx:2')} revision=2 replicas=1`],
  },
  {
    name: 'Going back to an old template makes its ReplicaSet the new one at the next revision',
    fixtures: [deployment('nginx:1')],
    change: async (p) => {
      await setImage('nginx:2')(p);
      await p.settle();
      await setImage('nginx:1')(p);
    },
    want: [
      `create replicasets default/${rsName('nginx:2')} 201`, 'patch deployments default/web 200',
      `update replicasets default/${rsName('nginx:1')} 200`, 'patch deployments default/web 200',
    ],
    sets: [`${rsName('nginx:1')} revision=3 replicas=2`, `${rsName('nginx:2')} revision=2 replicas=1`],
  },
  {
    name: 'Scaling a finished rollout scales its ReplicaSet',
    fixtures: [deployment('nginx:1')],
    change: (p) => p.client.patch('Deployment', 'default', 'web', { spec: { replicas: 5 } }),
    want: [`update replicasets default/${rsName('nginx:1')} 200`],
    sets: [`${rsName('nginx:1')} revision=1 replicas=5`],
  },
  {
    name: 'An orphan ReplicaSet with the current template is adopted, then updated after one conflict',
    fixtures: [orphanSet('legacy', 'nginx:1'), deployment('nginx:1')],
    want: ['patch replicasets default/legacy 200', 'update replicasets default/legacy 409', 'update replicasets default/legacy 200'],
    sets: ['legacy revision=1 replicas=2'],
    // later syncs on a cache that lags behind these writes may repeat them (harmlessly)
    onlyFirst: true,
  },
];

for (const c of cases) {
  test(c.name, async () => {
    const plane = await fixturePlane([ME], c.fixtures);
    try {
      const since = plane.trace.last;
      if (c.change) {
        await c.change(plane);
        await plane.settle();
      }
      const got = await writes(plane, c.change ? since : 0);
      assert.deepEqual(c.onlyFirst ? got.slice(0, c.want.length) : got, c.want);
      assert.deepEqual(await replicaSets(plane), c.sets);
    } finally {
      await plane.stop();
    }
  });
}

test('A Deployment with a progress deadline is looked at again when the deadline passes', async () => {
  const d = deployment('nginx:1');
  d.spec.progressDeadlineSeconds = 30;
  const plane = await fixturePlane([ME], [d]);
  try {
    await plane.advance(31_000);
    const got = await plane.client.get('Deployment', 'default', 'web');
    const progressing = got.status.conditions.find((c: { type: string }) => c.type === 'Progressing');
    assert.deepEqual([progressing.status, progressing.reason], ['False', 'ProgressDeadlineExceeded']);
  } finally {
    await plane.stop();
  }
});
