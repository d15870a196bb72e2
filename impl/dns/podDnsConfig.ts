// The resolv.conf the kubelet gives a pod (upstream pkg/kubelet/network/dns).
import type { Pod } from '../endpoints/types.ts';
import { namespaceOf } from '../endpoints/podContribution.ts';
import { DEFAULT_CLUSTER_DOMAIN } from './ClusterDnsZone.ts';

export interface ResolvConf {
  nameservers: string[];
  searches: string[];
  options: { name: string; value?: string }[];
}

export interface KubeletDnsSettings {
  /** The cluster DNS service IPs (kubelet --cluster-dns); empty makes ClusterFirst fall back to Default. */
  clusterDNS: string[];
  clusterDomain?: string;
  /** The node's own resolv.conf, used by dnsPolicy Default (and appended to ClusterFirst searches). */
  host?: ResolvConf;
}

export const MAX_NAMESERVERS = 3;
export const MAX_SEARCHES = 32;
export const CLUSTER_FIRST_OPTIONS = [{ name: 'ndots', value: '5' }];

const unique = (list: string[]) => [...new Set(list)];

/** Options by name, later ones replacing earlier ones in place. */
function mergeOptions(base: ResolvConf['options'], extra: ResolvConf['options']): ResolvConf['options'] {
  const out = new Map(base.map((o) => [o.name, o]));
  for (const o of extra) out.set(o.name, o);
  return [...out.values()];
}

/** Which of upstream's three shapes a pod gets: the cluster's DNS, the node's, or only its own dnsConfig. */
export function podDnsType(pod: Pod, settings: KubeletDnsSettings): 'cluster' | 'host' | 'none' {
  const policy = pod.spec?.dnsPolicy ?? 'ClusterFirst';
  let type: 'cluster' | 'host' | 'none';
  if (policy === 'None') type = 'none';
  else if (policy === 'ClusterFirstWithHostNet') type = 'cluster';
  else if (policy === 'ClusterFirst') type = pod.spec?.hostNetwork ? 'host' : 'cluster';
  else type = 'host';
  return type === 'cluster' && settings.clusterDNS.length === 0 ? 'host' : type;
}

/**
 * The pod's DNS configuration. ClusterFirst (not on the host network): the cluster DNS servers,
 * search `<ns>.svc.<domain> svc.<domain> <domain>` then the node's searches, `options ndots:5`.
 * Default: the node's resolv.conf. None: nothing. Then pod.spec.dnsConfig is appended
 * (duplicates dropped, options replaced by name), and the lists are cut to 3 servers, 32 searches.
 */
export function podDnsConfig(pod: Pod, settings: KubeletDnsSettings): ResolvConf {
  const domain = settings.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN;
  const host = settings.host ?? { nameservers: [], searches: [], options: [] };
  let conf: ResolvConf;
  switch (podDnsType(pod, settings)) {
    case 'cluster': {
      const ns = namespaceOf(pod.metadata);
      const clusterSearch = domain ? [`${ns}.svc.${domain}`, `svc.${domain}`, domain] : [];
      conf = { nameservers: [...settings.clusterDNS], searches: unique([...clusterSearch, ...host.searches]), options: [...CLUSTER_FIRST_OPTIONS] };
      break;
    }
    case 'host':
      conf = { nameservers: [...host.nameservers], searches: [...host.searches], options: [...host.options] };
      break;
    default:
      conf = { nameservers: [], searches: [], options: [] };
  }
  const extra = pod.spec?.dnsConfig;
  if (extra) {
    conf = {
      nameservers: unique([...conf.nameservers, ...(extra.nameservers ?? [])]),
      searches: unique([...conf.searches, ...(extra.searches ?? [])]),
      options: mergeOptions(conf.options, extra.options ?? []),
    };
  }
  return { nameservers: conf.nameservers.slice(0, MAX_NAMESERVERS), searches: conf.searches.slice(0, MAX_SEARCHES), options: conf.options };
}

/** The resolv.conf text: `nameserver` lines, one `search` line, one `options` line. */
export function formatResolvConf(conf: ResolvConf): string {
  const lines = conf.nameservers.map((ns) => `nameserver ${ns}`);
  if (conf.searches.length) lines.push(`search ${conf.searches.join(' ')}`);
  if (conf.options.length) lines.push(`options ${conf.options.map((o) => (o.value !== undefined ? `${o.name}:${o.value}` : o.name)).join(' ')}`);
  return `${lines.join('\n')}\n`;
}
