// Steps about the component port layout (claim PORT-1). The layouts the suite knows live in
// spec/ports/; the implementation reports the one it follows through the `ports` capability.
import { After, type DataTable } from '@cucumber/cucumber';
import type { PortListener, ServedPortListener } from '../../harness/contract/methods.ts';
import { DriverError } from '../../harness/contract/driver.ts';
import { probeListener } from '../support/probeListener.ts';
import { step } from '../support/step.ts';
import { portClashes, portSpan, shippedLayout, showListener, SHIPPED_LAYOUTS } from '../support/portLayouts.ts';
import type { KWorld } from '../support/world.ts';

const layouts = new WeakMap<KWorld, { name: string; components: PortListener[] }>();

function current(w: KWorld): { name: string; components: PortListener[] } {
  const l = layouts.get(w);
  if (!l) throw new Error('no port layout yet: use "Given the port layout ... is:" or "When the implementation reports its port layout"');
  return l;
}

const isShipped = (name: string): name is (typeof SHIPPED_LAYOUTS)[number] => (SHIPPED_LAYOUTS as readonly string[]).includes(name);
const sorted = (list: PortListener[]) => list.map(showListener).sort();

// | node | component | port | purpose |   (port: 6443 or 30000-32767)
step('the port layout {text} is:', [], function (name: string, table: DataTable) {
  const components = table.hashes().map((r) => {
    if (!portSpan(r.port)) throw new Error(`port ${JSON.stringify(r.port)} should be a number or first-last`);
    return { node: r.node as PortListener['node'], component: r.component, port: /^\d+$/.test(r.port) ? Number(r.port) : r.port, purpose: r.purpose ?? '' };
  });
  layouts.set(this, { name, components });
});

step('it is the table in spec\\/ports\\/layout-{word}.yaml', [], async function (name: string) {
  if (!isShipped(name)) throw new Error(`spec/ports has layouts ${SHIPPED_LAYOUTS.join(', ')}, not ${name}`);
  await this.expectEqual(`the ${name} layout`, sorted(current(this).components), sorted(shippedLayout(name)));
});

step('no two components of one node share a port in it', [], async function () {
  await this.expectEqual('ports shared by two components of one node', portClashes(current(this).components), []);
});

step('the port clashes in it are:', [], async function (doc: string) {
  await this.expectEqual('port clashes', portClashes(current(this).components), doc.split('\n').map((l) => l.trim()).filter(Boolean));
});

step('the implementation reports its port layout', ['ports'], async function () {
  const got = await this.driver.call('ports.layout', {});
  layouts.set(this, { name: got.layout, components: got.components });
  await this.attach(`the implementation follows the "${got.layout}" port layout`, 'text/plain');
});

step('if it names a layout the suite knows, it lists exactly that layout\'s ports', [], async function () {
  const { name, components } = current(this);
  if (isShipped(name)) await this.expectEqual(`the ${name} layout`, sorted(components), sorted(shippedLayout(name)));
});

// ---- the components served on their ports (ports.serve) -------------------------------------------

const served = new WeakMap<KWorld, ServedPortListener[]>();

function servedListeners(w: KWorld): ServedPortListener[] {
  const l = served.get(w);
  if (!l) throw new Error('nothing is served yet: use "When the implementation serves its components on the layout\'s ports shifted by a free base"');
  return l;
}

After(async function (this: KWorld) {
  if (served.has(this)) await this.driver.call('ports.stopServing', {}).catch(() => undefined);
});

// A base in 20000-21999 keeps every port of the known layouts (up to 10259) below 32768, where
// Linux starts handing out ephemeral ports; a base whose ports are taken is retried with another.
step('the implementation serves its components on the layout\'s ports shifted by a free base', ['ports'], async function () {
  for (let attempt = 1; ; attempt++) {
    const portBase = 20000 + Math.floor(Math.random() * 2000);
    try {
      const got = await this.driver.call('ports.serve', { portBase });
      served.set(this, got.listeners);
      await this.attach(`${got.layout} layout, port base ${portBase}:\n${got.listeners.map((l) => `${l.component} ${l.port} ${l.served ? l.url : `not served: ${l.reason}`}`).join('\n')}`, 'text/plain');
      return;
    } catch (e) {
      if (!(e instanceof DriverError && e.kind === 'answer' && e.code !== 'NotApplicable') || attempt === 3) throw e;
    }
  }
});

// upstream serves /metrics only to authorized clients: 401 and 403 count as answered.
step('every listener it serves answers \\/healthz with ok, and \\/metrics where the layout lists it', [], async function () {
  const failures: string[] = [];
  for (const l of servedListeners(this)) {
    if (!l.served || l.scheme === 'none') continue;
    if (l.paths.includes('/healthz')) {
      const got = await probeListener(l.url, '/healthz');
      if ('error' in got || got.status !== 200 || got.body.trim() !== 'ok') failures.push(`${l.component} ${l.url}/healthz: ${JSON.stringify(got)}`);
    }
    if (l.paths.includes('/metrics')) {
      const got = await probeListener(l.url, '/metrics');
      if ('error' in got || ![200, 401, 403].includes(got.status)) failures.push(`${l.component} ${l.url}/metrics: ${JSON.stringify(got).slice(0, 200)}`);
    }
  }
  await this.expectEqual('listeners that did not answer', failures, []);
});

step('no two components it serves share a port', [], async function () {
  await this.expectEqual('ports shared by two served components', portClashes(servedListeners(this).filter((l) => l.served)), []);
});

step('it serves the components {text}', [], async function (list: string) {
  const want = list.split(',').map((c) => c.trim()).filter(Boolean).sort();
  const got = [...new Set(servedListeners(this).filter((l) => l.served).map((l) => l.component))].sort();
  await this.expectEqual('components served', want.filter((c) => !got.includes(c)), []);
});

step('every listener of the reported layout is listed, served or not', ['ports'], async function () {
  const { components } = await this.driver.call('ports.layout', {});
  const key = (l: { node: string; component: string; purpose: string }) => `${l.node} ${l.component} ${l.purpose}`;
  const listed = servedListeners(this).map(key).sort();
  await this.expectEqual('master listeners', listed, components.filter((c) => c.node === 'master').map(key).sort());
});
