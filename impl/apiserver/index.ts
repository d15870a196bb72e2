// The reference API server: one export surface.
export { startApiServer, type ApiServerOptions, type RunningApiServer } from './apiServer.ts';
export { createApiHandler, BOOTSTRAP_NAMESPACES, type ApiHandler, type ApiHandlerOptions, type ApiRequest, type ApiResponse } from './apiHandler.ts';
export { ADMIN, SERVICE_ACCOUNT_NAME_ANNOTATION, SERVICE_ACCOUNT_TOKEN_TYPE, type AuthenticationOptions, type UserInfo } from './authenticate.ts';
export { REAL_ENV, simulatedEnv, type ServerEnv } from './objectMeta.ts';
export { kubeconfigFor, parseKubeconfig, readKubeconfig, writeKubeconfig, type KubeconfigServer } from './kubeconfig.ts';
export { selfSignedCertificate, type ServingCertificate } from './servingCertificate.ts';
export { RESOURCES, resourceForKind } from './registry.ts';
export { groupVersion, type ResourceType } from './resourceType.ts';
export { resourceRoute, type ResourceRoute } from './route.ts';
export type { WatchEventOut, WatchStream } from './watchStream.ts';
export type { StatusBody, StatusCause } from './status.ts';
export { remoteKubelets, serveKubeletApi, type KubeletEndpoint } from './kubeletHttp.ts';
export { pickContainer, type ContainerLogOptions, type ExecOutput, type KubeletAnswer, type KubeletApi, type KubeletDialer } from './nodeProxy.ts';
