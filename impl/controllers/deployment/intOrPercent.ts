// intstr.GetScaledValueFromIntOrPercent and deploymentutil.ResolveFenceposts / MaxSurge /
// MaxUnavailable: how maxSurge and maxUnavailable turn into pod counts.
import type { KubeObject } from '../../client/index.ts';

export type IntOrString = number | string;

/**
 * An int as is; `"N%"` of `total`, rounded up (`roundUp`) or down. Anything else (a string
 * without `%`, a non-integer percentage) is undefined: validation rejects it upstream.
 */
export function scaledValue(value: IntOrString | undefined, total: number, roundUp: boolean): number | undefined {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  const m = /^([+-]?\d+)%$/.exec(value);
  if (!m) return undefined;
  const scaled = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

export const isRollingUpdate = (d: KubeObject): boolean => (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';

export const desiredReplicas = (d: KubeObject): number => d.spec?.replicas ?? 1;

const rollingParams = (d: KubeObject) => d.spec?.strategy?.rollingUpdate ?? { maxSurge: '25%', maxUnavailable: '25%' };

/**
 * [surge, unavailable] for `desired` pods: surge rounds up, unavailable down; when both come to
 * zero, unavailable is 1 (explicit zeros for both are invalid; rounding can still produce them).
 */
export function resolveFenceposts(maxSurge: IntOrString | undefined, maxUnavailable: IntOrString | undefined, desired: number): [number, number] {
  const surge = scaledValue(maxSurge, desired, true) ?? 0;
  let unavailable = scaledValue(maxUnavailable, desired, false) ?? 0;
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

/** Pods a RollingUpdate may run above spec.replicas; 0 for Recreate. */
export function maxSurge(d: KubeObject): number {
  if (!isRollingUpdate(d)) return 0;
  const p = rollingParams(d);
  return resolveFenceposts(p.maxSurge, p.maxUnavailable, desiredReplicas(d))[0];
}

/** Pods a RollingUpdate may have unavailable, at most spec.replicas; 0 for Recreate or zero replicas. */
export function maxUnavailable(d: KubeObject): number {
  const desired = desiredReplicas(d);
  if (!isRollingUpdate(d) || desired === 0) return 0;
  const p = rollingParams(d);
  return Math.min(resolveFenceposts(p.maxSurge, p.maxUnavailable, desired)[1], desired);
}
