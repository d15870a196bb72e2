// Resolving a name as a pod's stub resolver does with its resolv.conf (glibc rules), against
// the cluster zone.
import { ClusterDnsZone, normaliseName, type DnsRecord, type RecordType } from './ClusterDnsZone.ts';
import type { ResolvConf } from './podDnsConfig.ts';

export type Resolution =
  | { found: true; name: string; records: DnsRecord[]; tried: string[] }
  | { found: false; tried: string[] };

/** The names a resolver tries, in order. */
export function candidateNames(name: string, conf: ResolvConf): string[] {
  if (name.endsWith('.')) return [normaliseName(name)];
  const ndots = Number(conf.options.find((o) => o.name === 'ndots')?.value ?? 1);
  const dots = name.split('.').length - 1;
  const searched = conf.searches.map((s) => normaliseName(`${name}.${s}`));
  const absolute = normaliseName(name);
  return dots >= ndots ? [absolute, ...searched] : [...searched, absolute];
}

/**
 * Tries each candidate name; the first one with records of the type (or, asking for A, a
 * CNAME) answers. Names outside the cluster zone are reported as not found here. Never throws.
 */
export function resolveName(zone: ClusterDnsZone, name: string, conf: ResolvConf, type: RecordType = 'A'): Resolution {
  const tried: string[] = [];
  for (const candidate of candidateNames(name, conf)) {
    tried.push(candidate);
    let records = zone.lookup(candidate, type);
    if (records.length === 0 && type === 'A') records = zone.lookup(candidate, 'CNAME');
    if (records.length) return { found: true, name: candidate, records, tried };
  }
  return { found: false, tried };
}
