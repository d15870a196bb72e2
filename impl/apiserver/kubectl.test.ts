// A kubectl session against the API server, on every store backend: the real CLI, unchanged,
// through a kubeconfig written by writeKubeconfig. Skipped when kubectl is not installed.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testBackends } from '../store/testBackends.ts';
import { startApiServer } from './apiServer.ts';
import { writeKubeconfig } from './kubeconfig.ts';

const KUBECTL = process.env.KCONFORM_KUBECTL || '/usr/bin/kubectl';

const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
spec:
  containers:
  - {name: nginx, image: "nginx:1.25", ports: [{containerPort: 80}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: kube-system}
spec:
  replicas: 2
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: api, image: "api:v1"}]
`;

const CONFIGMAP = (value: string) => `apiVersion: v1
kind: ConfigMap
metadata: {name: conf}
data: {key: "${value}"}
`;

const backends = existsSync(KUBECTL) ? await testBackends() : [];
after(() => Promise.all(backends.map((b) => b.teardown())));

describe('kubectl against the API server', { skip: existsSync(KUBECTL) ? undefined : `kubectl not found at ${KUBECTL}` }, () => {
  for (const backend of backends) {
    test(`a create / get / label / annotate / apply / describe / delete session works on the ${backend.name} store`, { skip: backend.skip }, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'kconform-kubectl-'));
      const store = backend.open();
      const server = await startApiServer({ store });
      const kubeconfig = await writeKubeconfig(server.url, join(dir, 'config'));
      const kubectl = (...args: string[]) =>
        new Promise<{ code: number; out: string }>((resolve) =>
          execFile(KUBECTL, ['--kubeconfig', kubeconfig, ...args], { env: { ...process.env, HOME: dir, KUBECACHEDIR: join(dir, 'cache') } }, (error, stdout, stderr) =>
            resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout + stderr })));
      const ok = async (...args: string[]) => {
        const r = await kubectl(...args);
        assert.equal(r.code, 0, `kubectl ${args.join(' ')} failed:\n${r.out}`);
        return r.out;
      };
      try {
        await writeFile(join(dir, 'app.yaml'), MANIFEST);
        assert.equal(await ok('create', '-f', join(dir, 'app.yaml')), 'pod/web created\ndeployment.apps/api created\n');
        const refused = await kubectl('create', '-f', join(dir, 'app.yaml'));
        assert.match(refused.out, /Error from server \(AlreadyExists\).*pods "web" already exists/);

        assert.match(await ok('get', 'pods'), /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb\s+0\/1\s+Pending\s+0\s+\d+s\n$/);
        assert.match(await ok('get', 'deploy', '-A', '-o', 'wide'), /^NAMESPACE\s+NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR\nkube-system\s+api\s+0\/2\s+0\s+0\s+\d+s\s+api\s+api:v1\s+app=api\n$/);
        assert.match(await ok('get', 'ns'), /default\s+Active[\s\S]*kube-system\s+Active/);

        assert.equal(await ok('label', 'pod', 'web', 'tier=front'), 'pod/web labeled\n');
        assert.equal(await ok('annotate', 'pod', 'web', 'note=hello'), 'pod/web annotated\n');
        assert.match(await ok('get', 'pods', '-l', 'tier=front', '-o', 'name'), /^pod\/web\n$/);
        assert.equal(await ok('get', 'pods', '-l', 'tier=back', '-o', 'name'), '');
        const yaml = await ok('get', 'pod', 'web', '-o', 'yaml');
        assert.match(yaml, /^apiVersion: v1\nkind: Pod\n/);
        assert.match(yaml, /note: hello/);
        assert.match(yaml, /tier: front/);
        const json = JSON.parse(await ok('get', 'pod', 'web', '-o', 'json'));
        assert.equal(json.spec.containers[0].ports[0].protocol, 'TCP');

        await writeFile(join(dir, 'cm.yaml'), CONFIGMAP('one'));
        assert.equal(await ok('apply', '-f', join(dir, 'cm.yaml')), 'configmap/conf created\n');
        await writeFile(join(dir, 'cm.yaml'), CONFIGMAP('two'));
        assert.equal(await ok('apply', '-f', join(dir, 'cm.yaml')), 'configmap/conf configured\n');
        assert.equal(await ok('get', 'cm', 'conf', '-o', 'jsonpath={.data.key}'), 'two');
        assert.equal(await ok('apply', '-f', join(dir, 'cm.yaml')), 'configmap/conf unchanged\n');

        assert.match(await ok('describe', 'pod', 'web'), /Name:\s+web\nNamespace:\s+default[\s\S]*Labels:\s+app=web\n\s+tier=front[\s\S]*Image:\s+nginx:1.25/);

        const watcher = spawn(KUBECTL, ['--kubeconfig', kubeconfig, 'get', 'pods', '-w', '--output-watch-events'], { env: { ...process.env, HOME: dir } });
        let watched = '';
        const sawDelete = new Promise<void>((resolve) => {
          const guard = setTimeout(resolve, 10_000);
          watcher.stdout.on('data', (chunk: Buffer) => {
            watched += chunk.toString();
            if (/DELETED/.test(watched)) clearTimeout(guard), resolve();
          });
        });
        for (let i = 0; i < 200 && !/ADDED/.test(watched) && watcher.exitCode === null; i++) await new Promise((r) => setTimeout(r, 50));
        assert.equal(await ok('delete', 'pod', 'web'), 'pod "web" deleted\n');
        await sawDelete;
        watcher.kill();
        assert.match(watched, /^EVENT\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nADDED\s+web\s+0\/1\s+Pending[\s\S]*\nDELETED\s+web\s+0\/1\s+Pending/);
        const missing = await kubectl('get', 'pod', 'web');
        assert.match(missing.out, /Error from server \(NotFound\): pods "web" not found/);
      } finally {
        await server.close();
        await store.close();
        await rm(dir, { recursive: true, force: true });
      }
    });
  }
});
