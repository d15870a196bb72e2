// The Pod creation flow with the real kubectl against `kconform serve` (real time, HTTPS):
// `kubectl create -f pod.yaml` reaches Running on the node's simulated kubelet, and `kubectl logs`
// reaches that kubelet through the API server (NODE-4). Skipped without kubectl or openssl.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const KUBECTL = process.env.KCONFORM_KUBECTL || '/usr/bin/kubectl';
const CLI = fileURLToPath(new URL('../../../bin/kconform.mjs', import.meta.url));
const which = (cmd: string) => new Promise<boolean>((resolve) => execFile('sh', ['-c', `command -v ${cmd}`], (error) => resolve(!error)));

const NODE = 'apiVersion: v1\nkind: Node\nmetadata: {name: worker-1}\n';
const POD = `apiVersion: v1
kind: Pod
metadata: {name: greeter}
spec:
  containers: [{name: app, image: busybox, command: [sim, log, "hello from the kubelet"]}]
`;

test('kubectl create -f pod.yaml reaches Running and kubectl logs reads the container through the API server', { timeout: 60_000, skip: !existsSync(KUBECTL) || !(await which('openssl')) }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kconform-flow-'));
  const kubeconfig = join(dir, 'kubeconfig');
  const server = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--kubeconfig', kubeconfig], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
  let output = '';
  try {
    await new Promise<void>((resolve, reject) => {
      server.stdout.on('data', (chunk) => ((output += chunk), output.includes('Ctrl-C') && resolve()));
      server.stderr.on('data', (chunk) => (output += chunk));
      void exited.then(() => reject(new Error(`serve exited early:\n${output}`)));
    });
    const kubectl = (...args: string[]) =>
      new Promise<string>((resolve, reject) =>
        execFile(KUBECTL, args, { env: { ...process.env, KUBECONFIG: kubeconfig }, timeout: 20_000 }, (error, stdout, stderr) => (error ? reject(new Error(`kubectl ${args.join(' ')}: ${stderr}`)) : resolve(stdout.trim()))));
    await writeFile(join(dir, 'node.yaml'), NODE);
    await writeFile(join(dir, 'pod.yaml'), POD);
    assert.equal(await kubectl('create', '-f', join(dir, 'node.yaml')), 'node/worker-1 created');
    assert.equal(await kubectl('create', '-f', join(dir, 'pod.yaml')), 'pod/greeter created');
    let phase = '';
    for (let attempt = 0; attempt < 40 && phase !== 'Running'; attempt++) {
      phase = await kubectl('get', 'pod', 'greeter', '-o', 'jsonpath={.status.phase}');
      if (phase !== 'Running') await new Promise((r) => setTimeout(r, 250));
    }
    assert.equal(phase, 'Running');
    assert.equal(await kubectl('get', 'pod', 'greeter', '-o', 'jsonpath={.spec.nodeName}'), 'worker-1');
    assert.equal(await kubectl('get', 'node', 'worker-1', '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].status}'), 'True');
    assert.equal(await kubectl('logs', 'greeter'), 'hello from the kubelet');
    await assert.rejects(kubectl('logs', 'greeter', '-c', 'nope'), /container nope is not valid for pod greeter/);
  } finally {
    server.kill('SIGINT');
    assert.equal(await exited, 0, output);
    await rm(dir, { recursive: true, force: true });
  }
});
