// The workload controllers with the real kubectl against `kconform serve` (real time, HTTPS):
// `kubectl apply` of a Deployment, `kubectl rollout status`, `kubectl set image`, `kubectl
// rollout history` and `kubectl rollout undo`, and `kubectl scale`. Skipped without kubectl or
// openssl.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveSkip as skip, withServe as serve, type Kubectl, WORKER_NODE_YAML } from '../../test/support/kconformServe.ts';

/** `kubectl create deployment web --image=nginx:1.24 --replicas=2`, plus a node for its pods. */
const MANIFESTS = `${WORKER_NODE_YAML}---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: "nginx:1.24"}]
`;

/** Runs `body` against a fresh `kconform serve`, with web.yaml (the manifests above) in its folder. */
async function withServe(body: (kubectl: Kubectl, dir: string) => Promise<void>): Promise<void> {
  await serve(
    async ({ kubectl, dir }) => {
      await writeFile(join(dir, 'web.yaml'), MANIFESTS);
      await body(kubectl, dir);
    },
    { kubectlTimeoutMs: 60_000 },
  );
}

/** `revision image desired` of each ReplicaSet, sorted by revision. */
async function replicaSets(kubectl: Kubectl): Promise<string[]> {
  const out = await kubectl('get', 'rs', '-o', `jsonpath={range .items[*]}{.metadata.annotations.deployment\\.kubernetes\\.io/revision} {.spec.template.spec.containers[0].image} {.spec.replicas}{"\\n"}{end}`);
  return out.split('\n').filter(Boolean).sort();
}

test('kubectl apply, rollout status, set image, rollout history and rollout undo drive a Deployment through its revisions', { timeout: 240_000, skip }, async () => {
  await withServe(async (kubectl, dir) => {
    assert.equal(await kubectl('apply', '-f', join(dir, 'web.yaml')), 'node/worker-1 created\ndeployment.apps/web created');
    assert.match(await kubectl('rollout', 'status', 'deployment/web', '--timeout=60s'), /deployment "web" successfully rolled out/);
    assert.deepEqual(await replicaSets(kubectl), ['1 nginx:1.24 2']);

    assert.equal(await kubectl('set', 'image', 'deployment/web', 'nginx=nginx:1.25'), 'deployment.apps/web image updated');
    assert.match(await kubectl('rollout', 'status', 'deployment/web', '--timeout=60s'), /deployment "web" successfully rolled out/);
    assert.deepEqual(await replicaSets(kubectl), ['1 nginx:1.24 0', '2 nginx:1.25 2']);
    assert.match(await kubectl('rollout', 'history', 'deployment/web'), /REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>/);

    assert.equal(await kubectl('rollout', 'undo', 'deployment/web'), 'deployment.apps/web rolled back');
    assert.match(await kubectl('rollout', 'status', 'deployment/web', '--timeout=60s'), /deployment "web" successfully rolled out/);
    assert.deepEqual(await replicaSets(kubectl), ['2 nginx:1.25 0', '3 nginx:1.24 2']);
    assert.equal(await kubectl('get', 'deployment', 'web', '-o', 'jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}'), '3');

    assert.equal(await kubectl('delete', 'deployment', 'web'), 'deployment.apps "web" deleted');
    let left = 'x';
    for (let attempt = 0; attempt < 40 && left; attempt++) {
      left = await kubectl('get', 'rs,pods', '-o', 'name');
      if (left) await new Promise((r) => setTimeout(r, 250));
    }
    assert.equal(left, '', 'the garbage collector deletes the ReplicaSets and pods of a deleted Deployment');
  });
});

/** A ReplicaSet no Deployment owns. */
const SOLO_RS = `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: solo}
spec:
  replicas: 1
  selector: {matchLabels: {app: solo}}
  template:
    metadata: {labels: {app: solo}}
    spec:
      containers: [{name: c, image: "busybox:1.36"}]
`;

test('kubectl scale changes the replicas of a Deployment and a ReplicaSet; kubectl replace of the same manifest keeps the template', { timeout: 120_000, skip }, async () => {
  await withServe(async (kubectl, dir) => {
    await kubectl('apply', '-f', join(dir, 'web.yaml'));
    assert.equal(await kubectl('scale', 'deployment/web', '--replicas=4'), 'deployment.apps/web scaled');
    assert.match(await kubectl('rollout', 'status', 'deployment/web', '--timeout=60s'), /successfully rolled out/);
    assert.deepEqual(await replicaSets(kubectl), ['1 nginx:1.24 4']);
    assert.equal(await kubectl('scale', 'deployment/web', '--current-replicas=4', '--replicas=3'), 'deployment.apps/web scaled');
    assert.equal(await kubectl('get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas}'), '3');

    assert.match(await kubectl('replace', '-f', join(dir, 'web.yaml')), /deployment\.apps\/web replaced/);
    assert.match(await kubectl('rollout', 'status', 'deployment/web', '--timeout=60s'), /successfully rolled out/);
    assert.deepEqual(await replicaSets(kubectl), ['1 nginx:1.24 2'], 'the server defaults the replaced template as on create, so its hash and ReplicaSet stay');

    await writeFile(join(dir, 'solo.yaml'), SOLO_RS);
    await kubectl('apply', '-f', join(dir, 'solo.yaml'));
    assert.equal(await kubectl('scale', 'rs/solo', '--replicas=2'), 'replicaset.apps/solo scaled');
    assert.equal(await kubectl('get', 'rs', 'solo', '-o', 'jsonpath={.spec.replicas}'), '2');
  });
});
