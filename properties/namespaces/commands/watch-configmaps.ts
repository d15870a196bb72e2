import type fc from 'fast-check';
import { expectEqual } from '../../support/expect.ts';
import type { Model, Real } from './model.ts';

/**
 * `kubectl get configmaps -n <ns> --watch --resource-version=<rv>`: resuming from a version the
 * model saw (the namespace's creation, or a create or update in it) delivers exactly the later
 * writes in that namespace, in order.
 */
export class WatchConfigMaps implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ns: string, readonly from: number) {}

  check = (m: Readonly<Model>) => m.active(this.ns) !== undefined;

  async run(m: Model, r: Real): Promise<void> {
    const ns = m.active(this.ns)!;
    const points = [{ rv: ns.createdAt, next: 0 }, ...ns.history.flatMap((h, i) => (h.rv ? [{ rv: h.rv, next: i + 1 }] : []))];
    const point = points[this.from % points.length];
    const want = ns.history.slice(point.next).map((h) => `${h.type} ${h.name}`);
    const scope = { kind: 'ConfigMap', namespace: r.ns(this.ns), labelSelector: r.selector('') };
    // The expected events (returns as soon as they are all in), then 150 ms more in which none may come.
    const expected = want.length ? await r.driver.call('objects.events', { ...scope, resourceVersion: point.rv, timeoutMs: 5000, max: want.length }) : undefined;
    const extra = await r.driver.call('objects.events', { ...scope, resourceVersion: expected?.resourceVersion ?? point.rv, timeoutMs: 150, max: 1 });
    const got = [...(expected?.events ?? []), ...extra.events];
    expectEqual(`${this} (from point ${this.from % points.length})`, got.map((e) => `${e.type} ${e.object.metadata.name}`), want);
  }

  toString = () => `kubectl get configmaps -n ${this.ns} --watch-only --resource-version=<point ${this.from}>`;
}
