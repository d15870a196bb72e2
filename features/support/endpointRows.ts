// Endpoints as scenarios and properties read them: one row per address, whatever the subsets.
//
// Upstream packs addresses into subsets (addresses that offer the same ports share one), and the
// order of subsets is an implementation detail. A row per address, with every port that address
// offers, is what a reader cares about and what two implementations must agree on.
import type { KubeObject } from '../../harness/contract/methods.ts';
import { splitList, yesNo } from './serviceScenario.ts';

interface Address {
  ip: string;
  targetRef?: { name?: string; namespace?: string };
}
interface Subset {
  addresses?: Address[];
  notReadyAddresses?: Address[];
  ports?: { name?: string; port: number; protocol?: string }[];
}

export interface EndpointRow {
  /** The pod named by the address's targetRef, '' when it has none. */
  pod: string;
  ip: string;
  ready: boolean;
  /** `http=8080, dns=53/UDP`: the ports this address offers, sorted; `/TCP` is left out. */
  ports: string;
}

/** A port as tables write it: `name=port`, or just `port`, with `/UDP` or `/SCTP` when not TCP. */
export function renderPort(p: { name?: string; port: number; protocol?: string }): string {
  const proto = p.protocol && p.protocol !== 'TCP' ? `/${p.protocol}` : '';
  return `${p.name ? `${p.name}=` : ''}${p.port}${proto}`;
}

/** The rows of an Endpoints object, sorted by IP then readiness. Null or no subsets → no rows. */
export function endpointRows(endpoints: KubeObject | null | undefined): EndpointRow[] {
  const byAddress = new Map<string, { pod: string; ip: string; ready: boolean; ports: Set<string> }>();
  for (const subset of ((endpoints as { subsets?: Subset[] } | null)?.subsets ?? [])) {
    const ports = (subset.ports ?? []).map(renderPort);
    const add = (a: Address, ready: boolean) => {
      const key = `${a.ip} ${a.targetRef?.namespace ?? ''}/${a.targetRef?.name ?? ''} ${ready}`;
      let row = byAddress.get(key);
      if (!row) byAddress.set(key, (row = { pod: a.targetRef?.name ?? '', ip: a.ip, ready, ports: new Set() }));
      ports.forEach((p) => row!.ports.add(p));
    };
    (subset.addresses ?? []).forEach((a) => add(a, true));
    (subset.notReadyAddresses ?? []).forEach((a) => add(a, false));
  }
  return [...byAddress.values()]
    .map((r) => ({ pod: r.pod, ip: r.ip, ready: r.ready, ports: [...r.ports].sort().join(', ') }))
    .sort(compareRows);
}

export function compareRows(a: EndpointRow, b: EndpointRow): number {
  const ka = `${a.ip}\u0000${a.pod}\u0000${a.ready ? 1 : 0}`;
  const kb = `${b.ip}\u0000${b.pod}\u0000${b.ready ? 1 : 0}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** How many addresses (ready and not ready, counted per subset) the object holds. */
export function addressCount(endpoints: KubeObject | null | undefined): number {
  const subsets = (endpoints as { subsets?: Subset[] } | null)?.subsets ?? [];
  return subsets.reduce((n, s) => n + (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0), 0);
}

/** Rows as a table writes them: | pod | ip | ready | ports | (ports `http=8080, dns=53/UDP`; rows in any order). */
export function rowsFromHashes(hashes: Record<string, string>[]): EndpointRow[] {
  return hashes.map((r) => ({ pod: r.pod ?? '', ip: r.ip, ready: yesNo(r.ready, true, 'ready'), ports: splitList(r.ports ?? '').sort().join(', ') })).sort(compareRows);
}

/** Rows as one line each, for diffs: `web-1 10.1.0.1 ready [http=8080]`. */
export const showRows = (rows: EndpointRow[]) => rows.map((r) => `${r.pod} ${r.ip} ${r.ready ? 'ready' : 'not ready'} [${r.ports}]`);
