import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../client/index.ts';
import type { Action } from '../actions.ts';
import { at, pod, T0 } from '../replicaset/fixtures.ts';
import { deployment, ownedRS, template } from './fixtures.ts';
import { podTemplateHash } from './podTemplateHash.ts';
import { reconcileDeployment } from './reconcileDeployment.ts';

const NOW = T0 + 100_000;
const hash = (image: string) => podTemplateHash(template(image));
const summary = (actions: Action[]) => actions.map((a) => {
  if (a.verb === 'create' || a.verb === 'update') return `${a.verb} ${a.kind} ${a.name}${a.kind === 'ReplicaSet' ? ` replicas=${a.object!.spec.replicas}` : ''}`;
  if (a.verb === 'patch' && a.kind === 'Deployment') return `patch Deployment revision=${(a.patch as any).metadata.annotations['deployment.kubernetes.io/revision']}`;
  return `${a.verb} ${a.kind} ${a.name}`;
});
const cond = (actions: Action[], type: string) => actions.find((a) => a.verb === 'updateStatus')?.object!.status.conditions?.find((c: any) => c.type === type);
const complete = (replicas: number) => ({
  observedGeneration: 1, replicas, updatedReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas,
  conditions: [
    { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: at(1), lastTransitionTime: at(1) },
    { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: 'x', lastUpdateTime: at(1), lastTransitionTime: at(1) },
  ],
});

test('A new Deployment creates its ReplicaSet at revision 1 with every replica, and records revision and conditions', () => {
  const r = reconcileDeployment(deployment('v1'), [], [], NOW);
  assert.deepEqual(summary(r.actions), [`create ReplicaSet web-${hash('v1')} replicas=3`, 'updateStatus Deployment web', 'patch Deployment revision=1']);
  const rs = r.actions[0].object!;
  assert.deepEqual(rs.metadata.annotations, { 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' });
  assert.deepEqual(rs.spec.selector, { matchLabels: { app: 'web', 'pod-template-hash': hash('v1') } });
  assert.equal(rs.spec.template.metadata.labels['pod-template-hash'], hash('v1'));
  assert.equal(r.actions[0].event?.message, `Scaled up replica set web-${hash('v1')} to 3`);
  assert.deepEqual(cond(r.actions, 'Progressing'), { type: 'Progressing', status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "web-${hash('v1')}"`, lastUpdateTime: at(100), lastTransitionTime: at(100) });
  assert.equal(cond(r.actions, 'Available').reason, 'MinimumReplicasUnavailable');
  assert.deepEqual({ ...r.status, conditions: undefined }, { observedGeneration: 1, unavailableReplicas: 3, conditions: undefined });
});

test('A completed rollout needs no action', () => {
  const d = deployment('v1', { status: complete(3), annotations: { 'deployment.kubernetes.io/revision': '1' } });
  assert.deepEqual(reconcileDeployment(d, [ownedRS(d, 'v1', 1, 3)], [], NOW).actions, []);
});

const rolling = (status: unknown) => deployment('v2', { status, annotations: { 'deployment.kubernetes.io/revision': '1' } });

test('A template change creates the next revision with maxSurge pods and keeps the old ReplicaSet', () => {
  const d = rolling(complete(3));
  const r = reconcileDeployment(d, [ownedRS(d, 'v1', 1, 3)], [], NOW);
  assert.deepEqual(summary(r.actions), [`create ReplicaSet web-${hash('v2')} replicas=1`, 'updateStatus Deployment web', 'patch Deployment revision=2']);
  assert.equal(r.actions[0].object!.metadata.annotations['deployment.kubernetes.io/revision'], '2');
  assert.equal(cond(r.actions, 'Progressing').reason, 'NewReplicaSetCreated');
});

test('Old pods are not scaled down while the new ones are unavailable and maxUnavailable is used up', () => {
  const d = rolling(complete(3));
  const r = reconcileDeployment(d, [ownedRS(d, 'v1', 1, 3), ownedRS(d, 'v2', 2, 1, 0)], [], NOW);
  assert.deepEqual(summary(r.actions).filter((s) => s.includes('ReplicaSet')), []);
});

test('Once a new pod is available one old pod goes, keeping replicas - maxUnavailable available', () => {
  const d = rolling(complete(3));
  const r = reconcileDeployment(d, [ownedRS(d, 'v1', 1, 3), ownedRS(d, 'v2', 2, 1, 1)], [], NOW);
  assert.deepEqual(summary(r.actions).filter((s) => s.includes('ReplicaSet')), [`update ReplicaSet web-${hash('v1')} replicas=2`]);
  assert.equal(r.actions[0].event?.message, `Scaled down replica set web-${hash('v1')} to 2 from 3`);
});

test('Unavailable old pods are scaled away first, beyond what availability alone would allow', () => {
  const d = rolling(complete(3));
  const r = reconcileDeployment(d, [ownedRS(d, 'v1', 1, 3, 1), ownedRS(d, 'v2', 2, 1, 1)], [], NOW);
  // 4 pods, minAvailable 3, no unavailable new pod: 1 may go; it is one of the 2 unavailable old ones.
  assert.deepEqual(summary(r.actions).filter((s) => s.includes('ReplicaSet')), [`update ReplicaSet web-${hash('v1')} replicas=2`]);
});

test('Undoing a rollout (the template set back to an old ReplicaSet\'s) makes that ReplicaSet new with the next revision', () => {
  const d = deployment('v1', { status: complete(3), annotations: { 'deployment.kubernetes.io/revision': '2' } });
  const r = reconcileDeployment(d, [ownedRS(d, 'v1', 1, 0, 0), ownedRS(d, 'v2', 2, 3)], [], NOW);
  const bumped = r.actions.find((a) => a.name === `web-${hash('v1')}`)!.object!;
  assert.equal(bumped.metadata.annotations['deployment.kubernetes.io/revision'], '3');
  assert.equal(bumped.metadata.annotations['deployment.kubernetes.io/revision-history'], '1');
  assert.equal(bumped.spec.replicas, 1);
  assert.ok(summary(r.actions).includes('patch Deployment revision=3'));
});

test('The deprecated rollback annotation restores that revision\'s template and clears itself', () => {
  const d = deployment('v2', { status: complete(3), annotations: { 'deployment.kubernetes.io/revision': '2', 'deprecated.deployment.rollback.to': '0' } });
  const r = reconcileDeployment(d, [ownedRS(d, 'v1', 1, 0, 0), ownedRS(d, 'v2', 2, 3)], [], NOW);
  const update = r.actions.find((a) => a.verb === 'update' && a.kind === 'Deployment')!;
  assert.deepEqual(update.object!.spec.template, template('v1'));
  assert.equal(update.object!.metadata.annotations['deprecated.deployment.rollback.to'], undefined);
  assert.equal(update.event?.message, 'Rolled back deployment "web" to revision 1');
});

test('Recreate scales every old ReplicaSet to zero before creating the new one', () => {
  const d = deployment('v2', { strategy: { type: 'Recreate' }, status: complete(3), annotations: { 'deployment.kubernetes.io/revision': '1' } });
  const old = ownedRS(d, 'v1', 1, 3);
  assert.deepEqual(summary(reconcileDeployment(d, [old], [], NOW).actions).filter((s) => s.includes('ReplicaSet')), [`update ReplicaSet web-${hash('v1')} replicas=0`]);
  const drained = { ...old, spec: { ...old.spec, replicas: 0 }, status: { replicas: 0, observedGeneration: 1 } };
  const stillRunning = pod('old-1', { owner: old, phase: 'Running' });
  assert.deepEqual(summary(reconcileDeployment(d, [drained], [stillRunning], NOW).actions).filter((s) => s.includes('ReplicaSet')), []);
  assert.deepEqual(summary(reconcileDeployment(d, [drained], [pod('old-1', { owner: old, phase: 'Succeeded' })], NOW).actions).filter((s) => s.includes('ReplicaSet')), [`create ReplicaSet web-${hash('v2')} replicas=3`]);
});

test('Scaling mid-rollout grows the active ReplicaSets in proportion to their size', () => {
  const d = deployment('v2', { replicas: 15, status: { replicas: 13 }, annotations: { 'deployment.kubernetes.io/revision': '2' } });
  const a = ownedRS(d, 'v1', 1, 8, 8), b = ownedRS(d, 'v2', 2, 5, 0);
  for (const rs of [a, b]) Object.assign(rs.metadata.annotations, { 'deployment.kubernetes.io/desired-replicas': '10', 'deployment.kubernetes.io/max-replicas': '13' });
  const r = reconcileDeployment(d, [a, b], [], NOW);
  assert.deepEqual(summary(r.actions).filter((s) => s.includes('ReplicaSet')), [`update ReplicaSet web-${hash('v1')} replicas=12`, `update ReplicaSet web-${hash('v2')} replicas=7`]);
  assert.equal(r.actions[0].object!.metadata.annotations['deployment.kubernetes.io/max-replicas'], '19');
});

test('Old ReplicaSets beyond revisionHistoryLimit are deleted oldest revision first once the rollout completes', () => {
  const d = deployment('v4', { revisionHistoryLimit: 1, status: complete(3), annotations: { 'deployment.kubernetes.io/revision': '4' } });
  const rss = [ownedRS(d, 'v1', 1, 0, 0), ownedRS(d, 'v2', 2, 0, 0), ownedRS(d, 'v3', 3, 0, 0), ownedRS(d, 'v4', 4, 3)];
  for (const rs of rss.slice(0, 3)) rs.status = { replicas: 0, observedGeneration: 1 };
  assert.deepEqual(summary(reconcileDeployment(d, rss, [], NOW).actions), [`delete ReplicaSet web-${hash('v1')}`, `delete ReplicaSet web-${hash('v2')}`]);
});

test('A paused Deployment records DeploymentPaused and does not roll out a new template', () => {
  const d = deployment('v2', { paused: true, status: complete(3), annotations: { 'deployment.kubernetes.io/revision': '1' } });
  const r = reconcileDeployment(d, [ownedRS(d, 'v1', 1, 3)], [], NOW);
  assert.deepEqual(summary(r.actions), ['updateStatus Deployment web']);
  assert.deepEqual(cond(r.actions, 'Progressing'), { type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused', lastUpdateTime: at(100), lastTransitionTime: at(100) });
  assert.equal(r.status?.updatedReplicas, undefined);
});

test('A rollout without progress for progressDeadlineSeconds is marked ProgressDeadlineExceeded', () => {
  const stuck = { ...complete(3), replicas: 4, updatedReplicas: 1, conditions: [{ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: 'x', lastUpdateTime: at(0), lastTransitionTime: at(0) }] };
  const d = rolling(stuck);
  const rss = [ownedRS(d, 'v1', 1, 3), ownedRS(d, 'v2', 2, 1, 0)];
  const early = reconcileDeployment(d, rss, [], T0 + 300_000);
  assert.equal(early.requeueAfterMs, 301_000);
  const late = reconcileDeployment(d, rss, [], T0 + 601_000);
  assert.deepEqual(cond(late.actions, 'Progressing'), { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "web-${hash('v2')}" has timed out progressing.`, lastUpdateTime: at(601), lastTransitionTime: at(601) });
});

test('A rollout that completes is marked NewReplicaSetAvailable', () => {
  const d = rolling({ ...complete(3), replicas: 4, updatedReplicas: 3, availableReplicas: 3, conditions: [complete(3).conditions[0], { ...complete(3).conditions[1], reason: 'ReplicaSetUpdated' }] });
  const r = reconcileDeployment(d, [ownedRS(d, 'v1', 1, 0, 0), ownedRS(d, 'v2', 2, 3)], [], NOW);
  assert.equal(cond(r.actions, 'Progressing').reason, 'NewReplicaSetAvailable');
  assert.equal(cond(r.actions, 'Progressing').message, `ReplicaSet "web-${hash('v2')}" has successfully progressed.`);
});

test('An empty selector only warns SelectingAll and records the observed generation', () => {
  const d = deployment('v1', { generation: 2 });
  d.spec.selector = {};
  const r = reconcileDeployment(d, [], [], NOW);
  assert.deepEqual(summary(r.actions), ['updateStatus Deployment web']);
  assert.equal(r.actions[0].event?.reason, 'SelectingAll');
});

test('An orphan ReplicaSet matching the selector is adopted', () => {
  const d = deployment('v1', { status: complete(3), annotations: { 'deployment.kubernetes.io/revision': '1' } });
  const orphan = ownedRS(d, 'v1', 1, 3);
  delete orphan.metadata.ownerReferences;
  const r = reconcileDeployment(d, [orphan], [], NOW);
  assert.equal(r.actions[0].verb, 'patch');
  assert.equal((r.actions[0].patch as any).metadata.ownerReferences[0].uid, 'uid-deploy');
});

test('A ReplicaSet of another owner holding the new name bumps collisionCount instead of creating', () => {
  const d = deployment('v1');
  const squatter: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `web-${hash('v1')}`, namespace: 'default', uid: 'x', labels: { other: 'x' } }, spec: { replicas: 0, selector: { matchLabels: { other: 'x' } }, template: template('other') } };
  const r = reconcileDeployment(d, [squatter], [], NOW);
  assert.deepEqual(summary(r.actions), ['updateStatus Deployment web']);
  assert.equal(r.actions[0].object!.status.collisionCount, 1);
  const retry = reconcileDeployment({ ...d, status: { collisionCount: 1 } }, [squatter], [], NOW);
  assert.equal(retry.actions[0].name, `web-${podTemplateHash(template('v1'), 1)}`);
});

test('The inputs are not mutated', () => {
  const d = rolling(complete(3));
  const rss = [ownedRS(d, 'v1', 1, 3), ownedRS(d, 'v2', 2, 1, 1)];
  const before = JSON.stringify([d, rss]);
  reconcileDeployment(d, rss, [], NOW);
  assert.equal(JSON.stringify([d, rss]), before);
});
