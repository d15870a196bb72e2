// kube-proxy as a pure model: Services + Endpoints → the backend of a connection.
export { KubeProxy, DEFAULT_AFFINITY_SECONDS, type Backend, type RouteRequest, type RouteResult } from './KubeProxy.ts';
export { kubeProxyComponent, startKubeProxy, nodeAddress, KUBE_PROXY, type RunningKubeProxy, type LiveRouteRequest } from './component/kubeProxyComponent.ts';
