import type fc from 'fast-check';
import { expectFailure, NOT_FOUND, type Model, type Real } from './model.ts';

/** `kubectl delete configmap <name> -n <ns>`, with the current resourceVersion as precondition or none; NotFound when absent. */
export class DeleteConfigMap implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ns: string, readonly name: string, readonly precondition: boolean) {}

  check = (m: Readonly<Model>) => m.active(this.ns) !== undefined;

  async run(m: Model, r: Real): Promise<void> {
    const ns = m.active(this.ns)!;
    const o = ns.objects.get(this.name);
    const resourceVersion = this.precondition && o ? o.versions[o.versions.length - 1] : undefined;
    const call = r.driver.call('objects.delete', { kind: 'ConfigMap', namespace: r.ns(this.ns), name: this.name, ...(resourceVersion ? { resourceVersion } : {}) });
    if (!o) return void (await expectFailure(r, this.toString(), call, [NOT_FOUND(this.name)]));
    await call;
    ns.objects.delete(this.name);
    ns.history.push({ type: 'DELETED', name: this.name });
  }

  toString = () => `kubectl delete configmap ${this.name} -n ${this.ns}${this.precondition ? ' --precondition=resourceVersion' : ''}`;
}
