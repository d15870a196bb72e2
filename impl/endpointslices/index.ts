// The endpointslices package: a Service's discovery.k8s.io/v1 EndpointSlices from its Pods, as
// the creates, updates and deletes that bring the existing slices there.
export { reconcileEndpointSlices, type SliceOptions, type SlicePlan } from './reconcileEndpointSlices.ts';
export { podToEndpoint, endpointPorts, addressTypesForService } from './podToEndpoint.ts';
export { newEndpointSlice, sliceLabels, ownedBy, slicePrefix } from './newEndpointSlice.ts';
export { endpointKey, portMapKey } from './endpointSet.ts';
export * from './types.ts';
