import type fc from 'fast-check';
import { expectEqual } from '../../support/expect.ts';
import { CONFLICT, expectFailure, labelFlag, type Model, type Real } from './model.ts';

/**
 * `kubectl replace` of a ConfigMap's labels with a resourceVersion: the current one succeeds and
 * gives a new version; an older one (`stale`) fails with Conflict and changes nothing.
 */
export class UpdateConfigMap implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ns: string, readonly name: string, readonly labels: Record<string, string>, readonly stale: boolean) {}

  check = (m: Readonly<Model>) => {
    const o = m.active(this.ns)?.objects.get(this.name);
    return o !== undefined && (!this.stale || o.versions.length > 1);
  };

  async run(m: Model, r: Real): Promise<void> {
    const ns = m.active(this.ns)!;
    const o = ns.objects.get(this.name)!;
    const rv = this.stale ? o.versions[0] : o.versions[o.versions.length - 1];
    const call = r.driver.call('objects.update', { object: r.configMap(this.ns, this.name, this.labels, rv) });
    if (this.stale) return void (await expectFailure(r, this.toString(), call, [CONFLICT(this.name)]));
    const updated = (await call).object;
    const next = String(updated.metadata.resourceVersion);
    if (o.versions.includes(next)) expectEqual(`${this}: a new resourceVersion`, next, `not one of ${o.versions.join(', ')}`);
    expectEqual(`${this}: labels`, r.labelsOf(updated), this.labels);
    o.labels = this.labels;
    o.versions.push(next);
    ns.history.push({ type: 'MODIFIED', name: this.name, rv: next });
  }

  toString = () => `kubectl replace configmap ${this.name} -n ${this.ns}${labelFlag(this.labels)} --resource-version=${this.stale ? '<first>' : '<current>'}`;
}
