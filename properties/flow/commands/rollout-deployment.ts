import type fc from 'fast-check';
import type { Model, Real } from './model.ts';
import { DEPLOYMENT_NAME, rolloutPatch } from './workloads.ts';

/** `kubectl set image deploy/api app=<image>`: a rolling update with maxSurge 1, maxUnavailable 1. */
export class RolloutDeployment implements fc.AsyncCommand<Model, Real> {
  constructor(readonly image: string) {}

  check = (m: Readonly<Model>) => m.workloads.image !== this.image;

  async run(m: Model, r: Real): Promise<void> {
    await r.driver.call('objects.patch', { kind: 'Deployment', namespace: r.namespace, name: DEPLOYMENT_NAME, patch: rolloutPatch(this.image) });
    m.workloads.image = this.image;
    m.workloads.lastChangeAt = m.now;
    await r.verify(m);
  }

  toString = () => `kubectl set image deploy/${DEPLOYMENT_NAME} app=${this.image}`;
}
