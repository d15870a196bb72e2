// `npm run bench`: runs every benchmark in its own process (so one's heap does not slow the next),
// times a whole conformance run, and writes reports/bench.json. Figures, never pass/fail.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);

/** Each benchmark prints one JSON document on stdout when run directly; some take a size. */
const BENCHES = ['labels', 'scheduler', 'endpoints', 'apiserver', 'flow', 'kubelet', 'controllers', 'kubectlOracle'];
const ARGS: Record<string, string[]> = {
  // 10,000 pods (the issue's size) take minutes: `node --import tsx bench/controllers.ts 10000 100`
  controllers: ['2000', '100'],
};

function run(args: string[]): { ok: boolean; out: string; err: string; ms: number } {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 15 * 60_000 });
  return { ok: r.status === 0, out: r.stdout, err: r.stderr, ms: performance.now() - t };
}

const results: Record<string, unknown> = {};
for (const name of BENCHES.filter((b) => !only.length || only.includes(b))) {
  process.stderr.write(`bench ${name} ... `);
  const r = run(['--import', 'tsx', `bench/${name}.ts`, ...(ARGS[name] ?? [])]);
  try {
    results[name] = JSON.parse(r.out.slice(r.out.indexOf('{')));
    process.stderr.write(`${(r.ms / 1000).toFixed(1)} s\n`);
  } catch {
    results[name] = { error: `exit ${r.ok ? 0 : 'non-zero'}; ${r.err.trim().split('\n').slice(-3).join(' | ')}` };
    process.stderr.write(`failed\n`);
  }
}

if (!only.length || only.includes('conformance')) {
  process.stderr.write('bench conformance run (reference, in process) ... ');
  const r = run(['bin/kconform.mjs', 'run', '--driver', 'reference', '--report-dir', 'reports/bench-run', '--seed', '1']);
  results.conformance = { wallSeconds: Math.round(r.ms / 100) / 10, summary: r.out.trim().split('\n').at(-1), seed: 1 };
  process.stderr.write(`${(r.ms / 1000).toFixed(1)} s\n`);
}

const report = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
  command: `npm run bench${only.length ? ` -- ${only.join(' ')}` : ''}`,
  results,
};
mkdirSync(`${root}/reports`, { recursive: true });
writeFileSync(`${root}/reports/bench.json`, JSON.stringify(report, null, 2) + '\n');
console.log(JSON.stringify(report, null, 2));
