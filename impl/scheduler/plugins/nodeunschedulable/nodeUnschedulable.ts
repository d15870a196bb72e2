// NodeUnschedulable: a cordoned node (spec.unschedulable) takes only pods that tolerate the
// `node.kubernetes.io/unschedulable:NoSchedule` taint.
import type { FilterPlugin } from '../../framework/interfaces.ts';
import { Code, Status } from '../../framework/status.ts';
import { tolerationsTolerate, type Taint } from '../../framework/taints.ts';
import * as names from '../names.ts';

export const NAME = names.NodeUnschedulable;
export const REASON = 'node(s) were unschedulable';
export const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', value: '', effect: 'NoSchedule' };
const REJECTED = new Status(Code.UnschedulableAndUnresolvable, REASON);

export function newNodeUnschedulable(): FilterPlugin {
  return {
    name: NAME,
    filter: (_state, pod, node) => (!node.unschedulable || tolerationsTolerate(pod.tolerations, UNSCHEDULABLE_TAINT) ? null : REJECTED),
  } satisfies FilterPlugin;
}
