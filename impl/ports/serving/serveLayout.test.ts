// serveLayout over plain HTTP: what each listener answers, which ones are not served and why,
// and layouts that cannot be served.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveLayout, ServeLayoutError, type HostedComponent } from './serveLayout.ts';
import type { PortLayout } from '../loadLayout.ts';
import { probeListener } from '../../../features/support/probeListener.ts';

const BASE = 21000 + Math.floor(Math.random() * 1000);
const layout: PortLayout = {
  layout: 'test',
  description: 'a small layout',
  components: [
    { node: 'master', component: 'kube-scheduler', port: 10259, scheme: 'https', purpose: 'scheduler', paths: ['/healthz', '/metrics'] },
    { node: 'master', component: 'cloud-controller-manager', port: 10258, scheme: 'https', purpose: 'ccm', paths: ['/healthz'] },
    { node: 'master', component: 'kube-proxy', port: '30000-30001', scheme: 'none', purpose: 'NodePorts' },
    { node: 'worker', component: 'kube-scheduler', port: 10259, purpose: 'not this node' },
  ],
};

test('each listener answers its paths, and says which are not served and why', async () => {
  let up = true;
  const scheduler: HostedComponent = { name: 'kube-scheduler', running: () => up, metrics: () => ({ queue_depth: 3 }) };
  const serving = await serveLayout({ layout, portBase: BASE, hosted: (c) => (c === 'kube-scheduler' || c === 'kube-proxy' ? [{ ...scheduler, name: c }] : []) });
  try {
    assert.deepEqual(serving.listeners.map((l) => `${l.component} ${l.port} ${l.served ? l.url : l.reason}`), [
      `kube-scheduler ${10259 + BASE} http://127.0.0.1:${10259 + BASE}`,
      `cloud-controller-manager ${10258 + BASE} the implementation runs no cloud-controller-manager`,
      `kube-proxy ${30000 + BASE}-${30001 + BASE} the layout gives it no paths to serve`,
    ]);
    const url = `http://127.0.0.1:${10259 + BASE}`;
    const cases: [string, string, { status: number; body: string } | RegExp][] = [
      ['healthz while running', '/healthz', { status: 200, body: 'ok' }],
      ['metrics', '/metrics', /^# TYPE kconform_component_up gauge\nkconform_component_up\{component="kube-scheduler",process="kube-scheduler"\} 1\nqueue_depth\{component="kube-scheduler"\} 3\n$/],
      ['a path the layout does not give', '/livez', { status: 404, body: '404 page not found: kube-scheduler serves /healthz, /metrics\n' }],
    ];
    for (const [name, path, want] of cases) {
      const got = await probeListener(url, path);
      if (want instanceof RegExp) assert.match('body' in got ? got.body : '', want, name);
      else assert.deepEqual(got, want, name);
    }
    up = false;
    assert.deepEqual(await probeListener(url, '/healthz'), { status: 503, body: 'not running: kube-scheduler\n' }, 'healthz once stopped');
  } finally {
    await serving.close();
  }
  assert.ok('error' in (await probeListener(`http://127.0.0.1:${10259 + BASE}`, '/healthz')), 'closed');
});

const refused: { name: string; layout: PortLayout; base: number; message: RegExp }[] = [
  {
    name: 'a layout in which two components of a node share a port is refused',
    layout: { ...layout, components: [layout.components[0], { ...layout.components[0], component: 'other' }] },
    base: BASE,
    message: /has clashes: components\[1\]\.port: Invalid value: \d+: already used by kube-scheduler/,
  },
  { name: 'a base that moves a port past 65535 is refused', layout, base: 40000, message: /^port base 40000 moves kube-proxy's port 70000-70001 past 65535$/ },
];

for (const c of refused) {
  test(c.name, async () => {
    await assert.rejects(serveLayout({ layout: c.layout, portBase: c.base, hosted: () => [] }), (e: unknown) => e instanceof ServeLayoutError && c.message.test(e.message));
  });
}

test('a port in use is refused and nothing stays open', async () => {
  const hosted = () => [{ name: 'kube-scheduler', running: () => true }];
  const first = await serveLayout({ layout, portBase: BASE + 1, hosted });
  try {
    await assert.rejects(serveLayout({ layout, portBase: BASE + 1, hosted }), /kube-scheduler \(scheduler\) cannot listen on 127\.0\.0\.1:\d+: EADDRINUSE/);
  } finally {
    await first.close();
  }
});
