import type fc from 'fast-check';
import type { Model, Real } from './model.ts';

/** `systemctl stop kubelet` on node i: its heartbeats stop. */
export class KillNode implements fc.AsyncCommand<Model, Real> {
  constructor(readonly node: number) {}

  check = (m: Readonly<Model>) => m.nodes[this.node].alive;

  async run(m: Model, r: Real): Promise<void> {
    await r.driver.call('faults.stopKubelet', { node: r.node(this.node) });
    m.setNode(this.node, false);
    await r.verify(m);
  }

  toString = () => `ssh n${this.node} systemctl stop kubelet`;
}
