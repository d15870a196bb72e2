// The kubelet fleet (NODE-1..4, FLOW-4, FLOW-5): like kwok, every Node created through the API gets
// its own simulated kubelet (NodeAgent), started when the Node appears and stopped when it is
// deleted. The fleet serves each node's kubelet API to the API server (pods/log, pods/exec) and
// lets the `faults` capability stop, restart or cut off a node's kubelet.
import type { KubeObject } from '../../client/index.ts';
import type { ComponentContext, ComponentDefinition, RunningComponent } from '../../controlplane/Component.ts';
import { NodeAgent, type KubeletMode } from './NodeAgent.ts';
import { nodeMachine } from './nodeMachine.ts';

export const KUBELET = 'kubelet';
/** A Node annotated `kconform.io/simulated-kubelet: "false"` gets no simulated kubelet (as on a real cluster, a Node made through the API has none). */
export const NO_SIMULATED_KUBELET = 'kconform.io/simulated-kubelet';
const simulated = (node: KubeObject) => node.metadata.annotations?.[NO_SIMULATED_KUBELET] !== 'false';

export interface KubeletFleet extends RunningComponent {
  /** The node's kubelet, while its Node exists. */
  agent(node: string): NodeAgent | undefined;
  /** Puts the node's kubelet into `mode`; false when the node has none. */
  setMode(node: string, mode: KubeletMode): Promise<boolean>;
}

export async function startKubeletFleet(ctx: ComponentContext): Promise<KubeletFleet> {
  const agents = new Map<string, NodeAgent>();
  let registered = 0;
  const nodes = ctx.informer('Node');
  const lane = (node: KubeObject) => `kubelet/${node.metadata.name}`;
  nodes.on({
    add: (node) => {
      if (!simulated(node)) return;
      const agent = new NodeAgent(ctx, node, nodeMachine(node, registered++));
      agents.set(agent.name, agent);
      ctx.tasks.enqueue(lane(node), 'start', () => agent.connect());
    },
    update: (_, node) => agents.get(String(node.metadata.name))?.nodeChanged(node),
    delete: (node) => {
      agents.get(String(node.metadata.name))?.close();
      agents.delete(String(node.metadata.name));
    },
  });
  await nodes.start();
  return {
    agent: (node) => agents.get(node),
    kubeletApi: (node) => {
      const agent = agents.get(node);
      return agent?.mode === 'running' ? agent : undefined;
    },
    async setMode(node, mode) {
      const agent = agents.get(node);
      if (!agent) return false;
      if (mode === agent.mode) return true;
      if (mode === 'running') ctx.tasks.enqueue(`kubelet/${node}`, 'start', () => agent.connect());
      else agent.disconnect(mode);
      return true;
    },
    stop() {
      for (const agent of agents.values()) agent.close();
      agents.clear();
    },
  };
}

export const kubeletComponent: ComponentDefinition = {
  name: KUBELET,
  description: 'a simulated kubelet per Node: runs the pods bound to it, reports their status, heartbeats, serves logs and exec',
  start: (ctx) => startKubeletFleet(ctx),
};
