// Steps about the component port layout (claim PORT-1). The layouts the suite knows live in
// spec/ports/; the implementation reports the one it follows through the `ports` capability.
import type { DataTable } from '@cucumber/cucumber';
import type { PortListener } from '../../harness/contract/methods.ts';
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
