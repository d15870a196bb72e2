import type fc from 'fast-check';
import { TOLERATION_SECONDS, type Model, type Real } from './model.ts';

/** `kubectl run <name> --image nginx` with a 30 s toleration of an unreachable node. */
export class CreatePod implements fc.AsyncCommand<Model, Real> {
  constructor(readonly name: string) {}

  check = (m: Readonly<Model>) => !m.pods.has(this.name);

  async run(m: Model, r: Real): Promise<void> {
    const tolerations = ['unreachable', 'not-ready'].map((t) => ({ key: `node.kubernetes.io/${t}`, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: TOLERATION_SECONDS }));
    await r.driver.call('objects.create', { object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: this.name, namespace: r.namespace }, spec: { tolerations, containers: [{ name: 'app', image: 'nginx:1.25' }] } } });
    m.pods.set(this.name, m.now);
    await r.verify(m);
  }

  toString = () => `kubectl run ${this.name} --image nginx:1.25`;
}
