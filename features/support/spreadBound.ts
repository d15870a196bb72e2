// The fairness kube-proxy's load spreading must meet, stated so that both a round-robin proxy and
// upstream's random choice (iptables `statistic --mode random`) pass it.

/**
 * The most a backend's share of `n` new connections over `k` equally eligible backends may differ
 * from n/k: five standard deviations of a fair random choice, plus one for rounding. A
 * round-robin proxy is always within 1; a fair random one falls outside with odds below 1 in 10^6.
 */
export function spreadTolerance(n: number, k: number): number {
  return Math.ceil(5 * Math.sqrt(n * (1 / k) * (1 - 1 / k))) + 1;
}

/** The backends whose count of connections lies outside n/k ± spreadTolerance(n, k), with their counts. */
export function unevenBackends(counts: Map<string, number>, backends: string[], n: number): string[] {
  const k = backends.length;
  const tolerance = spreadTolerance(n, k);
  return backends
    .filter((b) => Math.abs((counts.get(b) ?? 0) - n / k) > tolerance)
    .map((b) => `${b} got ${counts.get(b) ?? 0} of ${n} (want ${Math.round(n / k)} ± ${tolerance})`);
}
