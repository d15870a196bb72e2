// The kubelet API over HTTP, both ends against each other: what the API server's dialer makes of
// each answer the kubelet process can give.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { remoteKubelets, serveKubeletApi } from './kubeletHttp.ts';
import { ApiError } from './status.ts';
import type { ContainerLogOptions, KubeletApi } from './nodeProxy.ts';

const TOKEN = 'secret';
const calls: unknown[][] = [];
/** Node n1 runs pod default/web (uid u1) with container c; n2's kubelet is not running. */
const n1: KubeletApi = {
  async containerLogs(namespace, pod, uid, container, options) {
    calls.push(['logs', namespace, pod, uid, container, options]);
    return container === 'c' ? { ok: true, value: 'line 1\nline 2\n' } : { ok: false, message: `container ${container} is not valid for pod ${pod}` };
  },
  async exec(namespace, pod, uid, container, command) {
    calls.push(['exec', namespace, pod, uid, container, command]);
    return { ok: true, value: { stdout: `${command.join(' ')}\n`, stderr: '', exitCode: 0 } };
  },
};

let server: Server;
let url: string;
before(async () => {
  const handle = serveKubeletApi((node) => (node === 'n1' ? n1 : undefined), TOKEN);
  server = createServer(async (req, res) => {
    if (!(await handle(req, res))) res.writeHead(404).end('not the kubelet API');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const options: ContainerLogOptions = { tailLines: 2, limitBytes: 100, sinceSeconds: 5, sinceTime: Date.parse('2026-01-02T03:04:05.000Z'), timestamps: true, previous: true };

test('logs and exec reach the node\'s kubelet with every parameter', async () => {
  calls.length = 0;
  const kubelet = remoteKubelets({ url, token: TOKEN })('n1')!;
  assert.deepEqual(await kubelet.containerLogs('default', 'web', 'u1', 'c', options), { ok: true, value: 'line 1\nline 2\n' });
  assert.deepEqual(await kubelet.exec('default', 'web', 'u1', 'c', ['echo', 'a b']), { ok: true, value: { stdout: 'echo a b\n', stderr: '', exitCode: 0 } });
  assert.deepEqual(calls, [
    ['logs', 'default', 'web', 'u1', 'c', options],
    ['exec', 'default', 'web', 'u1', 'c', ['echo', 'a b']],
  ]);
});

test('each failure becomes what the API server answers', async (t) => {
  const cases: { name: string; token: string; node: string; port?: number; want: { ok: false; message: string } | RegExp }[] = [
    { name: 'the kubelet refuses the request', token: TOKEN, node: 'n1', want: { ok: false, message: 'container d is not valid for pod web' } },
    { name: 'the node\'s kubelet is not running', token: TOKEN, node: 'n2', want: /^Get "https:\/\/n2:10250\/containerLogs\/default\/web\/d": dial tcp: connect: connection refused$/ },
    { name: 'a wrong token', token: 'wrong', node: 'n1', want: /answered 401: Unauthorized/ },
    { name: 'nothing listens there', token: TOKEN, node: 'n1', port: 1, want: /^Get "https:\/\/n1:10250\/containerLogs\/default\/web\/d": dial tcp 127\.0\.0\.1:1: connect ECONNREFUSED/ },
  ];
  for (const c of cases) {
    await t.test(c.name, async () => {
      const target = c.port ? `http://127.0.0.1:${c.port}` : url;
      const call = remoteKubelets({ url: target, token: c.token })(c.node)!.containerLogs('default', 'web', 'u1', 'd', {});
      if (c.want instanceof RegExp) {
        const want = c.want;
        await assert.rejects(call, (error: unknown) => error instanceof ApiError && error.code === 500 && want.test(error.message));
      } else assert.deepEqual(await call, c.want);
    });
  }
});

test('the kubelet side answers only its own paths, and only with the right method and token', async () => {
  const get = (path: string, init: RequestInit = {}) => fetch(url + path, { ...init, headers: { authorization: `Bearer ${TOKEN}`, ...(init.headers ?? {}) } });
  assert.equal((await get('/healthz')).status, 404);
  assert.equal((await get('/containerLogs/default/web/c?node=n1', { method: 'POST' })).status, 405);
  assert.equal((await get('/run/default/web/u1/c?node=n1&command=ls')).status, 405);
  assert.equal((await get('/containerLogs/default/web/c')).status, 503);
  assert.equal((await fetch(`${url}/containerLogs/default/web/c?node=n1`)).status, 401);
  assert.equal((await get('/containerLogs/default/web/c?node=n1&tailLines=-1')).status, 400);
});
