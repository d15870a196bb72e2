import type fc from 'fast-check';
import { expectFailure, NAMESPACE_NOT_FOUND, TERMINATING, type Model, type Real } from './model.ts';

/**
 * `kubectl delete namespace <ns>`: then nothing new may be created in it — refused as terminating,
 * or as not found once a namespace controller has removed it. Its objects leave the model (a
 * controller may delete them at any time from now on).
 */
export class DeleteNamespace implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ns: string) {}

  check = (m: Readonly<Model>) => m.active(this.ns) !== undefined;

  async run(m: Model, r: Real): Promise<void> {
    await r.driver.call('objects.delete', { kind: 'Namespace', name: r.ns(this.ns) });
    m.namespaces.get(this.ns)!.state = 'Deleted';
    m.namespaces.get(this.ns)!.objects.clear();
    const late = r.driver.call('objects.create', { object: r.configMap(this.ns, 'late', {}) });
    await expectFailure(r, `create configmap late in deleted namespace ${this.ns}`, late, [TERMINATING('late', this.ns), NAMESPACE_NOT_FOUND(this.ns)]);
  }

  toString = () => `kubectl delete namespace ${this.ns} --wait=false`;
}
