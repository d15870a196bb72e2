// The reference controllers: one export surface.
export { namespaceController, startNamespaceController, namespacedResources, NAMESPACE_FINALIZER } from './namespace/namespaceController.ts';
export { serviceAccountController, startServiceAccountController, DEFAULT_SERVICE_ACCOUNT } from './serviceaccount/serviceAccountController.ts';
export { tokenController, startTokenController, SERVICE_ACCOUNT_TOKEN_TYPE, SA_NAME_ANNOTATION, SA_UID_ANNOTATION, TOKEN_KEYS } from './token/tokenController.ts';
export { endpointsController, startEndpointsController } from './endpoints/endpointsController.ts';
export { dnsAddon, startDnsAddon, CLUSTER_DNS_IP } from './dns/dnsAddon.ts';
