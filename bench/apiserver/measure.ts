// Timing helpers shared by the API server benchmarks.
import { Agent, request } from 'node:http';

export const round = (ms: number) => Math.round(ms * 1000) / 1000;
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50Ms: round(percentile(sorted, 50)), p99Ms: round(percentile(sorted, 99)), maxMs: round(sorted[sorted.length - 1] ?? 0), samples: samples.length };
}

/** Runs fn(0..n-1) with `concurrency` workers; returns per-call latencies and the throughput. */
export async function load(n: number, concurrency: number, fn: (i: number) => Promise<unknown>) {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) {
      const i = next++;
      const t = performance.now();
      await fn(i);
      samples.push(performance.now() - t);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  return { requestsPerSecond: Math.round(n / seconds), ...summary(samples) };
}

/** A keep-alive JSON client for one server; rejects on a status other than `expect`. */
export function httpClient(baseUrl: string, maxSockets: number) {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets });
  const call = (method: string, path: string, body: unknown, expect: number) =>
    new Promise<string>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers = payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {};
      const req = request({ host: url.hostname, port: url.port, method, path, headers, agent }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => (res.statusCode === expect ? resolve(text) : reject(new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 200)}`))));
      });
      req.on('error', reject);
      req.end(payload);
    });
  return { call, close: () => agent.destroy() };
}
