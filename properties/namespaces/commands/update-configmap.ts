import type fc from 'fast-check';
import { expectEqual } from '../../support/expect.ts';
import { CONFLICT, expectFailure, labelFlag, NOT_FOUND, type Model, type Real } from './model.ts';

/**
 * `kubectl replace` of a ConfigMap's labels with a resourceVersion: the current one succeeds and
 * gives a new version; an older one (`stale`: the object's first, or the namespace's when the
 * object has had one version) fails with Conflict and changes nothing; a missing object is NotFound.
 */
export class UpdateConfigMap implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ns: string, readonly name: string, readonly labels: Record<string, string>, readonly stale: boolean) {}

  check = (m: Readonly<Model>) => m.active(this.ns) !== undefined;

  async run(m: Model, r: Real): Promise<void> {
    const ns = m.active(this.ns)!;
    const o = ns.objects.get(this.name);
    const current = o?.versions[o.versions.length - 1];
    const rv = this.stale ? (o && o.versions.length > 1 ? o.versions[0] : ns.createdAt) : (current ?? ns.createdAt);
    const call = r.driver.call('objects.update', { object: r.configMap(this.ns, this.name, this.labels, rv) });
    if (!o) return void (await expectFailure(r, this.toString(), call, [NOT_FOUND(this.name)]));
    if (this.stale) return void (await expectFailure(r, this.toString(), call, [CONFLICT(this.name)]));
    const updated = (await call).object;
    const next = String(updated.metadata.resourceVersion);
    if (o.versions.includes(next)) expectEqual(`${this}: a new resourceVersion`, next, `not one of ${o.versions.join(', ')}`);
    expectEqual(`${this}: labels`, r.labelsOf(updated), this.labels);
    o.labels = this.labels;
    o.versions.push(next);
    ns.history.push({ type: 'MODIFIED', name: this.name, rv: next });
  }

  toString = () => `kubectl replace configmap ${this.name} -n ${this.ns}${labelFlag(this.labels)} --resource-version=${this.stale ? '<stale>' : '<current>'}`;
}
