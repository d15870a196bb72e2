// The real kubectl against `kconform serve`: `kubectl diff` and `--dry-run=server` change nothing and
// report what would change; `kubectl auth can-i` and `kubectl auth whoami` answer from the review APIs.
// Skipped without kubectl or openssl.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KUBECTL, serveSkip, withServe, type Served } from '../../test/support/kconformServe.ts';

const configMap = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: conf}\ndata: {key: ${value}}\n`;
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: x}
spec:
  selector: {matchLabels: {app: x}}
  template:
    metadata: {labels: {app: x}}
    spec: {containers: [{name: nginx, image: nginx}]}
`;

/** kubectl with its exit code, for commands (diff) whose non-zero exit is an answer. */
const run = (s: Served, ...args: string[]) =>
  new Promise<{ code: number; out: string }>((resolve) =>
    execFile(KUBECTL, args, { env: { ...process.env, KUBECONFIG: s.kubeconfig, KUBECACHEDIR: join(s.dir, 'cache') } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout + stderr })));

test('kubectl diff, --dry-run=server, auth can-i and auth whoami against kconform serve', { skip: serveSkip, timeout: 60_000 }, async () => {
  await withServe(async (s) => {
    const { kubectl, dir } = s;
    const cm = join(dir, 'cm.yaml');
    await writeFile(cm, configMap('one'));
    const fresh = await run(s, 'diff', '-f', cm);
    assert.equal(fresh.code, 1, fresh.out);
    assert.match(fresh.out, /^\+  key: one$/m);
    assert.doesNotMatch(await kubectl('get', 'configmaps', '-o', 'name'), /configmap\/conf/, 'diff created nothing');

    assert.equal(await kubectl('apply', '-f', cm), 'configmap/conf created');
    const same = await run(s, 'diff', '-f', cm);
    assert.deepEqual(same, { code: 0, out: '' });
    await writeFile(cm, configMap('two'));
    const changed = await run(s, 'diff', '-f', cm);
    assert.equal(changed.code, 1, changed.out);
    assert.match(changed.out, /^-  key: one\n\+  key: two$/m);
    assert.equal(await kubectl('apply', '-f', cm, '--dry-run=server'), 'configmap/conf configured (server dry run)');
    assert.equal(await kubectl('delete', 'configmap', 'conf', '--dry-run=server'), 'configmap "conf" deleted (server dry run)');
    assert.equal(await kubectl('get', 'configmap', 'conf', '-o', 'jsonpath={.data.key}'), 'one');

    const deployment = join(dir, 'deployment.yaml');
    await writeFile(deployment, DEPLOYMENT);
    assert.equal(await kubectl('create', '-f', deployment, '--dry-run=server', '-o', 'name'), 'deployment.apps/x');
    const missing = await run(s, 'get', 'deployment', 'x');
    assert.match(missing.out, /Error from server \(NotFound\): deployments.apps "x" not found/);

    assert.equal(await kubectl('auth', 'can-i', 'create', 'pods'), 'yes');
    assert.match(await kubectl('auth', 'whoami'), /^ATTRIBUTE\s+VALUE\nUsername\s+kubernetes-admin\nGroups\s+\[system:masters system:authenticated\]$/);
    assert.match(await kubectl('auth', 'can-i', '--list'), /^\*\.\*\s+\[\]\s+\[\]\s+\[\*\]$/m);
  });
});
