// The ReplicaSet controller as a running component (CTL-1, LBL-6): ReplicaSet and Pod informers
// feed one work queue of ReplicaSet keys; a sync runs reconcileReplicaSet on the cached state and
// applies its actions. Pod events go to the pod's controlling ReplicaSet, or, for an orphan, to
// every ReplicaSet in its namespace whose selector matches it (it may be adopted). Expectations
// keep a sync from creating or deleting again before the informer has shown the last writes.
import { isNotFound, keyOf, type KubeObject } from '../../client/index.ts';
import type { ComponentContext, ComponentDefinition } from '../../controlplane/Component.ts';
import type { Action } from '../actions.ts';
import { ActionFailedError, applyActions } from './applyActions.ts';
import { Expectations } from './Expectations.ts';
import { controllerOf, labelsOf, selectorMatcher } from './objects.ts';
import { OwnerIndex } from './OwnerIndex.ts';
import { reconcileReplicaSet, RS_KIND } from './reconcileReplicaSet.ts';

export const REPLICASET_CONTROLLER = 'replicaset-controller';

const podKey = (a: Action) => `${a.namespace}/${a.name ?? a.object?.metadata.name}`;
const isAdoption = (a: Action) => a.verb === 'patch' && a.reason.startsWith('adopt ');

export async function startReplicaSetController(ctx: ComponentContext) {
  const sets = ctx.informer('ReplicaSet');
  const pods = ctx.informer('Pod');
  const setIndex = new OwnerIndex(sets);
  const podIndex = new OwnerIndex(pods);
  const expectations = new Expectations(ctx.clock);
  const queue = ctx.queue(sync);

  /** The key of the ReplicaSet controlling `pod`, when it is in the cache. */
  const controllingSet = (pod: KubeObject): string | undefined => {
    const ref = controllerOf(pod);
    if (ref?.kind !== RS_KIND) return undefined;
    const key = `${pod.metadata.namespace}/${ref.name}`;
    return sets.get(key)?.metadata.uid === ref.uid ? key : undefined;
  };
  const matchingSets = (pod: KubeObject): string[] =>
    setIndex.inNamespace(pod.metadata.namespace).filter((rs) => selectorMatcher(rs.spec?.selector)?.(labelsOf(pod))).map(keyOf);
  const enqueue = (keys: Iterable<string | undefined>) => {
    for (const k of keys) if (k) queue.add(k);
  };

  sets.on({
    add: (rs) => queue.add(keyOf(rs)),
    update: (_, rs) => queue.add(keyOf(rs)),
    delete: (rs) => {
      expectations.forget(keyOf(rs));
      queue.add(keyOf(rs));
    },
  });
  pods.on({
    add: (pod) => {
      const owner = controllingSet(pod);
      if (owner) expectations.created(owner, keyOf(pod));
      if (owner && pod.metadata.deletionTimestamp) expectations.deleted(owner, keyOf(pod));
      enqueue(owner ? [owner] : controllerOf(pod) ? [] : matchingSets(pod));
    },
    update: (old, pod) => {
      const owner = controllingSet(pod);
      const oldOwner = controllingSet(old);
      if (owner && pod.metadata.deletionTimestamp) expectations.deleted(owner, keyOf(pod));
      const relabelled = JSON.stringify(old.metadata.labels ?? {}) !== JSON.stringify(pod.metadata.labels ?? {});
      const orphaned = !controllerOf(pod) && (relabelled || !!controllerOf(old));
      enqueue([oldOwner !== owner ? oldOwner : undefined, owner, ...(orphaned ? matchingSets(pod) : [])]);
    },
    delete: (pod) => {
      const owner = controllingSet(pod);
      if (owner) expectations.deleted(owner, keyOf(pod));
      enqueue([owner]);
    },
  });

  async function sync(key: string) {
    const rs = sets.get(key);
    if (!rs) return;
    const uid = rs.metadata.uid;
    const owner = controllerOf(rs);
    const relatedPods = owner ? setIndex.controlledBy(owner.uid).flatMap((s) => podIndex.controlledBy(s.metadata.uid)) : undefined;
    const candidates = [...podIndex.controlledBy(uid), ...podIndex.orphansIn(rs.metadata.namespace)];
    const result = reconcileReplicaSet(rs, candidates, ctx.clock.now(), { random: () => ctx.tasks.random(), relatedPods, expectationsSatisfied: expectations.satisfied(key) });
    if (result.actions.some(isAdoption) && !(await stillAdopting(rs))) return;
    const creates = result.actions.filter((a) => a.verb === 'create' && a.kind === 'Pod').map(podKey);
    const deletes = result.actions.filter((a) => a.verb === 'delete' && a.kind === 'Pod').map(podKey);
    expectations.expect(key, creates, deletes);
    try {
      await applyActions(ctx, result.actions);
    } catch (error) {
      // Writes never sent (or refused) will never show in the informer.
      const unsent = error instanceof ActionFailedError ? result.actions.slice(error.index) : result.actions;
      for (const a of unsent) if (a.kind === 'Pod') a.verb === 'create' ? expectations.created(key, podKey(a)) : expectations.deleted(key, podKey(a));
      throw error;
    }
    return result.requeueAfterMs !== undefined ? { requeueAfterMs: result.requeueAfterMs } : undefined;
  }

  /** Upstream's RecheckDeletionTimestamp: adopt only for a ReplicaSet that, read afresh, is the same one and not being deleted. */
  async function stillAdopting(rs: KubeObject): Promise<boolean> {
    const fresh = await ctx.client.get(RS_KIND, rs.metadata.namespace, String(rs.metadata.name)).catch((error) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    return !!fresh && fresh.metadata.uid === rs.metadata.uid && !fresh.metadata.deletionTimestamp;
  }

  await sets.start();
  await pods.start();
}

export const replicaSetController: ComponentDefinition = {
  name: REPLICASET_CONTROLLER,
  description: 'keeps spec.replicas pods for every ReplicaSet, adopting and releasing pods by its selector',
  start: (ctx) => startReplicaSetController(ctx),
};
