// Every plugin's factory, in one place (upstream: plugins/registry.go). Enabling a plugin in a
// profile is one line naming it; its factory is found here.
import type { AnyPlugin } from '../framework/interfaces.ts';
import { newImageLocality } from './imagelocality/imageLocality.ts';
import { newInterPodAffinity } from './interpodaffinity/interPodAffinity.ts';
import * as names from './names.ts';
import { newNodeAffinity } from './nodeaffinity/nodeAffinity.ts';
import { newNodeName } from './nodename/nodeName.ts';
import { newNodePorts } from './nodeports/nodePorts.ts';
import { newNodeResourcesBalancedAllocation } from './noderesourcesbalancedallocation/nodeResourcesBalancedAllocation.ts';
import { newNodeResourcesFit } from './noderesourcesfit/nodeResourcesFit.ts';
import { newNodeUnschedulable } from './nodeunschedulable/nodeUnschedulable.ts';
import { newPodTopologySpread } from './podtopologyspread/podTopologySpread.ts';
import { newTaintToleration } from './tainttoleration/taintToleration.ts';

/** A plugin factory; `args` is the plugin's own configuration (e.g. NodeResourcesFit's ignoredResources). */
export type PluginFactory = (args?: any) => AnyPlugin;

export const registry: Readonly<Record<string, PluginFactory>> = {
  [names.NodeName]: newNodeName,
  [names.NodeUnschedulable]: newNodeUnschedulable,
  [names.TaintToleration]: newTaintToleration,
  [names.NodeAffinity]: newNodeAffinity,
  [names.NodePorts]: newNodePorts,
  [names.NodeResourcesFit]: newNodeResourcesFit,
  [names.NodeResourcesBalancedAllocation]: newNodeResourcesBalancedAllocation,
  [names.PodTopologySpread]: newPodTopologySpread,
  [names.InterPodAffinity]: newInterPodAffinity,
  [names.ImageLocality]: newImageLocality,
};
