// Selecting and ordering a Deployment's ReplicaSets (deploymentutil and controller's sort types).
import type { KubeObject } from '../../client/index.ts';
import { deepEqual, timeOf } from '../replicaset/objects.ts';
import { DESIRED_REPLICAS, intAnnotation, revisionOf } from './annotations.ts';
import { desiredReplicas } from './intOrPercent.ts';
import { POD_TEMPLATE_HASH_LABEL } from './podTemplateHash.ts';

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const specReplicas = (rs: KubeObject): number => rs.spec?.replicas ?? 1;
const created = (rs: KubeObject, now: number) => (rs.metadata.creationTimestamp ? timeOf(rs.metadata.creationTimestamp) : now);

/** ReplicaSetsByCreationTimestamp (not yet created ones count as created `now`), ties by name. */
export function byCreation(now: number) {
  return (a: KubeObject, b: KubeObject): number =>
    created(a, now) - created(b, now) || compareStrings(String(a.metadata.name), String(b.metadata.name));
}

/** ReplicaSetsBySizeOlder: larger first, then older first. */
export const bySizeOlder = (now: number) => (a: KubeObject, b: KubeObject) => specReplicas(b) - specReplicas(a) || byCreation(now)(a, b);
/** ReplicaSetsBySizeNewer: larger first, then newer first. */
export const bySizeNewer = (now: number) => (a: KubeObject, b: KubeObject) => specReplicas(b) - specReplicas(a) || byCreation(now)(b, a);

/** ReplicaSetsByRevision: lower revision first; equal or unparsable revisions by creation. */
export const byRevision = (now: number) => (a: KubeObject, b: KubeObject) => {
  const ra = revisionOf(a), rb = revisionOf(b);
  if (ra === undefined || rb === undefined || ra === rb) return byCreation(now)(a, b);
  return ra - rb;
};

export const activeReplicaSets = (rss: readonly (KubeObject | undefined)[]): KubeObject[] => rss.filter((rs): rs is KubeObject => !!rs && specReplicas(rs) > 0);

/** EqualIgnoreHash: templates equal once the pod-template-hash label is removed from both. */
export function equalIgnoreHash(t1: any, t2: any): boolean {
  const strip = (t: any) => {
    const labels = { ...(t?.metadata?.labels ?? {}) };
    delete labels[POD_TEMPLATE_HASH_LABEL];
    const metadata = { ...(t?.metadata ?? {}), labels: Object.keys(labels).length ? labels : undefined };
    return { ...(t ?? {}), metadata };
  };
  return deepEqual(semantic(strip(t1)), semantic(strip(t2)));
}

/** Semantic equality treats empty maps and lists like absent ones. */
function semantic(v: any): any {
  if (Array.isArray(v)) return v.length ? v.map(semantic) : undefined;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const s = semantic(x);
      if (s !== undefined) out[k] = s;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v;
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's. */
export function findNewReplicaSet(d: KubeObject, rss: readonly KubeObject[], now: number): KubeObject | undefined {
  return [...rss].sort(byCreation(now)).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

export const sumReplicas = (rss: readonly (KubeObject | undefined)[]): number => rss.reduce((n, rs) => n + (rs ? specReplicas(rs) : 0), 0);
export const sumStatus = (rss: readonly (KubeObject | undefined)[], field: 'replicas' | 'readyReplicas' | 'availableReplicas'): number =>
  rss.reduce((n, rs) => n + (rs?.status?.[field] ?? 0), 0);

/** IsSaturated: the new ReplicaSet runs, wants and has available exactly spec.replicas pods. */
export function isSaturated(d: KubeObject, rs: KubeObject | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicas(d);
  return specReplicas(rs) === desired && intAnnotation(rs, DESIRED_REPLICAS) === desired && (rs.status?.availableReplicas ?? 0) === desired;
}
