// Upstream's ControllerExpectations (pkg/controller/controller_utils.go), keyed by the pods'
// keys: the creates and deletes a controller sent and its informer has not shown yet. While any
// is outstanding the controller must not create or delete again, or it would act twice on one
// need. Outstanding writes expire after EXPECTATIONS_TTL_MS (a lost watch event must not stall
// the controller for ever).
import type { Clock } from '../../clock/index.ts';

export const EXPECTATIONS_TTL_MS = 5 * 60_000;

interface Pending {
  creates: Set<string>;
  deletes: Set<string>;
  since: number;
}

export class Expectations {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly clock: Clock, private readonly ttlMs = EXPECTATIONS_TTL_MS) {}

  /** Records writes about to be sent for `controller` (pod keys). */
  expect(controller: string, creates: readonly string[], deletes: readonly string[]): void {
    if (!creates.length && !deletes.length) return;
    const p = this.entry(controller);
    for (const k of creates) p.creates.add(k);
    for (const k of deletes) p.deletes.add(k);
    p.since = this.clock.now();
  }

  /** The informer showed `pod` created (or a sent create failed): it is no longer awaited. */
  created(controller: string, pod: string): void {
    this.pending.get(controller)?.creates.delete(pod);
  }

  /** The informer showed `pod` deleted or being deleted (or a sent delete failed). */
  deleted(controller: string, pod: string): void {
    this.pending.get(controller)?.deletes.delete(pod);
  }

  /** Nothing outstanding, or what is outstanding has expired. */
  satisfied(controller: string): boolean {
    const p = this.pending.get(controller);
    if (!p || (!p.creates.size && !p.deletes.size)) return true;
    return this.clock.now() - p.since > this.ttlMs;
  }

  forget(controller: string): void {
    this.pending.delete(controller);
  }

  private entry(controller: string): Pending {
    let p = this.pending.get(controller);
    if (!p) this.pending.set(controller, (p = { creates: new Set(), deletes: new Set(), since: 0 }));
    if (this.satisfied(controller)) {
      p.creates.clear();
      p.deletes.clear();
    }
    return p;
  }
}
