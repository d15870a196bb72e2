// Same seed, same run: the whole control plane with kubelets and the node lifecycle controller,
// through a node failure and evictions, records the same trace entry for entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ControlPlane } from '../../controlplane/index.ts';
import { KUBELET, type KubeletFleet } from './kubeletComponent.ts';

async function run(seed: number): Promise<string[]> {
  const plane = await ControlPlane.start({ seed });
  try {
    for (const name of ['n0', 'n1', 'n2']) await plane.client.create({ apiVersion: 'v1', kind: 'Node', metadata: { name } });
    await plane.advance(2_000);
    for (let i = 0; i < 6; i++) await plane.client.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `web-${i}`, namespace: 'default' }, spec: { containers: [{ name: 'app', image: 'nginx' }] } });
    await plane.advance(5_000);
    await plane.component<KubeletFleet>(KUBELET)!.setMode('n1', 'stopped');
    await plane.advance(400_000);
    return plane.trace.since(0).map((e) => JSON.stringify(e));
  } finally {
    await plane.stop();
  }
}

test('two runs with the same seed record the same trace; another seed orders things differently', async () => {
  const [a, b, c] = [await run(7), await run(7), await run(8)];
  assert.ok(a.length > 1000, `a long run (${a.length} entries)`);
  assert.deepEqual(b, a);
  assert.notDeepEqual(c, a);
});
