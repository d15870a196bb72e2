// `kconform serve` end to end with the real kubectl: a kubeconfig with the admin token over
// HTTPS, `kubectl create -f pod.yaml`, and the pod gets a node (its kubelet then starts it).
// Skipped when kubectl or openssl is not installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveSkip, withServe, WORKER_NODE_YAML } from '../../../test/support/kconformServe.ts';

const MANIFESTS = `${WORKER_NODE_YAML}---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers: [{name: nginx, image: "nginx:1.25"}]
`;

test('kubectl against `kconform serve`: the pod created with kubectl create -f gets a node', { timeout: 60_000, skip: serveSkip }, async () => {
  await withServe(async ({ kubectl, dir, kubeconfig, output }) => {
    assert.match(output(), /API server at https:\/\/127\.0\.0\.1:\d+ \(store memory, real time\)/);
    assert.ok(output().includes(`kubeconfig ${kubeconfig}`), output());
    await writeFile(join(dir, 'manifests.yaml'), MANIFESTS);
    assert.equal(await kubectl('create', '-f', join(dir, 'manifests.yaml')), 'node/worker-1 created\npod/web created');
    let nodeName = '';
    for (let attempt = 0; attempt < 50 && !nodeName; attempt++) nodeName = await kubectl('get', 'pod', 'web', '-o', 'jsonpath={.spec.nodeName}');
    assert.equal(nodeName, 'worker-1');
    assert.match(await kubectl('get', 'pod', 'web', '-o', 'jsonpath={.status.phase}'), /^(Pending|Running)$/);
    assert.equal(await kubectl('get', 'serviceaccount', 'default', '-o', 'jsonpath={.metadata.name}'), 'default');
  });
});
