import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getPhase } from './getPhase.ts';
import type { ContainerState, ContainerStatus, Pod } from '../types.ts';

const running: ContainerState = { running: { startedAt: 'x' } };
const exited = (exitCode: number): ContainerState => ({ terminated: { exitCode } });
const waiting: ContainerState = { waiting: { reason: 'ContainerCreating' } };
const cs = (name: string, state: ContainerState, extra: Partial<ContainerStatus> = {}): ContainerStatus => ({ name, state, lastState: {}, ready: false, restartCount: 0, image: 'i', imageID: '', ...extra });
const pod = (restartPolicy: string, names = ['a', 'b'], init: { name: string; restartPolicy?: string }[] = []): Pod => ({
  metadata: { name: 'p' },
  spec: { restartPolicy, containers: names.map((name) => ({ name })), initContainers: init },
});

const cases: { name: string; pod: Pod; statuses: ContainerStatus[]; terminal?: boolean; want: string }[] = [
  { name: 'no statuses yet is Pending', pod: pod('Always'), statuses: [], want: 'Pending' },
  { name: 'one waiting container keeps the pod Pending', pod: pod('Always'), statuses: [cs('a', running), cs('b', waiting)], want: 'Pending' },
  { name: 'all running is Running', pod: pod('Always'), statuses: [cs('a', running), cs('b', running)], want: 'Running' },
  { name: 'an unknown container with one running is Pending', pod: pod('Always'), statuses: [cs('a', running)], want: 'Pending' },
  { name: 'Always with all exited is Running (restarting)', pod: pod('Always'), statuses: [cs('a', exited(0)), cs('b', exited(1))], want: 'Running' },
  { name: 'Never with all exited 0 is Succeeded', pod: pod('Never'), statuses: [cs('a', exited(0)), cs('b', exited(0))], want: 'Succeeded' },
  { name: 'OnFailure with all exited 0 is Succeeded', pod: pod('OnFailure'), statuses: [cs('a', exited(0)), cs('b', exited(0))], want: 'Succeeded' },
  { name: 'Never with one failure is Failed', pod: pod('Never'), statuses: [cs('a', exited(0)), cs('b', exited(2))], want: 'Failed' },
  { name: 'OnFailure with one failure is Running (restarting)', pod: pod('OnFailure'), statuses: [cs('a', exited(0)), cs('b', exited(2))], want: 'Running' },
  { name: 'a container in back-off counts as stopped', pod: pod('OnFailure', ['a']), statuses: [cs('a', { waiting: { reason: 'CrashLoopBackOff' } }, { lastState: exited(1) })], want: 'Running' },
  { name: 'a terminal pod under Always is Succeeded when all exited 0', pod: pod('Always'), statuses: [cs('a', exited(0)), cs('b', exited(0))], terminal: true, want: 'Succeeded' },
  { name: 'a terminal pod under Always is Failed when one failed', pod: pod('Always'), statuses: [cs('a', exited(0)), cs('b', exited(137))], terminal: true, want: 'Failed' },
  { name: 'a running init container keeps the pod Pending', pod: pod('Always', ['a'], [{ name: 'i' }]), statuses: [cs('i', running)], want: 'Pending' },
  { name: 'a failed init container fails a Never pod', pod: pod('Never', ['a'], [{ name: 'i' }]), statuses: [cs('i', exited(1)), cs('a', { waiting: { reason: 'PodInitializing' } })], want: 'Failed' },
  { name: 'a failed init container in back-off keeps an Always pod Pending', pod: pod('Always', ['a'], [{ name: 'i' }]), statuses: [cs('i', { waiting: {} }, { lastState: exited(1) }), cs('a', { waiting: { reason: 'PodInitializing' } })], want: 'Pending' },
  { name: 'a started sidecar with a running container is Running', pod: pod('Always', ['a'], [{ name: 's', restartPolicy: 'Always' }]), statuses: [cs('s', running, { started: true }), cs('a', running)], want: 'Running' },
  { name: 'an unstarted sidecar keeps the pod Pending', pod: pod('Always', ['a'], [{ name: 's', restartPolicy: 'Always' }]), statuses: [cs('s', running, { started: false }), cs('a', waiting)], want: 'Pending' },
  { name: 'a restarting sidecar does not send a started pod back to Pending', pod: pod('Never', ['a'], [{ name: 's', restartPolicy: 'Always' }]), statuses: [cs('s', { waiting: {} }, { lastState: exited(1) }), cs('a', exited(0))], want: 'Succeeded' },
];
for (const c of cases) test(`getPhase: ${c.name}`, () => assert.equal(getPhase(c.pod, c.statuses, c.terminal), c.want));

