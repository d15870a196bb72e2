// Capability `faults` of the reference driver: the kubelet fleet's modes, the API server's watch
// streams, and a node's simulated runtime. Each call settles the control plane before answering.
import type { Handlers } from './handlers.ts';
import { DriverError } from '../../contract/driver.ts';
import type { NodeContainer } from '../../contract/methods.ts';
import type { ControlPlane } from '../../../impl/controlplane/index.ts';
import { KUBELET, type KubeletFleet } from '../../../impl/kubelet/component/kubeletComponent.ts';
import { settled } from './time.ts';

export function createFaultsHandlers(plane: () => ControlPlane): Handlers<'faults'> {
  const agentOf = (node: string) => {
    const agent = plane().component<KubeletFleet>(KUBELET)?.agent(node);
    if (!agent) throw new DriverError({ code: 'NotFound', message: `node "${node}" has no kubelet`, field: 'node' });
    return agent;
  };
  const setMode = async (node: string, mode: 'running' | 'stopped' | 'partitioned') => {
    agentOf(node);
    await plane().component<KubeletFleet>(KUBELET)!.setMode(node, mode);
    await settled(plane().settle());
    return {};
  };
  return {
    'faults.stopKubelet': ({ node }) => setMode(node, 'stopped'),
    'faults.startKubelet': ({ node }) => setMode(node, 'running'),
    'faults.partitionKubelet': ({ node }) => setMode(node, 'partitioned'),
    'faults.restartApiServer': async () => {
      const watchesEnded = plane().handler.resources.endWatches();
      await settled(plane().settle());
      return { watchesEnded };
    },
    'faults.runForeignContainer': async ({ node, name, image }) => {
      const id = agentOf(node).runtime.addForeignContainer(name, image, plane().clock.now());
      return { id };
    },
    'faults.nodeContainers': async ({ node }) => ({ containers: agentOf(node).runtime.hostContainers(plane().clock.now()) as NodeContainer[] }),
  };
}
