#!/usr/bin/env node
// Runs npm scripts side by side (most of them wait on real time, not on the CPU), prints each
// one's output whole when it ends, in the order given, and exits 1 if any failed.
// usage: node test/runParallel.mjs <script> [<script> ...]
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
const started = Date.now();
const runs = scripts.map((name) => {
  const t = Date.now();
  const child = spawn('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ name, code, out, seconds: (Date.now() - t) / 1000 })));
});

let failed = 0;
const results = [];
for (const run of runs) {
  const r = await run;
  results.push(r);
  process.stdout.write(`\n===== npm run ${r.name} (exit ${r.code}, ${r.seconds.toFixed(0)} s) =====\n${r.out}`);
  if (r.code !== 0) failed++;
}
process.stdout.write(`\n${results.map((r) => `${r.code === 0 ? 'ok    ' : 'FAILED'} ${r.name} (${r.seconds.toFixed(0)} s)`).join('\n')}\n`);
process.stdout.write(`${((Date.now() - started) / 1000).toFixed(0)} s in all\nparallel: ${scripts.length - failed} passed, ${failed} failed\n`);
process.exitCode = failed ? 1 : 0;
