// The Pod creation flow with the real kubectl against `kconform serve` (real time, HTTPS):
// `kubectl create -f pod.yaml` reaches Running on the node's simulated kubelet, and `kubectl logs`
// reaches that kubelet through the API server (NODE-4). Skipped without kubectl or openssl.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveSkip, withServe, WORKER_NODE_YAML } from '../../../test/support/kconformServe.ts';

const POD = `apiVersion: v1
kind: Pod
metadata: {name: greeter}
spec:
  containers: [{name: app, image: busybox, command: [sim, log, "hello from the kubelet"]}]
`;

test('kubectl create -f pod.yaml reaches Running and kubectl logs reads the container through the API server', { timeout: 60_000, skip: serveSkip }, async () => {
  await withServe(async ({ kubectl, dir }) => {
    await writeFile(join(dir, 'node.yaml'), WORKER_NODE_YAML);
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
  });
});
