// The reference API server: one export surface.
export { startApiServer, type ApiServerOptions, type RunningApiServer } from './apiServer.ts';
export { createApiHandler, BOOTSTRAP_NAMESPACES, type ApiHandler, type ApiRequest, type ApiResponse } from './apiHandler.ts';
export { kubeconfigFor, writeKubeconfig } from './kubeconfig.ts';
export { RESOURCES, resourceForKind } from './registry.ts';
export { groupVersion, type ResourceType } from './resourceType.ts';
export type { WatchEventOut, WatchStream } from './watchStream.ts';
export type { StatusBody, StatusCause } from './status.ts';
