import type fc from 'fast-check';
import { expectEqual } from '../../support/expect.ts';
import { ALREADY_EXISTS, expectFailure, labelFlag, NAMESPACE_NOT_FOUND, type Model, type Real } from './model.ts';

/** `kubectl create configmap <name> -n <ns>`: AlreadyExists when taken, NotFound in a namespace never created. */
export class CreateConfigMap implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ns: string, readonly name: string, readonly labels: Record<string, string>) {}

  /** Deleted namespaces are DeleteNamespace's business (a controller may be emptying them). */
  check = (m: Readonly<Model>) => m.namespaces.get(this.ns)?.state !== 'Deleted';

  async run(m: Model, r: Real): Promise<void> {
    const call = r.driver.call('objects.create', { object: r.configMap(this.ns, this.name, this.labels) });
    const ns = m.active(this.ns);
    if (!ns) return void (await expectFailure(r, this.toString(), call, [NAMESPACE_NOT_FOUND(this.ns)]));
    if (ns.objects.has(this.name)) return void (await expectFailure(r, this.toString(), call, [ALREADY_EXISTS(this.name)]));
    const made = (await call).object;
    expectEqual(`${this}: namespace`, r.unmap(String(made.metadata.namespace)), this.ns);
    expectEqual(`${this}: labels`, r.labelsOf(made), this.labels);
    const rv = String(made.metadata.resourceVersion);
    ns.objects.set(this.name, { labels: this.labels, versions: [rv] });
    ns.history.push({ type: 'ADDED', name: this.name, rv });
  }

  toString = () => `kubectl create configmap ${this.name} -n ${this.ns}${labelFlag(this.labels)}`;
}
