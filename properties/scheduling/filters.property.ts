import fc from 'fast-check';
import { cluster } from '../arbitraries/scheduling.ts';
import { defineProperty } from '../support/defineProperty.ts';
import { expectEqual, Mismatch } from '../support/expect.ts';
import { antiAffinityViolations, expectScheduled, schedule, untoleratedHardTaints } from './model.ts';

/** Whether the pod's verdict on a node depends on other nodes or their pods. */
const clusterWide = (spec: Record<string, any>) => spec.affinity?.podAffinity || spec.affinity?.podAntiAffinity || spec.topologySpreadConstraints;

export const properties = [
  defineProperty({
    id: 'scheduling/chosen-node-passes-every-filter',
    name: 'the chosen node is feasible on its own: pinned to it the pod still goes there, and so it does when it is the only node',
    claims: ['SCH-2', 'SCH-4'],
    needs: ['scheduling'],
    numRuns: 150,
    build: ({ driver }) =>
      fc.asyncProperty(cluster(), async (c) => {
        const r = await schedule(driver, c);
        if (!r.scheduled) return;
        if (!r.feasible.includes(r.node)) throw new Mismatch('the chosen node is not among the feasible ones', r.feasible, r.node);
        // Pinned by spec.nodeName, every other node is excluded while cluster-wide filters still see the whole cluster.
        const pinned = await schedule(driver, { ...c, pod: { ...c.pod, spec: { ...(c.pod.spec as object), nodeName: r.node } } });
        expectScheduled(pinned, `pinned to ${r.node}`);
        expectEqual(`pinned to ${r.node}`, pinned.node, r.node);
        if (clusterWide(c.pod.spec as object) || c.pods.some((p) => clusterWide(p.spec as object))) return;
        const alone = await schedule(driver, { nodes: c.nodes.filter((n) => n.metadata.name === r.node), pods: c.pods.filter((p) => (p.spec as { nodeName: string }).nodeName === r.node), pod: c.pod });
        expectScheduled(alone, `${r.node} as the only node`);
        expectEqual(`${r.node} as the only node`, alone.node, r.node);
      }),
  }),
  defineProperty({
    id: 'scheduling/no-schedule-taints-are-respected',
    name: 'a pod never goes to a node with a NoSchedule or NoExecute taint (or a cordon) it does not tolerate',
    claims: ['SCH-2', 'SCH-5'],
    needs: ['scheduling'],
    numRuns: 200,
    build: ({ driver }) =>
      fc.asyncProperty(cluster({ maxPods: 10 }), async (c) => {
        const r = await schedule(driver, c);
        if (!r.scheduled) return;
        const node = c.nodes.find((n) => n.metadata.name === r.node)!;
        expectEqual(`untolerated taints of the chosen node ${r.node}`, untoleratedHardTaints(node, c.pod), []);
      }),
  }),
  defineProperty({
    id: 'scheduling/required-anti-affinity-is-respected',
    name: "a pod never lands in a topology domain where its required anti-affinity, or a running pod's, forbids it",
    claims: ['SCH-2', 'SCH-5'],
    needs: ['scheduling'],
    numRuns: 200,
    build: ({ driver }) =>
      fc.asyncProperty(cluster({ maxNodes: 12 }), async (c) => {
        const r = await schedule(driver, c);
        if (r.scheduled) expectEqual(`anti-affinity broken on ${r.node}`, antiAffinityViolations(c, r.node), []);
      }),
  }),
];
