// Laws: one node-lifecycle pass reaches a fixpoint (a second pass at the same instant asks for
// nothing), never taints a Ready node with NoExecute, never evicts from a Ready node, and leaves
// on a NoExecute-tainted node only pods that still tolerate it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { KubeObject } from '../../client/index.ts';
import { FixtureStore } from '../replicaset/FixtureStore.ts';
import { at, pod, T0 } from '../replicaset/fixtures.ts';
import { nodeCondition } from './nodeHealth.ts';
import { reconcileNodes } from './reconcileNodes.ts';
import { matchingTolerations, minTolerationSeconds, withDefaultTolerations, type Taint } from './taints.ts';

const NOW = T0 + 1_000_000;
const nodeArb = fc.record({ silentFor: fc.integer({ min: 0, max: 600 }), ready: fc.constantFrom('True', 'True', 'False') });
const tolerationArb = fc.constantFrom(
  [], [{ operator: 'Exists' }],
  [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }],
  [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 0 }],
);

function makeNode(i: number, silentFor: number, ready: string): KubeObject {
  const hb = at((NOW - T0) / 1000 - silentFor);
  return { apiVersion: 'v1', kind: 'Node', metadata: { name: `n${i}`, uid: `u${i}`, creationTimestamp: at(0) }, spec: {}, status: { conditions: [{ type: 'Ready', status: ready, lastHeartbeatTime: hb, lastTransitionTime: at(0) }] } };
}

test('A node lifecycle pass is a fixpoint and only evicts what no toleration covers', () => {
  fc.assert(
    fc.property(fc.array(nodeArb, { minLength: 1, maxLength: 6 }), fc.array(fc.tuple(fc.nat(5), tolerationArb), { maxLength: 10 }), (nodeSpecs, podSpecs) => {
      const nodes = nodeSpecs.map((n, i) => makeNode(i, n.silentFor, n.ready));
      const pods = podSpecs.map(([n, tolerations], i) => pod(`p${i}`, { node: `n${n % nodes.length}`, ready: true, tolerations }));
      const store = new FixtureStore([...nodes, ...pods], NOW);
      for (let pass = 0; pass < 2; pass++) store.apply(reconcileNodes(store.all('Node'), [], store.all('Pod'), NOW).actions);
      assert.deepEqual(reconcileNodes(store.all('Node'), [], store.all('Pod'), NOW).actions, [], 'a third pass asks for nothing');
      for (const node of store.all('Node')) {
        const ready = nodeCondition(node, 'Ready')?.status;
        const noExecute: Taint[] = (node.spec.taints ?? []).filter((t: Taint) => t.effect === 'NoExecute');
        const spec = nodeSpecs[Number(String(node.metadata.name).slice(1))];
        if (spec.silentFor > 50) assert.notEqual(ready, 'True', `${node.metadata.name} silent for ${spec.silentFor}s is still Ready`);
        if (ready === 'True') {
          assert.deepEqual(noExecute, [], `Ready ${node.metadata.name} has NoExecute taints`);
          for (const p of pods.filter((p) => p.spec.nodeName === node.metadata.name)) assert.ok(store.get('Pod', 'default', String(p.metadata.name)), `${p.metadata.name} evicted from a Ready node`);
        }
        for (const p of store.all('Pod').filter((p) => p.spec.nodeName === node.metadata.name && noExecute.length)) {
          const { all, used } = matchingTolerations(noExecute, withDefaultTolerations(p.spec.tolerations ?? [], 300));
          assert.ok(all && minTolerationSeconds(used) * 1000 + Date.parse(noExecute[0].timeAdded!) > NOW, `${p.metadata.name} should have been evicted`);
        }
      }
    }),
    { seed: 6_0603, numRuns: 200 },
  );
});
