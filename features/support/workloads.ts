// What the controller steps read through `objects`: a namespace's ReplicaSets and pods, who
// controls what, and a Deployment's rollout state, as table rows scenarios compare.
import type { KubeObject } from '../../harness/contract/methods.ts';
import { scenarioObjects } from './scenarioObjects.ts';
import type { KWorld } from './world.ts';

export const REVISION = 'deployment.kubernetes.io/revision';
export const TEMPLATE_HASH = 'pod-template-hash';

type Ref = { kind: string; name: string; uid: string; controller?: boolean; blockOwnerDeletion?: boolean; apiVersion: string };

export const refsOf = (o: KubeObject): Ref[] => (o.metadata.ownerReferences ?? []) as Ref[];
export const controllerOf = (o: KubeObject): Ref | undefined => refsOf(o).find((r) => r.controller);
const active = (p: KubeObject) => !p.metadata.deletionTimestamp && !['Succeeded', 'Failed'].includes(String((p.status as { phase?: string } | undefined)?.phase));
export const isReady = (p: KubeObject) => ((p.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

export async function list(w: KWorld, kind: string, namespace: string): Promise<KubeObject[]> {
  return (await w.driver.call('objects.list', { kind, namespace: scenarioObjects(w).namespace(namespace) })).items;
}

/** Active pods of `namespace`, each with the kind/name of its controller (`-` for none). */
export async function podsByController(w: KWorld, namespace: string): Promise<{ pod: KubeObject; owner: string }[]> {
  return (await list(w, 'Pod', namespace)).filter(active).map((pod) => {
    const ref = controllerOf(pod);
    return { pod, owner: ref ? `${ref.kind}/${ref.name}` : '-' };
  });
}

/** The cells a ReplicaSet row can show. `image` is the first container's. */
export function replicaSetCells(rs: KubeObject, pods: { pod: KubeObject; owner: string }[]): Record<string, string> {
  const spec = rs.spec as { replicas?: number; template?: { spec?: { containers?: { image?: string }[] } } };
  const status = (rs.status ?? {}) as { replicas?: number; readyReplicas?: number; availableReplicas?: number };
  const owned = pods.filter((p) => p.owner === `ReplicaSet/${rs.metadata.name}`);
  const ref = controllerOf(rs);
  return {
    name: String(rs.metadata.name),
    owner: ref ? `${ref.kind}/${ref.name}` : '-',
    revision: rs.metadata.annotations?.[REVISION] ?? '-',
    image: String(spec.template?.spec?.containers?.[0]?.image ?? '-'),
    desired: String(spec.replicas ?? 1),
    current: String(status.replicas ?? 0),
    ready: String(status.readyReplicas ?? 0),
    available: String(status.availableReplicas ?? 0),
    pods: String(owned.length),
    'ready pods': String(owned.filter((p) => isReady(p.pod)).length),
  };
}

/** Rows of `columns` for every ReplicaSet in `namespace`, sorted. */
export async function replicaSetRows(w: KWorld, namespace: string, columns: string[]): Promise<Record<string, string>[]> {
  const pods = await podsByController(w, namespace);
  const rows = (await list(w, 'ReplicaSet', namespace)).map((rs) => {
    const cells = replicaSetCells(rs, pods);
    for (const c of columns) if (!(c in cells)) throw new Error(`unknown column "${c}"; known: ${Object.keys(cells).join(', ')}`);
    return Object.fromEntries(columns.map((c) => [c, cells[c]]));
  });
  return sortRows(rows);
}

export const sortRows = (rows: Record<string, string>[]) => rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/**
 * `kubectl rollout status`: done when the controller saw the latest spec, every replica is
 * updated, no old replica is left and every updated one is available. Else why not, in words.
 */
export function rolloutPending(d: KubeObject): string | undefined {
  const spec = d.spec as { replicas?: number };
  const s = (d.status ?? {}) as { observedGeneration?: number; replicas?: number; updatedReplicas?: number; availableReplicas?: number };
  const want = spec.replicas ?? 1;
  const updated = s.updatedReplicas ?? 0;
  if ((s.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) return 'Waiting for deployment spec update to be observed...';
  if (updated < want) return `Waiting for deployment rollout to finish: ${updated} out of ${want} new replicas have been updated...`;
  if ((s.replicas ?? 0) > updated) return `Waiting for deployment rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...`;
  if ((s.availableReplicas ?? 0) < updated) return `Waiting for deployment rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...`;
  return undefined;
}

/** Each pod of the namespace in a few words (node, phase, Ready, why it is not scheduled), for failure messages. */
export async function podStates(w: KWorld, namespace: string): Promise<string> {
  const pods = await list(w, 'Pod', namespace);
  const state = (p: KubeObject) => {
    const status = (p.status ?? {}) as { phase?: string; conditions?: { type: string; status: string; reason?: string; message?: string }[] };
    const scheduled = status.conditions?.find((c) => c.type === 'PodScheduled');
    const node = (p.spec as { nodeName?: string } | undefined)?.nodeName;
    const where = node ? `on ${node}` : `unscheduled${scheduled?.message ? ` (${scheduled.message})` : ''}`;
    return `${p.metadata.name} ${where} ${status.phase ?? 'no phase'}${isReady(p) ? ' Ready' : ''}${p.metadata.deletionTimestamp ? ' deleting' : ''}`;
  };
  return `pods: ${pods.map(state).join('; ') || 'none'}`;
}
