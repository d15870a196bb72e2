// pods/exec over a WebSocket: the messages and statuses of the channel protocol, a raw WebSocket
// client against the HTTP server (handshake, frames, ping, close, the answers before any
// upgrade), and the real kubectl against `kconform serve` (skipped without kubectl or openssl).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { memoryStore } from '../store/index.ts';
import { serveSkip, withServe, KUBECTL, WORKER_NODE_YAML } from '../../test/support/kconformServe.ts';
import { startApiServer } from './apiServer.ts';
import { execHandshakeProblem, execMessages, exitStatus, unsupportedUpgrade } from './execStream.ts';
import type { ExecOutput, KubeletDialer } from './nodeProxy.ts';
import { closePayload, encodeFrame, FrameDecoder, Opcode, type Message } from './webSocket.ts';

const text = (messages: Buffer[]) => messages.map((m) => `${m[0]}:${m.subarray(1).toString()}`);
const SUCCESS = '{"metadata":{},"status":"Success"}';
const EXIT_3 = '{"metadata":{},"status":"Failure","message":"command terminated with non-zero exit code: command terminated with exit code 3","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"3"}]}}';

test('the error channel carries Success for exit 0 and NonZeroExitCode with the code otherwise', () => {
  assert.equal(JSON.stringify(exitStatus(0)), SUCCESS);
  assert.equal(JSON.stringify(exitStatus(3)), EXIT_3);
});

test('a session\'s messages follow the streams the request asks for', () => {
  const output: ExecOutput = { stdout: 'out\nmore\n', stderr: 'err\n', exitCode: 0 };
  const cases: [string, string, string[]][] = [
    ['stdout and stderr each get their channel after an empty message on stdout', 'stdout=true&stderr=true', ['1:', '1:out\nmore\n', '2:err\n', `3:${SUCCESS}`]],
    ['without stdout the empty message goes to stderr and stdout is dropped', 'stderr=1', ['2:', '2:err\n', `3:${SUCCESS}`]],
    ['without either the empty message goes to the error channel', 'stdin=true', ['3:', `3:${SUCCESS}`]],
    ['a terminal merges stderr into stdout with CR LF line ends', 'stdout=true&stderr=true&tty=true', ['1:', '1:out\r\nmore\r\nerr\r\n', `3:${SUCCESS}`]],
  ];
  for (const [name, query, want] of cases) assert.deepEqual(text(execMessages(new URLSearchParams(query), output)), want, name);
  const big = execMessages(new URLSearchParams('stdout=true'), { stdout: 'x'.repeat(70_000), stderr: '', exitCode: 3 });
  assert.deepEqual(big.map((m) => [m[0], m.length - 1]), [[1, 0], [1, 32768], [1, 32768], [1, 4464], [3, EXIT_3.length]], 'long output is sent in 32 KiB messages');
});

test('an exec WebSocket needs a valid handshake offering v5 or v4; other upgrades are refused by name', () => {
  const ws = { 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' };
  const cases: [string, string, Record<string, string>, string | undefined][] = [
    ['v5 and v4 offered', 'GET', { ...ws, 'sec-websocket-protocol': 'v5.channel.k8s.io, v4.channel.k8s.io' }, undefined],
    ['only v4 offered', 'GET', { ...ws, 'sec-websocket-protocol': 'v4.channel.k8s.io' }, undefined],
    ['only older protocols offered', 'GET', { ...ws, 'sec-websocket-protocol': 'v3.channel.k8s.io,channel.k8s.io' }, 'requested protocol(s) are not supported: [v3.channel.k8s.io channel.k8s.io]; supports [v5.channel.k8s.io v4.channel.k8s.io]'],
    ['a WebSocket over POST', 'POST', { ...ws, 'sec-websocket-protocol': 'v5.channel.k8s.io' }, 'a WebSocket handshake must use GET, not POST'],
  ];
  for (const [name, method, headers, want] of cases) assert.equal(execHandshakeProblem(method, headers), want, name);
  assert.equal(unsupportedUpgrade('SPDY/3.1'), 'upgrading pods/exec to "SPDY/3.1" is not supported by this server: use a WebSocket with one of the protocols v5.channel.k8s.io, v4.channel.k8s.io');
});

// --- a raw WebSocket client against the HTTP server --------------------------------------------

const TOKEN = 'exec-test-token';
const HANDSHAKE = { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Protocol': 'v5.channel.k8s.io, v4.channel.k8s.io' };
const MASK = Buffer.from([1, 2, 3, 4]);

interface Exchange {
  head: string;
  /** The body of an answer that was not 101. */
  body: string;
  messages: Message[];
}

/**
 * Sends a request (and `early`, bytes sent right behind it), answers the server's close frame
 * with a masked close, and resolves with what came back once the server closed the connection
 * (or after 5 s of silence).
 */
function exchange(port: number, path: string, headers: Record<string, string>, early: Buffer = Buffer.alloc(0)): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(5_000, () => socket.destroy());
    const request = [`GET ${path} HTTP/1.1`, 'Host: 127.0.0.1', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n') + '\r\n\r\n';
    socket.write(Buffer.concat([Buffer.from(request), early]));
    let received: Buffer = Buffer.alloc(0);
    let head: string | undefined;
    const messages: Message[] = [];
    const decoder = new FrameDecoder({ requireMask: false });
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (head === undefined) {
        const end = received.indexOf('\r\n\r\n');
        if (end < 0) return;
        head = received.subarray(0, end).toString();
        received = received.subarray(end + 4);
        if (!head.startsWith('HTTP/1.1 101')) return;
      }
      if (!head.startsWith('HTTP/1.1 101')) return;
      for (const message of decoder.push(received)) {
        messages.push(message);
        if (message.type === 'close') socket.write(encodeFrame(Opcode.close, closePayload(1000), { mask: MASK }));
      }
      received = Buffer.alloc(0);
    });
    socket.on('error', reject);
    socket.on('close', () => resolve({ head: head ?? '', body: head?.startsWith('HTTP/1.1 101') ? '' : received.toString(), messages }));
  });
}

const binaries = (e: Exchange) => text(e.messages.filter((m) => m.type === 'binary').map((m) => m.data));

async function withServer(body: (port: number, calls: string[][]) => Promise<void>): Promise<void> {
  const calls: string[][] = [];
  const outputs: Record<string, ExecOutput> = { ok: { stdout: 'hi\n', stderr: 'warn\n', exitCode: 0 }, fail: { stdout: '', stderr: '', exitCode: 3 } };
  const kubelets: KubeletDialer = (node) =>
    node === 'node-1'
      ? {
          containerLogs: async () => ({ ok: true, value: '' }),
          exec: async (namespace, pod, _uid, container, command) => {
            calls.push([namespace, pod, container, ...command]);
            return command[0] === 'refused' ? { ok: false, message: `unable to upgrade connection: container not found ("${container}")` } : { ok: true, value: outputs[command[0]] };
          },
        }
      : undefined;
  const store = memoryStore();
  const server = await startApiServer({ store, kubelets, authentication: { adminToken: TOKEN } });
  try {
    const post = (path: string, object: unknown) => fetch(server.url + path, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(object) });
    for (const [name, nodeName] of [['web', 'node-1'], ['pending', undefined], ['lost', 'node-2']]) {
      const created = await post('/api/v1/namespaces/default/pods', { metadata: { name }, spec: { nodeName, containers: [{ name: 'app', image: 'nginx' }] } });
      assert.equal(created.status, 201);
    }
    await body(Number(new URL(server.url).port), calls);
  } finally {
    await server.close();
    await store.close();
  }
}

const AUTH = { Authorization: `Bearer ${TOKEN}` };
const EXEC = '/api/v1/namespaces/default/pods/web/exec?container=app&stdout=true&stderr=true';

test('a WebSocket exec streams stdout, stderr and the status, answers a ping, then closes', { timeout: 20_000 }, async () => {
  await withServer(async (port, calls) => {
    const ok = await exchange(port, `${EXEC}&command=ok&command=a%20b`, { ...AUTH, ...HANDSHAKE }, encodeFrame(Opcode.ping, Buffer.from('p'), { mask: MASK }));
    assert.match(ok.head, /^HTTP\/1\.1 101 Switching Protocols\r\n/);
    assert.match(ok.head, /\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK\+xOo=(\r\n|$)/);
    assert.match(ok.head, /\r\nSec-WebSocket-Protocol: v5\.channel\.k8s\.io(\r\n|$)/);
    assert.deepEqual(calls, [['default', 'web', 'app', 'ok', 'a b']]);
    assert.deepEqual(binaries(ok), ['1:', '1:hi\n', '2:warn\n', `3:${SUCCESS}`]);
    assert.deepEqual(ok.messages.filter((m) => m.type !== 'binary'), [{ type: 'pong', data: Buffer.from('p') }, { type: 'close', data: closePayload(1000) }]);

    const stdinAndClose = Buffer.concat([Buffer.from([0, 0x61]), Buffer.from([255, 0]), Buffer.from([4, 0x7b, 0x7d])].map((m) => encodeFrame(Opcode.binary, m, { mask: MASK })));
    const failed = await exchange(port, `${EXEC}&command=fail`, { ...AUTH, ...HANDSHAKE, 'Sec-WebSocket-Protocol': 'v4.channel.k8s.io' }, stdinAndClose);
    assert.match(failed.head, /\r\nSec-WebSocket-Protocol: v4\.channel\.k8s\.io(\r\n|$)/);
    assert.deepEqual(binaries(failed), ['1:', `3:${EXIT_3}`], 'stdin, CLOSE and resize messages are read and ignored');
  });
});

test('an unmasked client frame closes the WebSocket with 1002', { timeout: 20_000 }, async () => {
  await withServer(async (port) => {
    const e = await exchange(port, `${EXEC}&command=ok`, { ...AUTH, ...HANDSHAKE }, encodeFrame(Opcode.binary, Buffer.from([0, 1])));
    assert.deepEqual(e.messages.filter((m) => m.type === 'close').map((m) => m.data.readUInt16BE(0)), [1002]);
  });
});

test('failures before the upgrade are plain Status answers, SPDY is refused after the kubelet\'s own errors, and the plain request answers JSON', { timeout: 20_000 }, async () => {
  await withServer(async (port, calls) => {
    const cases: [string, string, Record<string, string>, number, string][] = [
      ['no token', `${EXEC}&command=ok`, HANDSHAKE, 401, 'Unauthorized'],
      ['a pod that does not exist', '/api/v1/namespaces/default/pods/nope/exec?command=ok', { ...AUTH, ...HANDSHAKE }, 404, 'pods "nope" not found'],
      ['no command', EXEC, { ...AUTH, ...HANDSHAKE }, 400, 'you must specify at least 1 command'],
      ['an unknown container', '/api/v1/namespaces/default/pods/web/exec?container=x&command=ok', { ...AUTH, ...HANDSHAKE }, 400, 'container x is not valid for pod web'],
      ['a pod without a node', '/api/v1/namespaces/default/pods/pending/exec?command=ok', { ...AUTH, ...HANDSHAKE }, 400, 'pod pending does not have a host assigned'],
      ['a node without a kubelet', '/api/v1/namespaces/default/pods/lost/exec?command=ok', { ...AUTH, ...HANDSHAKE }, 500, 'Get "https://node-2:10250/exec/default/lost/app": dial tcp: connect: connection refused'],
      ['the kubelet refusing', `${EXEC}&command=refused`, { ...AUTH, ...HANDSHAKE }, 400, 'unable to upgrade connection: container not found ("app")'],
      ['the kubelet refusing a SPDY request', `${EXEC}&command=refused`, { ...AUTH, Connection: 'Upgrade', Upgrade: 'SPDY/3.1' }, 400, 'unable to upgrade connection: container not found ("app")'],
      ['SPDY', `${EXEC}&command=ok`, { ...AUTH, Connection: 'Upgrade', Upgrade: 'SPDY/3.1' }, 400, unsupportedUpgrade('SPDY/3.1')],
      ['a watch over a WebSocket', '/api/v1/namespaces/default/pods?watch=true', { ...AUTH, ...HANDSHAKE }, 400, 'upgrading a request to "websocket" is not supported for /api/v1/namespaces/default/pods: this server upgrades only pods/exec, to a WebSocket'],
      ['port-forward', '/api/v1/namespaces/default/pods/web/portforward?ports=80', { ...AUTH, ...HANDSHAKE }, 400, 'upgrading a request to "websocket" is not supported for /api/v1/namespaces/default/pods/web/portforward: this server upgrades only pods/exec, to a WebSocket'],
    ];
    for (const [name, path, headers, code, message] of cases) {
      const e = await exchange(port, path, headers);
      assert.match(e.head, new RegExp(`^HTTP/1\\.1 ${code} `), name);
      assert.deepEqual([JSON.parse(e.body).code, JSON.parse(e.body).message], [code, message], name);
    }
    assert.deepEqual(calls.map((c) => c[3]), ['refused', 'refused', 'ok'], 'only the requests that passed every other check reached the kubelet');
    const plain = await fetch(`http://127.0.0.1:${port}${EXEC}&command=ok`, { method: 'POST', headers: AUTH });
    assert.deepEqual([plain.status, await plain.json()], [200, { stdout: 'hi\n', stderr: 'warn\n', exitCode: 0 }]);
  });
});

// --- the real kubectl -------------------------------------------------------------------------

const MANIFESTS = `${WORKER_NODE_YAML}---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - {name: nginx, image: "nginx:1.25"}
  - {name: side, image: "busybox:1.36", env: [{name: ROLE, value: sidecar}]}
`;

test('kubectl exec runs commands over the WebSocket protocol and exits with the container\'s code', { timeout: 40_000, skip: serveSkip }, async () => {
  await withServe(async ({ kubectl, dir, kubeconfig }) => {
    const run = (...args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
        execFile(KUBECTL, args, { env: { ...process.env, KUBECONFIG: kubeconfig, KUBECACHEDIR: join(dir, 'cache') }, timeout: 15_000 }, (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
        ),
      );
    await writeFile(join(dir, 'web.yaml'), MANIFESTS);
    await kubectl('create', '-f', join(dir, 'web.yaml'));
    await kubectl('wait', '--for=condition=Ready', 'pod/web', '--timeout=20s');

    assert.deepEqual(await run('exec', 'web', '-c', 'nginx', '--', 'echo', 'hello'), { code: 0, stdout: 'hello\n', stderr: '' });
    const env = await run('exec', 'web', '-c', 'side', '--', 'env');
    assert.match(env.stdout, /^ROLE=sidecar$/m, '-c picks the container');
    assert.deepEqual(await run('exec', 'web', '-c', 'side', '--', 'false'), { code: 1, stdout: '', stderr: 'command terminated with exit code 1\n' });
    const missing = await run('exec', 'web', '-c', 'nginx', '--', 'nosuch');
    assert.equal(missing.code, 126, 'a missing binary exits 126');
    assert.match(missing.stderr, /exec: "nosuch": executable file not found in \$PATH: unknown\ncommand terminated with exit code 126\n$/);
    assert.deepEqual(await run('exec', 'nope', '--', 'echo', 'hi'), { code: 1, stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n' });
  });
});
