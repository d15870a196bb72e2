import type fc from 'fast-check';
import type { Model, Real } from './model.ts';
import { RS_NAME } from './workloads.ts';

/** `kubectl scale rs/web --replicas=<n>`. */
export class ScaleReplicaSet implements fc.AsyncCommand<Model, Real> {
  constructor(readonly replicas: number) {}

  check = (m: Readonly<Model>) => m.workloads.rsReplicas !== this.replicas;

  async run(m: Model, r: Real): Promise<void> {
    await r.driver.call('objects.patch', { kind: 'ReplicaSet', namespace: r.namespace, name: RS_NAME, patch: { spec: { replicas: this.replicas } } });
    m.workloads.rsReplicas = this.replicas;
    m.workloads.lastChangeAt = m.now;
    await r.verify(m);
  }

  toString = () => `kubectl scale rs/${RS_NAME} --replicas=${this.replicas}`;
}
