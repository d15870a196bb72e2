import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SimRuntime, PAUSE_IMAGE } from './SimRuntime.ts';
import { CidrIpAllocator } from './PodIpAllocator.ts';
import { canonicalImage, simpleRegistry } from './ImageStore.ts';
import { RuntimeError, type PodSandboxConfig } from './criTypes.ts';

const T0 = Date.UTC(2025, 0, 1);
const runtime = () => new SimRuntime({ nodeName: 'n', hostIP: '192.168.0.2', ipAllocator: new CidrIpAllocator('10.244.0.0/24'), registry: simpleRegistry({ 'big:1': { pullMs: 5000, sizeBytes: 900 } }) });
const sandbox: PodSandboxConfig = { metadata: { name: 'p', namespace: 'default', uid: 'u', attempt: 0 }, hostname: 'p' };

test('image references are canonicalised like containerd', () => {
  assert.deepEqual(['nginx', 'nginx:1.25', 'team/app:2', 'ghcr.io/a/b', 'localhost:5000/x:1', 'nginx@sha256:abc'].map(canonicalImage), [
    'docker.io/library/nginx:latest', 'docker.io/library/nginx:1.25', 'docker.io/team/app:2', 'ghcr.io/a/b:latest', 'localhost:5000/x:1', 'docker.io/library/nginx@sha256:abc',
  ]);
});

test('a pull takes its configured time, is shared, and then cached on the node', () => {
  const rt = runtime();
  assert.deepEqual(rt.pullImage('big:1', T0), { state: 'pulling', doneAt: T0 + 5000 });
  assert.deepEqual(rt.pullImage('docker.io/library/big:1', T0 + 1000), { state: 'pulling', doneAt: T0 + 5000 }, 'the same image shares one download');
  const done = rt.pullImage('big:1', T0 + 5000);
  assert.equal(done.state, 'pulled');
  assert.deepEqual(rt.pullImage('big:1', T0 + 9000), done, 'cached afterwards');
  assert.deepEqual(rt.listImages().map((i) => i.size).sort(), [900, 52428800].sort());
  assert.ok(rt.imageStatus(PAUSE_IMAGE), 'the pause image is preloaded');
  const missing = rt.pullImage('nginx:nonexistent', T0);
  assert.equal(rt.pullImage('nginx:nonexistent', T0 + 1000).state, 'failed');
  assert.equal(missing.state, 'pulling');
});

test('a container runs its program: exit, stop with grace, logs', () => {
  const rt = runtime();
  rt.pullImage('busybox:1', T0);
  rt.pullImage('busybox:1', T0 + 1000);
  const sb = rt.runPodSandbox(sandbox, T0);
  const quick = rt.createContainer(sb, { metadata: { name: 'a', attempt: 0 }, image: 'busybox:1', command: ['sim', 'log hi; exit 3 after 10s'] }, T0);
  assert.equal(rt.containerStatus(quick, T0).state, 'CONTAINER_CREATED');
  rt.startContainer(quick, T0);
  assert.equal(rt.nextExitAt(sb, T0), T0 + 10_000);
  assert.equal(rt.containerStatus(quick, T0 + 9999).state, 'CONTAINER_RUNNING');
  assert.deepEqual(((s) => [s.state, s.exitCode, s.reason, s.finishedAt])(rt.containerStatus(quick, T0 + 10_000)), ['CONTAINER_EXITED', 3, 'Error', T0 + 10_000]);
  assert.equal(rt.readLogs(quick, T0 + 20_000), 'hi\n');
  const stubborn = rt.createContainer(sb, { metadata: { name: 'b', attempt: 0 }, image: 'busybox:1', command: ['sim', 'on-term ignore'] }, T0);
  rt.startContainer(stubborn, T0);
  rt.stopContainer(stubborn, 30, T0 + 1000);
  assert.deepEqual(((s) => [s.state, s.exitCode])(rt.containerStatus(stubborn, T0 + 31_000)), ['CONTAINER_EXITED', 137]);
  assert.equal(rt.containerStatus(stubborn, T0 + 30_999).state, 'CONTAINER_RUNNING', 'SIGKILL comes at the grace deadline');
  assert.throws(() => rt.execSync(stubborn, ['echo'], T0 + 40_000), RuntimeError);
});

test('exec runs a tiny command set and fails like a missing binary otherwise', () => {
  const rt = runtime();
  rt.pullImage('busybox:1', T0);
  rt.pullImage('busybox:1', T0 + 1000);
  const sb = rt.runPodSandbox({ ...sandbox, dnsConfig: { servers: ['10.96.0.10'], searches: ['default.svc.cluster.local'], options: ['ndots:5'] } }, T0);
  const id = rt.createContainer(sb, { metadata: { name: 'a', attempt: 0 }, image: 'busybox:1', envs: [{ key: 'MODE', value: 'test' }] }, T0);
  rt.startContainer(id, T0);
  const run = (...cmd: string[]) => rt.execSync(id, cmd, T0);
  assert.equal(run('echo', 'hello', 'world').stdout, 'hello world\n');
  assert.equal(run('hostname').stdout, 'p\n');
  assert.equal(run('hostname', '-i').stdout, '10.244.0.2\n');
  assert.match(run('env').stdout, /^PATH=.*\nHOSTNAME=p\nMODE=test\n$/);
  assert.equal(run('cat', '/etc/resolv.conf').stdout, 'search default.svc.cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  assert.deepEqual(run('cat', '/nope'), { stdout: '', stderr: "cat: can't open '/nope': No such file or directory\n", exitCode: 1 });
  assert.equal(run('curl', 'x').exitCode, 126);
});

test('a bad program or a missing image makes CreateContainer fail', () => {
  const rt = runtime();
  const sb = rt.runPodSandbox(sandbox, T0);
  assert.throws(() => rt.createContainer(sb, { metadata: { name: 'a', attempt: 0 }, image: 'busybox:1' }, T0), { name: 'RuntimeError', code: 'NotFound' });
  rt.pullImage('busybox:1', T0);
  rt.pullImage('busybox:1', T0 + 1000);
  assert.throws(() => rt.createContainer(sb, { metadata: { name: 'a', attempt: 0 }, image: 'busybox:1', command: ['sim', 'jump'], fieldPath: 'spec.containers[0]' }, T0), {
    code: 'InvalidArgument',
    message: /^spec\.containers\[0\]\.command\[1\]: Unsupported value: "jump"/,
  });
});

test('stopping a sandbox kills its containers and frees its IP; host-network pods use the node IP', () => {
  const rt = runtime();
  const a = rt.runPodSandbox(sandbox, T0);
  assert.equal(rt.podSandboxStatus(a).network.ip, '10.244.0.2');
  rt.stopPodSandbox(a, T0);
  assert.deepEqual([rt.podSandboxStatus(a).state, rt.podSandboxStatus(a).network.ip], ['SANDBOX_NOTREADY', '']);
  const host = rt.runPodSandbox({ ...sandbox, hostNetwork: true }, T0);
  assert.equal(rt.podSandboxStatus(host).network.ip, '192.168.0.2');
  assert.equal(rt.podSandboxStatus(host).namespaces.network, 'host');
});
