// The API server's /metrics: upstream's apiserver_request_total counter (by verb and code) in the
// Prometheus text format. Only authenticated clients read it, as upstream's.

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export class RequestCounter {
  private readonly counts = new Map<string, number>();

  count(method: string, status: number): void {
    const key = `verb="${method.toUpperCase()}",code="${status}"`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Every counter so far, sorted; the request being answered is not counted yet. */
  text(): string {
    const lines = ['# HELP apiserver_request_total Counter of apiserver requests broken out by verb and HTTP response code.', '# TYPE apiserver_request_total counter'];
    for (const [labels, n] of [...this.counts].sort(([a], [b]) => a.localeCompare(b))) lines.push(`apiserver_request_total{${labels}} ${n}`);
    return `${lines.join('\n')}\n`;
  }
}
