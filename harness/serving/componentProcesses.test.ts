// `kconform serve --components --port-base N` as upstream runs a control plane: one process per
// component, each answering /healthz (and /metrics where the layout lists it) on its port plus N;
// a pod goes through the scheduler and kubelet processes; the API server reaches the kubelet process
// for logs and exec; a process that dies is restarted; nothing outlives serve.
// Skipped without openssl (the secure ports need a certificate) or kubectl.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { probeListener } from '../../features/support/probeListener.ts';
import { parseKubeconfig } from '../../impl/apiserver/index.ts';
import { KUBECTL, serveSkip } from '../../test/support/kconformServe.ts';
import { referenceLayout } from '../../impl/ports/index.ts';
import { parsePortBase } from '../cli/commands/serve.ts';

const CLI = fileURLToPath(new URL('../../bin/kconform.mjs', import.meta.url));
const PROCESSES = ['kube-controller-manager', 'kube-proxy', 'kube-scheduler', 'kubelet'];

test('--port-base takes an integer between 0 and 65535', () => {
  assert.equal(parsePortBase('20000'), 20000);
  assert.equal(parsePortBase(undefined), 0);
  for (const bad of ['-1', '1.5', 'x', '70000']) assert.throws(() => parsePortBase(bad), /--port-base: must be an integer between 0 and 65535/);
});

/** Starts serve --components; resolves once it is up, or rejects with its output. */
async function serveComponents(portBase: number, kubeconfig: string) {
  const child = spawn(process.execPath, [CLI, 'serve', '--components', '--port-base', String(portBase), '--kubeconfig', kubeconfig], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk) => ((output += chunk), output.includes('Ctrl-C') && resolve()));
    child.stderr.on('data', (chunk) => (output += chunk));
    void exited.then(() => reject(new Error(`serve --components exited early:\n${output}`)));
  });
  return { output: () => output, pid: child.pid!, stop: async () => (child.kill('SIGINT'), await exited) };
}

const alive = (pid: number) => {
  try {
    return process.kill(pid, 0);
  } catch {
    return false;
  }
};

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A request to the API server with the kubeconfig's token and CA. */
function api(kubeconfig: { server: string; ca?: string; token?: string }, method: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, kubeconfig.server), { method, ca: kubeconfig.ca, headers: { authorization: `Bearer ${kubeconfig.token}` } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject).end();
  });
}

test('serve --components runs each component in its own process on its ports of the upstream layout', { timeout: 120_000, skip: serveSkip }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kconform-serve-components-'));
  const portBase = 20000 + Math.floor(Math.random() * 2000);
  const kubeconfigPath = join(dir, 'kubeconfig');
  const server = await serveComponents(portBase, kubeconfigPath);
  let pids: Record<string, number> = {};
  try {
    // one process per component, none of them serve's own
    const listed = /component processes: (.*)/.exec(server.output())?.[1] ?? '';
    pids = Object.fromEntries([...listed.matchAll(/([\w-]+) \(pid (\d+)\)/g)].map((m) => [m[1], Number(m[2])]));
    assert.deepEqual(Object.keys(pids).sort(), PROCESSES, server.output());
    assert.equal(new Set([server.pid, ...Object.values(pids)]).size, 5);
    for (const [name, pid] of Object.entries(pids)) assert.ok(alive(pid), `${name} (pid ${pid}) runs`);

    // every listener of the layout the reference runs answers on its port plus the base
    const lines = server.output().split('\n');
    const seenPorts = new Set<number>();
    for (const l of referenceLayout().components.filter((c) => c.node === 'master')) {
      if (typeof l.port !== 'number' || !l.paths?.length || !['kube-apiserver', ...PROCESSES].includes(l.component)) continue;
      const port = l.port + portBase;
      assert.ok(!seenPorts.has(port), `port ${port} listed twice`);
      seenPorts.add(port);
      const url = `${l.scheme === 'https' ? 'https' : 'http'}://127.0.0.1:${port}`;
      assert.ok(lines.some((line) => line.includes(l.component) && line.includes(url)), `${l.component} on ${url} in:\n${server.output()}`);
      if (l.paths.includes('/healthz')) assert.deepEqual(await probeListener(url, '/healthz'), { status: 200, body: 'ok' }, `${l.component} ${url}/healthz`);
      if (l.paths.includes('/metrics')) {
        const got = await probeListener(url, '/metrics');
        // the API server guards /metrics (401 to an anonymous probe), as upstream's does
        assert.ok('status' in got && (l.component === 'kube-apiserver' ? got.status === 401 : got.status === 200 && got.body.includes(`kconform_component_up{component=`)), `${l.component} ${url}/metrics: ${JSON.stringify(got).slice(0, 300)}`);
      }
    }
    assert.equal(seenPorts.size, 7, 'API server, controller manager, scheduler, two kubelet and two kube-proxy ports');
    assert.match(server.output(), /cloud-controller-manager .*not served: the implementation runs no cloud-controller-manager/);
    assert.match(server.output(), /etcd .*not served: the implementation runs no etcd/);

    // a pod is scheduled by the scheduler process, run by the kubelet process, and its log and exec
    // reach the kubelet process through the API server
    const kubeconfig = await parseKubeconfig(await readFile(kubeconfigPath, 'utf8'), kubeconfigPath);
    const kubectl = (...args: string[]) => new Promise<string>((resolve, reject) =>
      execFile(KUBECTL, args, { env: { ...process.env, KUBECONFIG: kubeconfigPath, KUBECACHEDIR: join(dir, 'cache') } }, (error, stdout, stderr) => (error ? reject(new Error(`kubectl ${args.join(' ')}: ${stderr}`)) : resolve(stdout))));
    const manifest = join(dir, 'pod.yaml');
    await import('node:fs/promises').then((fs) => fs.writeFile(manifest, `
apiVersion: v1
kind: Node
metadata: {name: n1}
status: {capacity: {cpu: "4", memory: 8Gi, pods: "110"}, allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
---
apiVersion: v1
kind: Pod
metadata: {name: greeter}
spec: {containers: [{name: c, image: busybox, command: [sim, log, "hello from the kubelet process"]}]}
`));
    await kubectl('apply', '-f', manifest);
    await until('the pod to run', async () => (await kubectl('get', 'pod', 'greeter', '-o', 'jsonpath={.spec.nodeName} {.status.phase}')) === 'n1 Running');
    assert.match(await kubectl('logs', 'greeter'), /hello from the kubelet process/);
    const exec = await api(kubeconfig, 'POST', '/api/v1/namespaces/default/pods/greeter/exec?command=echo&command=hi');
    assert.deepEqual([exec.status, JSON.parse(exec.body)], [200, { stdout: 'hi\n', stderr: '', exitCode: 0 }]);
    assert.match((await api(kubeconfig, 'GET', '/metrics')).body, /^apiserver_request_total\{verb="POST",code="201"\} \d+$/m);

    // a component process that dies is restarted and serves again
    process.kill(pids['kube-scheduler'], 'SIGKILL');
    await until('the scheduler to be restarted', () => /kube-scheduler serves again \(pid \d+\)/.test(server.output()));
    assert.match(server.output(), /kube-scheduler \(pid \d+\) exited \(SIGKILL\); restarting \(1 of 3\)/);
    assert.deepEqual(await probeListener(`https://127.0.0.1:${10259 + portBase}`, '/healthz'), { status: 200, body: 'ok' });
  } finally {
    assert.equal(await server.stop(), 0);
    await rm(dir, { recursive: true, force: true });
  }
  const restarted = Number(/kube-scheduler serves again \(pid (\d+)\)/.exec(server.output())?.[1]);
  for (const pid of [...Object.values(pids), restarted]) await until(`pid ${pid} to exit with serve`, () => !alive(pid), 5000);
});

test('serve --components refuses a base that moves a port past 65535', { timeout: 30_000, skip: serveSkip }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kconform-serve-components-'));
  try {
    await assert.rejects(serveComponents(60000, join(dir, 'kubeconfig')), /port base 60000 moves/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('kconform component refuses bad arguments naming what is wrong', async (t) => {
  const cases: [string[], RegExp][] = [
    [[], /name exactly one process: kube-controller-manager, kube-proxy, kube-scheduler, kubelet/],
    [['etcd'], /"etcd": must be one of kube-controller-manager, kube-proxy, kube-scheduler, kubelet/],
    [['kubelet'], /--kubeconfig: required/],
    [['kubelet', '--kubeconfig', '/nonexistent/kubeconfig'], /kubeconfig \/nonexistent\/kubeconfig: cannot read it: ENOENT/],
    [['kubelet', '--kubeconfig', '/dev/null', '--port-base', 'x'], /--port-base: must be an integer/],
  ];
  for (const [args, message] of cases) {
    await t.test(args.join(' ') || '(no name)', () => {
      const got = spawnSync(process.execPath, [CLI, 'component', ...args], { encoding: 'utf8' });
      assert.equal(got.status, 2);
      assert.match(got.stderr, message);
      assert.doesNotMatch(got.stderr, /\n\s+at /, 'no stack trace');
    });
  }
});
