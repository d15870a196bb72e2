#!/usr/bin/env node
// Runs npm scripts side by side (most of them wait on real time, not on the CPU), prints each
// one's output whole when it ends, in the order given, and exits 1 if any failed. A failed script's
// last lines are printed again at the very end, so that a CI log's tail shows why it failed.
// usage: node test/runParallel.mjs <script> [<script> ...]
import { spawn } from 'node:child_process';

const TAIL_LINES = 60;
const scripts = process.argv.slice(2);
const tail = (text, n) => text.trimEnd().split('\n').slice(-n).join('\n');
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
for (const r of results.filter((r) => r.code !== 0)) {
  process.stdout.write(`\n===== FAILED npm run ${r.name}: its last ${TAIL_LINES} lines =====\n${tail(r.out, TAIL_LINES)}\n`);
}
process.stdout.write(`\n${results.map((r) => `${r.code === 0 ? 'ok    ' : 'FAILED'} ${r.name} (${r.seconds.toFixed(0)} s)`).join('\n')}\n`);
process.stdout.write(`${((Date.now() - started) / 1000).toFixed(0)} s in all\nparallel: ${scripts.length - failed} passed, ${failed} failed\n`);
process.exitCode = failed ? 1 : 0;
