import type fc from 'fast-check';
import type { Model, Real } from './model.ts';
import { FIRST_IMAGE, tolerations } from './workloads.ts';

/** `kubectl run <name> --image nginx` with a 30 s toleration of an unreachable node. */
export class CreatePod implements fc.AsyncCommand<Model, Real> {
  constructor(readonly name: string) {}

  check = (m: Readonly<Model>) => !m.pods.has(this.name);

  async run(m: Model, r: Real): Promise<void> {
    await r.driver.call('objects.create', { object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: this.name, namespace: r.namespace }, spec: { tolerations, containers: [{ name: 'app', image: FIRST_IMAGE }] } } });
    m.pods.set(this.name, m.now);
    await r.verify(m);
  }

  toString = () => `kubectl run ${this.name} --image ${FIRST_IMAGE}`;
}
