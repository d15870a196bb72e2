// Every component the control plane can run, in start order. Adding a component is one line here
// (see README.md). `components: [...]` in ControlPlane.start picks among these names.
import type { ComponentDefinition } from './Component.ts';
import { schedulerComponent } from '../scheduler/component/schedulerComponent.ts';
import { kubeletComponent } from '../kubelet/component/kubeletComponent.ts';
import { nodeLifecycleController } from '../controllers/nodelifecycle/component.ts';
import { replicaSetController } from '../controllers/replicaset/replicaSetController.ts';
import { deploymentController } from '../controllers/deployment/deploymentController.ts';
import { garbageCollector } from '../controllers/garbagecollector/garbageCollector.ts';
import { kubeProxyComponent } from '../proxy/component/kubeProxyComponent.ts';
import { clusterDnsComponent } from '../dns/component/clusterDnsComponent.ts';
import { endpointSliceController } from '../controllers/endpointslice/endpointSliceController.ts';
import { dnsAddon, endpointsController, namespaceController, serviceAccountController, tokenController } from '../controllers/index.ts';

export const COMPONENTS: readonly ComponentDefinition[] = [
  namespaceController,
  serviceAccountController,
  tokenController,
  endpointsController,
  endpointSliceController,
  kubeProxyComponent,
  schedulerComponent,
  kubeletComponent,
  nodeLifecycleController,
  dnsAddon,
  clusterDnsComponent,
  replicaSetController,
  deploymentController,
  garbageCollector,
];

export const COMPONENT_NAMES: readonly string[] = COMPONENTS.map((c) => c.name);

/** The definitions for `names`, in registry order; throws RangeError naming an unknown one. */
export function componentsNamed(names: readonly string[]): ComponentDefinition[] {
  const unknown = names.filter((n) => !COMPONENT_NAMES.includes(n));
  if (unknown.length) throw new RangeError(`ControlPlane.start: unknown component(s) ${unknown.join(', ')}; known: ${COMPONENT_NAMES.join(', ')}`);
  return COMPONENTS.filter((c) => names.includes(c.name));
}
