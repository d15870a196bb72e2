import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DriverError } from '../../contract/driver.ts';
import { schedulingHandlers } from './scheduling.ts';

const node = { metadata: { name: 'n' }, status: { allocatable: { cpu: '1', memory: '1Gi', pods: '10' } } };
const pod = (cpu: string) => ({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', resources: { requests: { cpu } } }] } });

test('scheduling.schedule answers with the chosen node', async () => {
  assert.deepEqual(await schedulingHandlers['scheduling.schedule']({ nodes: [node], pods: [], pod: pod('500m') }), { scheduled: true, node: 'n', feasible: ['n'] });
});

test('scheduling.schedule answers Invalid with the field for an unreadable quantity', async () => {
  await assert.rejects(
    async () => schedulingHandlers['scheduling.schedule']({ nodes: [node], pods: [], pod: pod('x') }),
    (e: unknown) => e instanceof DriverError && e.code === 'Invalid' && e.field === 'pod.spec.containers[0].resources.requests.cpu' && e.kind === 'answer',
  );
});
