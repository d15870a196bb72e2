// The endpoints package: a Service's v1 Endpoints from its Pods, from scratch or incrementally.
export { computeEndpoints, isLeftUntouched, assembleEndpoints, type EndpointsOptions } from './computeEndpoints.ts';
export { EndpointsIndex } from './EndpointsIndex.ts';
export { compareWithRebuild, canonicalJson, type RebuildDifference } from './compareWithRebuild.ts';
export { findPort, defaultServicePort } from './findPort.ts';
export { isPodReady, isPodTerminal, shouldPodBeInEndpoints, shouldSetHostname } from './podEligibility.ts';
export { selects, selectorMatches, namespaceOf } from './podContribution.ts';
export { repackSubsets, compareAddresses } from './repackSubsets.ts';
export { truncateSubsets } from './truncateSubsets.ts';
export * from './types.ts';
