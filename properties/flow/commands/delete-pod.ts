import type fc from 'fast-check';
import type { Model, Real } from './model.ts';

/** `kubectl delete pod <name>` (it may already be gone: evicted). */
export class DeletePod implements fc.AsyncCommand<Model, Real> {
  constructor(readonly name: string) {}

  check = (m: Readonly<Model>) => m.pods.has(this.name);

  async run(m: Model, r: Real): Promise<void> {
    await r.driver.call('objects.delete', { kind: 'Pod', namespace: r.namespace, name: this.name }).catch((e: { code?: string }) => {
      if (e.code !== 'NotFound') throw e;
    });
    m.pods.delete(this.name);
    await r.verify(m);
  }

  toString = () => `kubectl delete pod ${this.name}`;
}
