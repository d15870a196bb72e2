import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containersReadyCondition, initializedCondition, podReadyCondition } from './podConditions.ts';
import type { ContainerState, ContainerStatus, Pod } from '../types.ts';

const running: ContainerState = { running: { startedAt: 'x' } };
const exited = (exitCode: number): ContainerState => ({ terminated: { exitCode } });
const waiting: ContainerState = { waiting: { reason: 'ContainerCreating' } };
const cs = (name: string, state: ContainerState, extra: Partial<ContainerStatus> = {}): ContainerStatus => ({ name, state, lastState: {}, ready: false, restartCount: 0, image: 'i', imageID: '', ...extra });
const pod = (restartPolicy: string, names = ['a', 'b'], init: { name: string; restartPolicy?: string }[] = []): Pod => ({
  metadata: { name: 'p' },
  spec: { restartPolicy, containers: names.map((name) => ({ name })), initContainers: init },
});

test('ContainersReady and Ready list unknown and unready containers like Go prints a slice', () => {
  const p = pod('Always', ['a', 'b', 'c']);
  const statuses = [cs('a', running, { ready: true }), cs('b', running)];
  assert.deepEqual(containersReadyCondition(p, statuses, 'Running'), { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: 'containers with unknown status: [c], containers with unready status: [b]' });
  assert.deepEqual(podReadyCondition(p, [], statuses, 'Running'), { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unknown status: [c], containers with unready status: [b]' });
  assert.deepEqual(containersReadyCondition(p, null, 'Pending'), { type: 'ContainersReady', status: 'False', reason: 'UnknownContainerStatuses' });
  assert.deepEqual(containersReadyCondition(p, [], 'Failed'), { type: 'ContainersReady', status: 'False', reason: 'PodFailed' });
});

test('Ready waits for readiness gates with upstream messages', () => {
  const p: Pod = { ...pod('Always', ['a']), spec: { ...pod('Always', ['a']).spec, readinessGates: [{ conditionType: 'example.com/lb' }, { conditionType: 'example.com/dns' }] } };
  const statuses = [cs('a', running, { ready: true })];
  assert.deepEqual(podReadyCondition(p, [{ type: 'example.com/dns', status: 'False' }], statuses, 'Running'), {
    type: 'Ready',
    status: 'False',
    reason: 'ReadinessGatesNotReady',
    message: 'corresponding condition of pod readiness gate "example.com/lb" does not exist., the status of pod readiness gate "example.com/dns" is not "True", but False',
  });
  assert.equal(podReadyCondition(p, [{ type: 'example.com/dns', status: 'True' }, { type: 'example.com/lb', status: 'True' }], statuses, 'Running').status, 'True');
});

test('Initialized reports incomplete init containers, and PodCompleted for a succeeded pod', () => {
  const p = pod('Never', ['a'], [{ name: 'i' }, { name: 'j' }]);
  assert.deepEqual(initializedCondition(p, [cs('i', exited(0), { ready: true }), cs('j', running)], 'Pending'), { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [j]' });
  assert.deepEqual(initializedCondition(p, [cs('i', exited(0), { ready: true }), cs('j', exited(0), { ready: true }), cs('a', exited(0))], 'Succeeded'), { type: 'Initialized', status: 'True', reason: 'PodCompleted' });
  assert.deepEqual(initializedCondition(pod('Always'), null, 'Pending'), { type: 'Initialized', status: 'True' });
});

