// Cluster DNS: the records served for Services, the pods' resolv.conf, and name resolution.
export { ClusterDnsZone, DEFAULT_CLUSTER_DOMAIN, normaliseName, type DnsRecord, type RecordType } from './ClusterDnsZone.ts';
export { podDnsConfig, podDnsType, formatResolvConf, CLUSTER_FIRST_OPTIONS, type ResolvConf, type KubeletDnsSettings } from './podDnsConfig.ts';
export { resolveName, candidateNames, type Resolution } from './resolveName.ts';
export { kubeDnsService, DNS_NAMESPACE, DNS_SERVICE_NAME } from './kubeDnsService.ts';
export { clusterDnsComponent, CLUSTER_DNS, type RunningClusterDns } from './component/clusterDnsComponent.ts';
