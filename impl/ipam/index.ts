// Service addresses: cluster IPs, NodePorts, and the validation of Service ports.
export { ClusterIPAllocator, parseIPv4, formatIPv4 } from './ClusterIPAllocator.ts';
export { NodePortAllocator } from './NodePortAllocator.ts';
export { ServiceAllocator, type ServiceAllocation, type ServiceAllocatorOptions } from './ServiceAllocator.ts';
export { validateService, portNameErrors, isValidPortNum, PORT_RANGE_ERROR } from './validateService.ts';
export { fieldErrors, formatFieldError, IpamConfigError, type FieldError, type Allocation, type GoValue } from './fieldError.ts';
