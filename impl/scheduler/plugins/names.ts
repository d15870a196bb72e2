// Every plugin's name, in one place (upstream: plugins/names/names.go).

export const NodeName = 'NodeName';
export const NodeUnschedulable = 'NodeUnschedulable';
export const TaintToleration = 'TaintToleration';
export const NodeAffinity = 'NodeAffinity';
export const NodePorts = 'NodePorts';
export const NodeResourcesFit = 'NodeResourcesFit';
export const NodeResourcesBalancedAllocation = 'NodeResourcesBalancedAllocation';
export const PodTopologySpread = 'PodTopologySpread';
export const InterPodAffinity = 'InterPodAffinity';
export const ImageLocality = 'ImageLocality';
