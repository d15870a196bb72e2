import type fc from 'fast-check';
import type { Model, Real } from './model.ts';

/** `systemctl start kubelet` on node i. */
export class HealNode implements fc.AsyncCommand<Model, Real> {
  constructor(readonly node: number) {}

  check = (m: Readonly<Model>) => !m.nodes[this.node].alive;

  async run(m: Model, r: Real): Promise<void> {
    await r.driver.call('faults.startKubelet', { node: r.node(this.node) });
    m.setNode(this.node, true);
    await r.verify(m);
  }

  toString = () => `ssh n${this.node} systemctl start kubelet`;
}
