// `kconform serve` end to end with the real kubectl: a kubeconfig with the admin token over
// HTTPS, `kubectl create -f pod.yaml`, and the pod gets a node (its kubelet then starts it).
// Skipped when kubectl or openssl is not installed.
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

const MANIFESTS = `apiVersion: v1
kind: Node
metadata: {name: worker-1}
status:
  capacity: {cpu: "4", memory: 8Gi, pods: "110"}
  allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers: [{name: nginx, image: "nginx:1.25"}]
`;

test('kubectl against `kconform serve`: the pod created with kubectl create -f gets a node', { timeout: 60_000, skip: !existsSync(KUBECTL) || !(await which('openssl')) }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kconform-serve-'));
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
    assert.match(output, /API server at https:\/\/127\.0\.0\.1:\d+ \(store memory, real time\)/);
    assert.ok(output.includes(`kubeconfig ${kubeconfig}`), output);
    const kubectl = (...args: string[]) =>
      new Promise<string>((resolve, reject) =>
        execFile(KUBECTL, args, { env: { ...process.env, KUBECONFIG: kubeconfig }, timeout: 20_000 }, (error, stdout, stderr) => (error ? reject(new Error(`kubectl ${args.join(' ')}: ${stderr}`)) : resolve(stdout.trim()))));
    await writeFile(join(dir, 'manifests.yaml'), MANIFESTS);
    assert.equal(await kubectl('create', '-f', join(dir, 'manifests.yaml')), 'node/worker-1 created\npod/web created');
    let nodeName = '';
    for (let attempt = 0; attempt < 50 && !nodeName; attempt++) nodeName = await kubectl('get', 'pod', 'web', '-o', 'jsonpath={.spec.nodeName}');
    assert.equal(nodeName, 'worker-1');
    assert.match(await kubectl('get', 'pod', 'web', '-o', 'jsonpath={.status.phase}'), /^(Pending|Running)$/);
    assert.equal(await kubectl('get', 'serviceaccount', 'default', '-o', 'jsonpath={.metadata.name}'), 'default');
  } finally {
    server.kill('SIGINT');
    assert.equal(await exited, 0, output);
    await rm(dir, { recursive: true, force: true });
  }
});
