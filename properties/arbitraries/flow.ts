// Commands of the self-healing model-based test (properties/flow): pods by a small set of names,
// node indexes, scales of the ReplicaSet, rollouts of the Deployment to one of a few images, and
// stretches of cluster time long enough to cross the 50 s grace period and the 30 s toleration in
// a few steps.
import fc from 'fast-check';
import { AdvanceTime } from '../flow/commands/advance-time.ts';
import { CreatePod } from '../flow/commands/create-pod.ts';
import { DeletePod } from '../flow/commands/delete-pod.ts';
import { HealNode } from '../flow/commands/heal-node.ts';
import { KillNode } from '../flow/commands/kill-node.ts';
import { RolloutDeployment } from '../flow/commands/rollout-deployment.ts';
import { ScaleReplicaSet } from '../flow/commands/scale-replicaset.ts';

export const FLOW_NODES = 3;

export const podName = fc.constantFrom('web-0', 'web-1', 'web-2', 'web-3', 'web-4', 'web-5');
export const nodeIndex = fc.nat(FLOW_NODES - 1);
export const replicas = fc.nat(4);
export const image = fc.constantFrom('nginx:1.25', 'nginx:1.26', 'nginx:1.27');
export const seconds = fc.constantFrom(1, 5, 15, 30, 60, 120);

export const flowCommands = [
  fc.oneof(
    { weight: 4, arbitrary: podName.map((n) => new CreatePod(n)) },
    { weight: 1, arbitrary: podName.map((n) => new DeletePod(n)) },
    { weight: 2, arbitrary: nodeIndex.map((i) => new KillNode(i)) },
    { weight: 2, arbitrary: nodeIndex.map((i) => new HealNode(i)) },
    { weight: 2, arbitrary: replicas.map((n) => new ScaleReplicaSet(n)) },
    { weight: 2, arbitrary: image.map((i) => new RolloutDeployment(i)) },
    { weight: 4, arbitrary: seconds.map((s) => new AdvanceTime(s)) },
  ),
];
