// Counts per topology pair (key, value), nested so that lookups allocate nothing.
import type { Labels } from '../../framework/labelSelector.ts';

export class TopologyCounts {
  private readonly byKey = new Map<string, Map<string, number>>();

  get size(): number {
    return this.byKey.size;
  }

  add(key: string, value: string, delta: number): void {
    let values = this.byKey.get(key);
    if (!values) this.byKey.set(key, (values = new Map()));
    values.set(value, (values.get(value) ?? 0) + delta);
  }

  get(key: string, value: string): number {
    return this.byKey.get(key)?.get(value) ?? 0;
  }

  /** Whether any of the node's (label, value) pairs has a positive count. */
  anyPositive(labels: Labels): boolean {
    for (const [key, values] of this.byKey) {
      const v = labels[key];
      if (v !== undefined && (values.get(v) ?? 0) > 0) return true;
    }
    return false;
  }

  /** The sum of the counts of the node's (label, value) pairs. */
  sumFor(labels: Labels): number {
    let sum = 0;
    for (const [key, values] of this.byKey) {
      const v = labels[key];
      if (v !== undefined) sum += values.get(v) ?? 0;
    }
    return sum;
  }
}
