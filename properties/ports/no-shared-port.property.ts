import fc from 'fast-check';
import { defineProperty } from '../support/defineProperty.ts';
import { Mismatch } from '../support/expect.ts';
import { listenersOn, shippedLayout, SHIPPED_LAYOUTS } from '../../features/support/portLayouts.ts';
import type { PortListener } from '../../harness/contract/methods.ts';

export default defineProperty({
  id: 'ports/no-two-components-share-a-port',
  name: 'in the seed layout, the upstream layout and the layout the implementation reports, any port of any node is listened on by at most one component',
  claims: ['PORT-1'],
  needs: ['ports'],
  numRuns: 500,
  build: async ({ driver }) => {
    const reported = await driver.call('ports.layout', {});
    const layouts: Record<string, PortListener[]> = {
      ...Object.fromEntries(SHIPPED_LAYOUTS.map((n) => [n, shippedLayout(n)])),
      [`reported (${reported.layout})`]: reported.components,
    };
    // Ports the layouts name, and their neighbours, most of the time; any port otherwise.
    const named = Object.values(layouts).flat().flatMap((l) => String(l.port).split('-').map(Number)).flatMap((p) => [p - 1, p, p + 1]);
    const port = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...named) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 65535 }) });
    return fc.asyncProperty(fc.constantFrom(...Object.keys(layouts)), fc.constantFrom('master', 'worker'), port, fc.constantFrom('TCP', 'UDP'), async (name, node, p, protocol) => {
      const components = new Set(listenersOn(layouts[name], node, p, protocol).map((l) => l.component));
      if (components.size > 1) throw new Mismatch(`the ${name} layout: port ${p}/${protocol} on ${node} nodes`, 'at most one component', [...components]);
    });
  },
});
