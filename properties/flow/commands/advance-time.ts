import type fc from 'fast-check';
import type { Model, Real } from './model.ts';

/** Cluster time passes: `sleep <s>`. */
export class AdvanceTime implements fc.AsyncCommand<Model, Real> {
  constructor(readonly seconds: number) {}

  check = () => true;

  async run(m: Model, r: Real): Promise<void> {
    await r.driver.call('time.advance', { ms: this.seconds * 1000 });
    m.now += this.seconds * 1000;
    await r.verify(m);
  }

  toString = () => `sleep ${this.seconds}`;
}
