import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../harness/contract/methods.ts';
import { sentinelRejected } from './schedulerSentinel.ts';

const pod = (conditions: Record<string, string>[]): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 's' }, status: { conditions } });
const unschedulable = (message: string) => ({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message });

test('the sentinel counts as rejected once a scheduler that knows every node has marked it unschedulable', () => {
  const cases: { name: string; pod: KubeObject; nodes: number; want: boolean }[] = [
    { name: 'no condition yet', pod: pod([]), nodes: 3, want: false },
    { name: 'scheduled condition pending', pod: pod([{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }]), nodes: 3, want: false },
    { name: 'rejected, counting every node', pod: pod([unschedulable("0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.")]), nodes: 3, want: true },
    { name: 'rejected by a scheduler that has not seen every node', pod: pod([unschedulable('0/2 nodes are available: 2 node(s) didn\'t match.')]), nodes: 3, want: false },
    { name: 'rejected with no nodes yet', pod: pod([unschedulable('0/0 nodes are available.')]), nodes: 1, want: false },
    { name: "rejected in another scheduler's words: the pod stream has caught up", pod: pod([unschedulable('no fit')]), nodes: 3, want: true },
  ];
  for (const c of cases) assert.equal(sentinelRejected(c.pod, c.nodes), c.want, c.name);
});
