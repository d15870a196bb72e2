import fc from 'fast-check';
import type { Driver } from '../../harness/contract/driver.ts';
import type { KubeObject } from '../../harness/contract/methods.ts';
import { defineProperty } from '../support/defineProperty.ts';
import { expectEqual } from '../support/expect.ts';
import { describeOp, replicaSetOps } from '../arbitraries/controllers.ts';

type Loose = (method: string, params: unknown) => Promise<any>;

/** Settles, then lets a few seconds of cluster time pass so that writes retried after a conflict land. */
export async function quiesce(driver: Driver, seconds = 5): Promise<void> {
  const call = driver.call.bind(driver) as unknown as Loose;
  await call('time.settle', {});
  for (let s = 0; s < seconds; s++) await call('time.advance', { ms: 1000 });
}

const activeOwned = (pods: KubeObject[], uid: string) =>
  pods.filter((p) => !p.metadata.deletionTimestamp && p.metadata.ownerReferences?.some((r) => r.controller && r.uid === uid));

export default defineProperty({
  id: 'controllers/replicaset-converges',
  name: 'after any sequence of scaling and pod deletions, a settled ReplicaSet controls exactly spec.replicas active pods and reports them',
  claims: ['CTL-1', 'CTL-3', 'LBL-6'],
  needs: ['objects', 'time'],
  numRuns: 15,
  build: ({ driver }) =>
    fc.asyncProperty(fc.nat(5), replicaSetOps, async (initial, ops) => {
      const namespace = `kconform-rs-${Math.random().toString(36).slice(2, 8)}`;
      const steps = [`kubectl create rs/web --replicas=${initial}`, ...ops.map(describeOp)];
      await driver.call('objects.create', { object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } } });
      try {
        const rs = (await driver.call('objects.create', { object: {
          apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace },
          spec: { replicas: initial, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
        } })).object;
        let replicas = initial;
        for (const o of ops) {
          if (o.op === 'scale') {
            replicas = o.replicas;
            await driver.call('objects.patch', { kind: 'ReplicaSet', namespace, name: 'web', patch: { spec: { replicas } } });
          } else {
            const pods = activeOwned((await driver.call('objects.list', { kind: 'Pod', namespace })).items, String(rs.metadata.uid));
            for (const p of pods.slice(0, o.count)) await driver.call('objects.delete', { kind: 'Pod', namespace, name: String(p.metadata.name) }).catch(() => undefined);
          }
        }
        await quiesce(driver);
        const pods = activeOwned((await driver.call('objects.list', { kind: 'Pod', namespace })).items, String(rs.metadata.uid));
        expectEqual(`pods of rs/web after: ${steps.join('; ')}`, pods.length, replicas);
        const status = (await driver.call('objects.get', { kind: 'ReplicaSet', namespace, name: 'web' })).object.status as { replicas?: number };
        expectEqual(`status.replicas of rs/web after: ${steps.join('; ')}`, status?.replicas ?? 0, replicas);
      } finally {
        await driver.call('objects.delete', { kind: 'Namespace', name: namespace }).catch(() => undefined);
      }
    }),
});
