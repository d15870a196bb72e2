// The suite's own reading of the objects the scheduling arbitraries produce: requests, taints and
// tolerations, topology domains. The properties judge the implementation's choices with it; it
// handles only the quantity forms the arbitraries write (`500m`, `512Mi`, `2Gi`, `3`).
import type { KubeObject, ScheduleResult } from '../../harness/contract/methods.ts';
import type { Driver } from '../../harness/contract/driver.ts';
import { Mismatch } from '../support/expect.ts';
import type { ClusterCase } from '../arbitraries/scheduling.ts';

type Raw = Record<string, any>;
/** cpu in millicores, the rest in their base units. */
export type Amounts = Record<string, number>;

const UNIT: Record<string, number> = { '': 1, m: 1e-3, Mi: 2 ** 20, Gi: 2 ** 30 };

export function quantity(resource: string, q: string): number {
  const m = /^(\d+)(m|Mi|Gi)?$/.exec(q);
  if (!m) throw new Error(`model: unexpected quantity ${resource}=${q}`);
  const v = Number(m[1]) * UNIT[m[2] ?? ''];
  return resource === 'cpu' ? Math.round(v * 1000) : v;
}

function amounts(list: Record<string, string> | undefined): Amounts {
  const out: Amounts = {};
  for (const [r, q] of Object.entries(list ?? {})) out[r] = quantity(r, q);
  return out;
}

/** max(sum of containers, largest init container) per resource, plus overhead. */
export function podRequests(pod: KubeObject): Amounts {
  const spec = pod.spec as Raw;
  const total: Amounts = {};
  for (const c of spec.containers ?? []) for (const [r, v] of Object.entries(amounts(c.resources?.requests))) total[r] = (total[r] ?? 0) + v;
  for (const c of spec.initContainers ?? []) for (const [r, v] of Object.entries(amounts(c.resources?.requests))) total[r] = Math.max(total[r] ?? 0, v);
  for (const [r, v] of Object.entries(amounts(spec.overhead))) total[r] = (total[r] ?? 0) + v;
  return total;
}

export const allocatable = (node: KubeObject): Amounts => amounts((node.status as Raw).allocatable);

export const nodeName = (pod: KubeObject): string | undefined => (pod.spec as Raw).nodeName;

/** Whether one toleration tolerates one taint (upstream's ToleratesTaint). */
export function tolerates(t: Raw, taint: Raw): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

/** The NoSchedule/NoExecute taints of `node` (with the cordon as a taint) that `pod` does not tolerate. */
export function untoleratedHardTaints(node: KubeObject, pod: KubeObject): Raw[] {
  const spec = node.spec as Raw;
  const taints: Raw[] = [...(spec.taints ?? [])];
  if (spec.unschedulable) taints.push({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' });
  const tolerations: Raw[] = (pod.spec as Raw).tolerations ?? [];
  return taints.filter((t) => t.effect !== 'PreferNoSchedule' && !tolerations.some((tol) => tolerates(tol, t)));
}

const labelsOf = (o: KubeObject): Record<string, string> => o.metadata.labels ?? {};
const matches = (selector: { matchLabels: Record<string, string> }, labels: Record<string, string>) =>
  Object.entries(selector.matchLabels).every(([k, v]) => labels[k] === v);
type Term = { labelSelector: { matchLabels: Record<string, string> }; topologyKey: string };
const antiTerms = (pod: KubeObject): Term[] => (pod.spec as Raw).affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];

/**
 * Required anti-affinity broken by placing `c.pod` on `chosen`, in either direction (the pod's terms
 * against running pods, running pods' terms against the pod), as sentences; [] when none. The
 * arbitraries put every pod in one namespace.
 */
export function antiAffinityViolations(c: ClusterCase, chosen: string): string[] {
  const byName = new Map(c.nodes.map((n) => [n.metadata.name!, n]));
  const target = labelsOf(byName.get(chosen)!);
  const sameDomain = (other: string | undefined, key: string) => {
    const v = target[key];
    return v !== undefined && other !== undefined && byName.has(other) && labelsOf(byName.get(other)!)[key] === v;
  };
  const out: string[] = [];
  for (const p of c.pods) {
    for (const t of antiTerms(c.pod)) {
      if (matches(t.labelSelector, labelsOf(p)) && sameDomain(nodeName(p), t.topologyKey)) out.push(`its anti-affinity ${JSON.stringify(t)} selects ${p.metadata.name} on ${nodeName(p)}`);
    }
    for (const t of antiTerms(p)) {
      if (matches(t.labelSelector, labelsOf(c.pod)) && sameDomain(nodeName(p), t.topologyKey)) out.push(`${p.metadata.name} on ${nodeName(p)} has anti-affinity ${JSON.stringify(t)} selecting it`);
    }
  }
  return out;
}

/** Schedules through the driver, failing with the case when the implementation errs. */
export async function schedule(driver: Driver, c: ClusterCase, seed?: number): Promise<ScheduleResult> {
  return driver.call('scheduling.schedule', { nodes: c.nodes, pods: c.pods, pod: c.pod, ...(seed !== undefined ? { seed } : {}) });
}

export function expectScheduled(r: ScheduleResult, what: string): asserts r is Extract<ScheduleResult, { scheduled: true }> {
  if (!r.scheduled) throw new Mismatch(`${what}: unschedulable`, 'scheduled', r.message);
}
