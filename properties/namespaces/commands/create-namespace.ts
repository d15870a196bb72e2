import type fc from 'fast-check';
import { expectEqual } from '../../support/expect.ts';
import type { Model, Real } from './model.ts';

/** `kubectl create namespace <ns>`: only for a namespace the model has never had. */
export class CreateNamespace implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ns: string) {}

  check = (m: Readonly<Model>) => !m.namespaces.has(this.ns);

  async run(m: Model, r: Real): Promise<void> {
    const made = await r.driver.call('objects.create', { object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: r.ns(this.ns) } } });
    r.noteNamespace(this.ns);
    expectEqual(`namespace ${this.ns}: its namespace`, made.object.metadata.namespace, undefined);
    m.namespaces.set(this.ns, { state: 'Active', createdAt: String(made.object.metadata.resourceVersion), objects: new Map(), history: [] });
  }

  toString = () => `kubectl create namespace ${this.ns}`;
}
