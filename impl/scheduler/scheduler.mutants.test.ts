// Scheduler.removePod / updatePod find a cached pod without a uid by namespace (default "default") and name,
// the key the cache gave it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scheduler } from './scheduler.ts';
import { makeNode } from './testing/fixtures.ts';
import type { KubeObject } from './types.ts';

const pod = (metadata: KubeObject['metadata'], nodeName?: string): KubeObject => ({
  metadata,
  spec: { nodeName, containers: [{ name: 'c', resources: { requests: { cpu: '1' } } }] },
});

const placed = (): Scheduler => {
  const s = new Scheduler();
  s.addNode(makeNode('n'));
  return s;
};
const cpu = (s: Scheduler) => s.cache.get('n')!.requested.milliCPU;

const keys: { name: string; metadata: KubeObject['metadata'] }[] = [
  { name: 'a namespace and a name', metadata: { namespace: 'shop', name: 'p' } },
  { name: 'no namespace: the default namespace', metadata: { name: 'p' } },
  { name: 'an empty namespace: the default namespace', metadata: { namespace: '', name: 'p' } },
  { name: 'no name', metadata: { namespace: 'shop' } },
];

for (const c of keys) {
  test(`removePod finds a pod without a uid by ${c.name}`, () => {
    const s = placed();
    assert.equal(s.addPod(pod(c.metadata, 'n')), true);
    assert.equal(s.removePod(pod(c.metadata)), true);
    assert.equal(cpu(s), 0);
  });

  test(`updatePod that unplaces a pod without a uid, keyed by ${c.name}, removes it`, () => {
    const s = placed();
    s.addPod(pod(c.metadata, 'n'));
    assert.equal(s.updatePod(pod(c.metadata)), false);
    assert.equal(cpu(s), 0);
  });
}

test('removePod tells apart pods without a uid by namespace and by name', () => {
  const s = placed();
  const pods = [{ namespace: 'a', name: 'p' }, { namespace: 'b', name: 'p' }, { namespace: 'a', name: 'q' }];
  pods.forEach((m) => s.addPod(pod(m, 'n')));
  assert.equal(s.removePod(pod({ namespace: 'a', name: 'p' })), true);
  assert.equal(s.removePod(pod({ namespace: 'a', name: 'p' })), false);
  assert.equal(cpu(s), 2000);
});

test('removePod of a pod without metadata removes nothing and does not throw', () => {
  const s = placed();
  s.addPod(pod({ name: 'p' }, 'n'));
  assert.equal(s.removePod({ spec: {} } as unknown as KubeObject), false);
  assert.equal(cpu(s), 1000);
});

test('updatePod of a pod that stays placed keeps it counted on its node', () => {
  const s = placed();
  s.addPod(pod({ name: 'p' }, 'n'));
  assert.equal(s.updatePod(pod({ name: 'p', labels: { v: '2' } }, 'n')), true);
  assert.equal(cpu(s), 1000);
});
