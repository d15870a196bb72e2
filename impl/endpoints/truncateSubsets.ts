// Capping an Endpoints object at its capacity (upstream endpoints controller truncateEndpoints).
import type { EndpointSubset } from './types.ts';

/**
 * Returns the subsets cut down to at most `capacity` addresses, and whether anything was cut.
 *
 * Ready addresses are kept before not-ready ones. When the ready ones alone exceed the capacity,
 * every not-ready address is dropped and each subset keeps ceil(its share × capacity) of its
 * ready addresses, in order, until the capacity is used up (so later subsets may get fewer).
 * Otherwise all ready addresses stay and the remaining room is shared the same way among the
 * not-ready ones. The input is not modified.
 */
export function truncateSubsets(subsets: readonly EndpointSubset[], capacity: number): { subsets: EndpointSubset[]; truncated: boolean } {
  let totalReady = 0;
  let totalNotReady = 0;
  for (const s of subsets) {
    totalReady += s.addresses?.length ?? 0;
    totalNotReady += s.notReadyAddresses?.length ?? 0;
  }
  if (totalReady + totalNotReady <= capacity) return { subsets: [...subsets], truncated: false };

  const truncateReady = totalReady > capacity;
  const room = truncateReady ? capacity : capacity - totalReady;
  const total = truncateReady ? totalReady : totalNotReady;
  let left = room;
  const out = subsets.map((subset) => {
    const list = (truncateReady ? subset.addresses : subset.notReadyAddresses) ?? [];
    const share = Math.min(Math.ceil((list.length / total) * room), left);
    const kept = list.length <= share ? list : list.slice(0, share);
    left -= kept.length;
    const { addresses, notReadyAddresses, ports } = subset;
    const result: EndpointSubset = truncateReady
      ? { ...(kept.length ? { addresses: kept } : {}) }
      : { ...(addresses?.length ? { addresses } : {}), ...(kept.length ? { notReadyAddresses: kept } : {}) };
    return ports ? { ...result, ports } : result;
  });
  return { subsets: out, truncated: true };
}
