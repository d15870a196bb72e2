// `kconform serve --components --port-base N` as a process: every listener of the upstream layout
// that the reference runs answers /healthz (and /metrics where the layout lists it) on its port
// plus N, no two share a port, and the listing names every master listener of the layout.
// Skipped without openssl (the secure ports need a certificate).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { probeListener } from '../../../features/support/probeListener.ts';
import { parsePortBase, referenceLayout } from './serveComponents.ts';

const CLI = fileURLToPath(new URL('../../../bin/kconform.mjs', import.meta.url));
const which = (cmd: string) => new Promise<boolean>((resolve) => execFile('sh', ['-c', `command -v ${cmd}`], (error) => resolve(!error)));

test('--port-base takes an integer between 0 and 65535', () => {
  assert.equal(parsePortBase('20000'), 20000);
  assert.equal(parsePortBase(undefined), 0);
  for (const bad of ['-1', '1.5', 'x', '70000']) assert.throws(() => parsePortBase(bad), /--port-base: must be an integer between 0 and 65535/);
});

/** Starts serve --components; resolves with its output once it is up, or rejects with it. */
async function serveComponents(portBase: number, kubeconfig: string) {
  const child = spawn(process.execPath, [CLI, 'serve', '--components', '--port-base', String(portBase), '--kubeconfig', kubeconfig], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk) => ((output += chunk), output.includes('Ctrl-C') && resolve()));
    child.stderr.on('data', (chunk) => (output += chunk));
    void exited.then(() => reject(new Error(`serve --components exited early:\n${output}`)));
  });
  return { output, stop: async () => (child.kill('SIGINT'), await exited) };
}

test('serve --components answers on every port of the upstream layout shifted by the base', { timeout: 60_000, skip: !(await which('openssl')) }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kconform-serve-components-'));
  const portBase = 20000 + Math.floor(Math.random() * 2000);
  const server = await serveComponents(portBase, join(dir, 'kubeconfig'));
  try {
    const layout = referenceLayout();
    const master = layout.components.filter((l) => l.node === 'master');
    const lines = server.output.split('\n');
    const expectServed = new Set(['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet', 'kube-proxy']);
    const seenPorts = new Set<number>();
    for (const l of master) {
      if (typeof l.port !== 'number' || !l.paths?.length || !expectServed.has(l.component)) continue;
      const port = l.port + portBase;
      assert.ok(!seenPorts.has(port), `port ${port} listed twice`);
      seenPorts.add(port);
      const scheme = l.scheme === 'https' ? 'https' : 'http';
      const url = `${scheme}://127.0.0.1:${port}`;
      assert.ok(lines.some((line) => line.includes(l.component) && line.includes(url)), `${l.component} on ${url} in:\n${server.output}`);
      if (l.paths.includes('/healthz')) assert.deepEqual(await probeListener(url, '/healthz'), { status: 200, body: 'ok' }, `${l.component} ${url}/healthz`);
      if (l.paths.includes('/metrics')) {
        const got = await probeListener(url, '/metrics');
        // the API server guards /metrics (401 to an anonymous probe), as upstream's does
        assert.ok('status' in got && (l.component === 'kube-apiserver' ? got.status === 401 : got.status === 200 && got.body.includes('kconform_component_up')), `${l.component} ${url}/metrics: ${JSON.stringify(got).slice(0, 300)}`);
      }
    }
    assert.equal(seenPorts.size, 7, 'API server, controller manager, scheduler, two kubelet and two kube-proxy ports');
    assert.match(server.output, /cloud-controller-manager .*not served: the implementation runs no cloud-controller-manager/);
    assert.match(server.output, /etcd .*not served: the implementation runs no etcd/);
  } finally {
    assert.equal(await server.stop(), 0);
    await rm(dir, { recursive: true, force: true });
  }
});

test('serve --components refuses a base that moves a port past 65535', { timeout: 30_000, skip: !(await which('openssl')) }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kconform-serve-components-'));
  try {
    await assert.rejects(serveComponents(60000, join(dir, 'kubeconfig')), /port base 60000 moves|must be an integer between 0 and 65535/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
