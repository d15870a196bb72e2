// Checks an EndpointsIndex against a from-scratch computation over the same Services and Pods.
import { computeEndpoints, type EndpointsOptions } from './computeEndpoints.ts';
import type { EndpointsIndex } from './EndpointsIndex.ts';
import { namespaceOf } from './podContribution.ts';
import type { Endpoints } from './types.ts';

export interface RebuildDifference {
  service: string;
  expected: Endpoints | null;
  actual: Endpoints | null | undefined;
}

/** JSON with object keys sorted, so that equal values print equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/** Every service whose incrementally kept Endpoints differ from a rebuild; empty when all agree. */
export function compareWithRebuild(index: EndpointsIndex, options: EndpointsOptions = {}): RebuildDifference[] {
  const differences: RebuildDifference[] = [];
  const podsByNs = new Map<string, ReturnType<EndpointsIndex['podsInNamespace']>>();
  for (const key of index.serviceKeys().sort()) {
    const service = index.service(key)!;
    const ns = namespaceOf(service.metadata);
    if (!podsByNs.has(ns)) podsByNs.set(ns, index.podsInNamespace(ns));
    const expected = computeEndpoints(service, podsByNs.get(ns)!, options);
    const actual = index.endpoints(key);
    if (canonicalJson(expected) !== canonicalJson(actual)) differences.push({ service: key, expected, actual });
  }
  return differences;
}
