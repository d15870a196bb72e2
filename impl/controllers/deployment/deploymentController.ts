// The Deployment controller as a running component (CTL-2, CTL-4): Deployment, ReplicaSet and Pod
// informers feed one work queue of Deployment keys; a sync runs reconcileDeployment on the cached
// state and applies its actions. ReplicaSet events go to the controlling Deployment, or, for an
// orphan, to every Deployment in its namespace whose selector matches it; a pod's deletion goes
// to the Deployment that controls its ReplicaSet (Recreate waits for old pods to be gone).
// A sync that adopts a ReplicaSet and updates it in one go meets a Conflict on the update (the
// adoption changed its resourceVersion) and is retried with backoff.
//
// Templates are compared as Go would decode them: a null field is an absent one (kubectl sends
// `creationTimestamp: null` in the template it copies back from a ReplicaSet on `rollout undo`).
import { keyOf, type KubeObject } from '../../client/index.ts';
import type { ComponentContext, ComponentDefinition } from '../../controlplane/Component.ts';
import { applyActions } from '../replicaset/applyActions.ts';
import { controllerOf, labelsOf, selectorMatcher } from '../replicaset/objects.ts';
import { OwnerIndex } from '../replicaset/OwnerIndex.ts';
import { DEPLOYMENT_KIND } from './newReplicaSet.ts';
import { reconcileDeployment } from './reconcileDeployment.ts';

export const DEPLOYMENT_CONTROLLER = 'deployment-controller';

export async function startDeploymentController(ctx: ComponentContext) {
  const deployments = ctx.informer('Deployment');
  const sets = ctx.informer('ReplicaSet');
  const pods = ctx.informer('Pod');
  const deploymentIndex = new OwnerIndex(deployments);
  const setIndex = new OwnerIndex(sets);
  const podIndex = new OwnerIndex(pods);
  const queue = ctx.queue(sync);

  /** The key of the Deployment controlling `rs`, when it is in the cache. */
  const controllingDeployment = (rs: KubeObject | undefined): string | undefined => {
    const ref = rs && controllerOf(rs);
    if (ref?.kind !== DEPLOYMENT_KIND) return undefined;
    const key = `${rs!.metadata.namespace}/${ref.name}`;
    return deployments.get(key)?.metadata.uid === ref.uid ? key : undefined;
  };
  const matchingDeployments = (rs: KubeObject): string[] =>
    deploymentIndex.inNamespace(rs.metadata.namespace).filter((d) => selectorMatcher(d.spec?.selector)?.(labelsOf(rs))).map(keyOf);
  const enqueue = (keys: Iterable<string | undefined>) => {
    for (const k of new Set(keys)) if (k) queue.add(k);
  };

  deployments.on({ add: (d) => queue.add(keyOf(d)), update: (_, d) => queue.add(keyOf(d)), delete: (d) => queue.add(keyOf(d)) });
  sets.on({
    add: (rs) => enqueue(controllerOf(rs) ? [controllingDeployment(rs)] : matchingDeployments(rs)),
    update: (old, rs) => {
      const relabelled = JSON.stringify(old.metadata.labels ?? {}) !== JSON.stringify(rs.metadata.labels ?? {});
      const orphaned = !controllerOf(rs) && (relabelled || !!controllerOf(old));
      enqueue([controllingDeployment(old), controllingDeployment(rs), ...(orphaned ? matchingDeployments(rs) : [])]);
    },
    delete: (rs) => enqueue([controllingDeployment(rs)]),
  });
  pods.on({
    delete: (pod) => {
      const ref = controllerOf(pod);
      enqueue([ref ? controllingDeployment(sets.get(`${pod.metadata.namespace}/${ref.name}`)) : undefined]);
    },
  });

  async function sync(key: string) {
    const d = deployments.get(key);
    if (!d) return;
    const replicaSets = setIndex.inNamespace(d.metadata.namespace).map(withDecodedTemplate);
    const ownPods = setIndex.controlledBy(d.metadata.uid).flatMap((rs) => podIndex.controlledBy(rs.metadata.uid));
    const result = reconcileDeployment(withDecodedTemplate(d), replicaSets, ownPods, ctx.clock.now());
    await applyActions(ctx, result.actions);
    return result.requeueAfterMs !== undefined ? { requeueAfterMs: result.requeueAfterMs } : undefined;
  }

  await deployments.start();
  await sets.start();
  await pods.start();
}

/** JSON without null members (Go decodes a null into the zero value, which it omits). */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
}

/** `o` (not mutated) with its pod template as Go would decode it. */
function withDecodedTemplate(o: KubeObject): KubeObject {
  return o.spec?.template ? { ...o, spec: { ...o.spec, template: withoutNulls(o.spec.template) } } : o;
}

export const deploymentController: ComponentDefinition = {
  name: DEPLOYMENT_CONTROLLER,
  description: 'rolls each Deployment out through ReplicaSets: revisions, rolling update, rollback, cleanup',
  start: (ctx) => startDeploymentController(ctx),
};
