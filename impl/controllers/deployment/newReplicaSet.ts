// getAllReplicaSetsAndSyncRevision and getNewReplicaSet (sync.go): split the Deployment's
// ReplicaSets into the new one (template equal to the Deployment's) and the old ones, keep the
// new one's revision above every old one, and create it when asked.
import type { KubeObject } from '../../client/index.ts';
import { clone, newControllerRef } from '../replicaset/objects.ts';
import { maxRevision, REVISION, setNewReplicaSetAnnotations } from './annotations.ts';
import { getCondition, newCondition, PROGRESSING, REASONS, setCondition } from './conditions.ts';
import { desiredReplicas, isRollingUpdate, maxSurge, scaledValue } from './intOrPercent.ts';
import { POD_TEMPLATE_HASH_LABEL, podTemplateHash } from './podTemplateHash.ts';
import { equalIgnoreHash, findNewReplicaSet, specReplicas, sumReplicas } from './replicaSetSets.ts';
import { event, setDeploymentRevision, write, type SyncContext } from './SyncContext.ts';

export const DEPLOYMENT_API_VERSION = 'apps/v1';
export const DEPLOYMENT_KIND = 'Deployment';

export interface ReplicaSetsOfDeployment {
  newRS?: KubeObject;
  oldRSs: KubeObject[];
  /** Creating the new ReplicaSet hit another ReplicaSet's name: collisionCount was bumped, retry. */
  collided?: boolean;
}

/** progressDeadlineSeconds set and not MaxInt32. */
export const hasProgressDeadline = (d: KubeObject): boolean => d.spec?.progressDeadlineSeconds != null && d.spec.progressDeadlineSeconds !== 2147483647;

export function syncRevision(ctx: SyncContext, createIfNotExisted: boolean): ReplicaSetsOfDeployment {
  const { d } = ctx;
  const existing = findNewReplicaSet(d, ctx.rss, ctx.now);
  const oldRSs = ctx.rss.filter((rs) => rs !== existing);
  const newRevision = maxRevision(oldRSs) + 1;
  const desired = desiredReplicas(d);
  if (existing) {
    const annotated = setNewReplicaSetAnnotations(d, existing, newRevision, true, desired, desired + maxSurge(d));
    const minReady = d.spec?.minReadySeconds ?? 0;
    const minReadyChanged = (existing.spec?.minReadySeconds ?? 0) !== minReady;
    if (annotated || minReadyChanged) {
      existing.spec = { ...existing.spec, minReadySeconds: minReady };
      write(ctx, existing, 'update', `new replica set ${existing.metadata.name} at revision ${existing.metadata.annotations?.[REVISION]}`);
    }
    setDeploymentRevision(ctx, existing.metadata.annotations?.[REVISION]);
    if (hasProgressDeadline(d) && !getCondition(d.status, PROGRESSING))
      setCondition(d.status, newCondition(PROGRESSING, 'True', REASONS.foundNewRS, `Found new replica set "${existing.metadata.name}"`, ctx.now));
    return { newRS: existing, oldRSs };
  }
  if (!createIfNotExisted) return { oldRSs };
  return createNewReplicaSet(ctx, oldRSs, newRevision);
}

function createNewReplicaSet(ctx: SyncContext, oldRSs: KubeObject[], newRevision: number): ReplicaSetsOfDeployment {
  const { d } = ctx;
  const hash = podTemplateHash(d.spec?.template, d.status?.collisionCount);
  const name = `${d.metadata.name}-${hash}`;
  const clash = ctx.allInNamespace.find((rs) => rs.metadata.name === name);
  if (clash) {
    const ours = clash.metadata.ownerReferences?.some((r: any) => r.controller && r.uid === d.metadata.uid);
    if (ours && equalIgnoreHash(d.spec?.template, clash.spec?.template)) return { newRS: clash, oldRSs };
    d.status.collisionCount = (d.status.collisionCount ?? 0) + 1;
    return { oldRSs, collided: true };
  }
  const template = clone(d.spec?.template ?? {});
  template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [POD_TEMPLATE_HASH_LABEL]: hash } };
  const selector = clone(d.spec?.selector ?? {});
  selector.matchLabels = { ...selector.matchLabels, [POD_TEMPLATE_HASH_LABEL]: hash };
  const newRS: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: d.metadata.namespace, labels: { ...template.metadata.labels }, ownerReferences: [newControllerRef(d, DEPLOYMENT_API_VERSION, DEPLOYMENT_KIND)] },
    spec: { replicas: 0, minReadySeconds: d.spec?.minReadySeconds ?? 0, selector, template },
  };
  const replicas = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  newRS.spec.replicas = replicas;
  const desired = desiredReplicas(d);
  setNewReplicaSetAnnotations(d, newRS, newRevision, false, desired, desired + maxSurge(d));
  ctx.rss.push(newRS);
  write(ctx, newRS, 'create', `new replica set ${name} for revision ${newRevision}`,
    replicas > 0 ? event(ctx, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} to ${replicas}`) : undefined);
  setDeploymentRevision(ctx, String(newRevision));
  if (hasProgressDeadline(d)) setCondition(d.status, newCondition(PROGRESSING, 'True', REASONS.newReplicaSet, `Created new replica set "${name}"`, ctx.now));
  return { newRS, oldRSs };
}

/**
 * NewRSNewReplicas: Recreate → spec.replicas; RollingUpdate → grow the new ReplicaSet by what
 * maxSurge leaves room for, never past spec.replicas.
 */
export function newRSNewReplicas(d: KubeObject, allRSs: readonly KubeObject[], newRS: KubeObject): number {
  const desired = desiredReplicas(d);
  if (!isRollingUpdate(d)) return desired;
  const surge = scaledValue(d.spec?.strategy?.rollingUpdate?.maxSurge ?? '25%', desired, true) ?? 0;
  const current = sumReplicas(allRSs);
  const maxTotal = desired + surge;
  if (current >= maxTotal) return specReplicas(newRS);
  return specReplicas(newRS) + Math.min(maxTotal - current, desired - specReplicas(newRS));
}
