// NodeName: a pod that names a node (spec.nodeName) fits only that node.
import type { FilterPlugin } from '../../framework/interfaces.ts';
import { Code, Status } from '../../framework/status.ts';
import * as names from '../names.ts';

export const NAME = names.NodeName;
export const REASON = "node(s) didn't match the requested node name";
const REJECTED = new Status(Code.UnschedulableAndUnresolvable, REASON);

export function newNodeName(): FilterPlugin {
  return {
    name: NAME,
    filter: (_state, pod, node) => (pod.nodeName === '' || pod.nodeName === node.name ? null : REJECTED),
  } satisfies FilterPlugin;
}
