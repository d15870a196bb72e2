import fc from 'fast-check';
import type { Driver } from '../../harness/contract/driver.ts';
import type { KubeObject } from '../../harness/contract/methods.ts';
import { nodes, placedAs, pod, spreadConstraint } from '../arbitraries/scheduling.ts';
import { defineProperty } from '../support/defineProperty.ts';
import { Mismatch } from '../support/expect.ts';
import { allocatable, nodeName, podRequests } from './model.ts';

/** Schedules `pods` one at a time into `cluster`, each placed pod counted for the next; returns the placed pods. */
async function scheduleAll(driver: Driver, cluster: KubeObject[], pods: KubeObject[], after?: (placed: KubeObject[]) => void): Promise<KubeObject[]> {
  const placed: KubeObject[] = [];
  for (const p of pods) {
    const r = await driver.call('scheduling.schedule', { nodes: cluster, pods: placed, pod: p });
    if (!r.scheduled) continue;
    placed.push(placedAs(p, p.metadata.name!, r.node));
    after?.(placed);
  }
  return placed;
}

function overCommitted(cluster: KubeObject[], placed: KubeObject[]): string[] {
  const out: string[] = [];
  for (const node of cluster) {
    const name = node.metadata.name!;
    const here = placed.filter((p) => nodeName(p) === name);
    const alloc = allocatable(node);
    if (here.length > alloc.pods) out.push(`${name}: ${here.length} pods > ${alloc.pods}`);
    const used: Record<string, number> = {};
    for (const p of here) for (const [r, v] of Object.entries(podRequests(p))) used[r] = (used[r] ?? 0) + v;
    for (const [r, v] of Object.entries(used)) if (v > (alloc[r] ?? 0)) out.push(`${name}: ${r} requested ${v} > allocatable ${alloc[r] ?? 0}`);
  }
  return out;
}

/** Matching pods per domain of `key` (every node with the key is a domain member). */
function domainCounts(cluster: KubeObject[], placed: KubeObject[], key: string, app: string): Map<string, number> {
  const counts = new Map<string, number>();
  const domainOf = new Map<string, string>();
  for (const n of cluster) {
    const v = n.metadata.labels?.[key];
    if (v === undefined) continue;
    domainOf.set(n.metadata.name!, v);
    counts.set(v, 0);
  }
  for (const p of placed) {
    const d = domainOf.get(nodeName(p)!);
    if (d !== undefined && p.metadata.labels?.app === app) counts.set(d, counts.get(d)! + 1);
  }
  return counts;
}

export const properties = [
  defineProperty({
    id: 'scheduling/a-workload-never-over-commits',
    name: 'scheduling a random workload one pod at a time never over-commits cpu, memory, ephemeral storage, extended resources or pod slots',
    claims: ['SCH-2', 'SCH-5'],
    needs: ['scheduling'],
    numRuns: 60,
    build: ({ driver }) =>
      fc.asyncProperty(nodes({ maxNodes: 10 }), fc.array(pod('p', { interPod: false }), { minLength: 1, maxLength: 25 }), async (cluster, workload) => {
        const placed = await scheduleAll(driver, cluster, workload.map((p, i) => placedAs(p, `p-${i}`)));
        const broken = overCommitted(cluster, placed);
        if (broken.length) throw new Mismatch('over-committed nodes', [], broken);
      }),
  }),
  defineProperty({
    id: 'scheduling/spread-stays-within-max-skew',
    name: 'replicas with a DoNotSchedule spread constraint, placed one at a time, never differ by more than maxSkew between domains',
    claims: ['SCH-2', 'SCH-5'],
    needs: ['scheduling'],
    numRuns: 60,
    build: ({ driver }) =>
      fc.asyncProperty(
        nodes({ maxNodes: 12 }),
        pod('replica', { interPod: false }),
        spreadConstraint(fc.constant('DoNotSchedule')),
        fc.integer({ min: 1, max: 15 }),
        async (cluster, template, constraint, replicas) => {
          const { nodeSelector: _s, affinity: _a, ...spec } = template.spec as Record<string, unknown>;
          const replica: KubeObject = {
            ...template,
            metadata: { ...template.metadata, labels: { app: 'spread' } },
            spec: { ...spec, topologySpreadConstraints: [{ ...constraint, labelSelector: { matchLabels: { app: 'spread' } } }] },
          };
          const pods = Array.from({ length: replicas }, (_, i) => placedAs(replica, `replica-${i}`));
          await scheduleAll(driver, cluster, pods, (placed) => {
            const counts = [...domainCounts(cluster, placed, constraint.topologyKey, 'spread').values()];
            const skew = Math.max(...counts) - Math.min(...counts);
            if (skew > constraint.maxSkew) {
              throw new Mismatch(`skew by ${constraint.topologyKey} after placing ${placed.at(-1)!.metadata.name} on ${nodeName(placed.at(-1)!)}`, `<= ${constraint.maxSkew}`, Object.fromEntries(domainCounts(cluster, placed, constraint.topologyKey, 'spread')));
            }
          });
        },
      ),
  }),
];
