import type fc from 'fast-check';
import { expectEqual } from '../../support/expect.ts';
import type { ModelSelector } from '../../arbitraries/objects.ts';
import type { Model, Real } from './model.ts';

/** `kubectl get configmaps -n <ns> -l <selector>`: exactly the model's objects of that namespace that match, none of another. */
export class ListConfigMaps implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ns: string, readonly selector: ModelSelector) {}

  check = (m: Readonly<Model>) => m.active(this.ns) !== undefined;

  async run(m: Model, r: Real): Promise<void> {
    const list = await r.driver.call('objects.list', { kind: 'ConfigMap', namespace: r.ns(this.ns), labelSelector: r.selector(this.selector.text) });
    const got = list.items.map((o) => `${r.unmap(String(o.metadata.namespace))}/${o.metadata.name} ${JSON.stringify(r.labelsOf(o))}`).sort();
    const want = [...m.active(this.ns)!.objects].filter(([, o]) => this.selector.matches(o.labels)).map(([name, o]) => `${this.ns}/${name} ${JSON.stringify(o.labels)}`).sort();
    expectEqual(this.toString(), got, want);
  }

  toString = () => `kubectl get configmaps -n ${this.ns}${this.selector.text ? ` -l '${this.selector.text}'` : ''}`;
}
