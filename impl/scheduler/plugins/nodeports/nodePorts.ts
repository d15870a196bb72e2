// NodePorts: a pod's host ports (hostIP, protocol, hostPort) must be free on the node; 0.0.0.0
// (or no hostIP) collides with the same protocol and port on any IP.
import type { FilterPlugin, PreFilterPlugin } from '../../framework/interfaces.ts';
import { Code, SKIP, Status } from '../../framework/status.ts';
import * as names from '../names.ts';

export const NAME = names.NodePorts;
export const REASON = "node(s) didn't have free ports for the requested pod ports";
const REJECTED = new Status(Code.Unschedulable, REASON);

export function newNodePorts(): PreFilterPlugin & FilterPlugin {
  return {
    name: NAME,
    preFilter: (_state, pod) => (pod.hostPorts.length === 0 ? { status: SKIP } : null),
    filter(_state, pod, node) {
      for (const p of pod.hostPorts) if (node.portConflicts(p.ip, p.protocol, p.port)) return REJECTED;
      return null;
    },
  } satisfies PreFilterPlugin & FilterPlugin;
}
