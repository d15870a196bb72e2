// Arbitraries of the controller properties: what a user does to a ReplicaSet, and ownership
// forests of objects with some of them deleted.
import fc from 'fast-check';

export type ReplicaSetOp = { op: 'scale'; replicas: number } | { op: 'delete pods'; count: number };

/** `kubectl scale rs/web --replicas=N` and `kubectl delete pod` of some of its pods, in any order. */
export const replicaSetOps: fc.Arbitrary<ReplicaSetOp[]> = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('scale' as const), replicas: fc.nat(6) }),
    fc.record({ op: fc.constant('delete pods' as const), count: fc.integer({ min: 1, max: 3 }) }),
  ),
  { maxLength: 6 },
);

export const describeOp = (o: ReplicaSetOp) => (o.op === 'scale' ? `kubectl scale rs/web --replicas=${o.replicas}` : `kubectl delete pod (${o.count} of rs/web)`);

export interface OwnerForest {
  /** owners[i]: the indices (< i) of object i's owners. */
  owners: number[][];
  /** Objects the user deletes, in order. */
  deleted: number[];
}

/** Up to 8 objects, each owned by up to two earlier ones; then some of them are deleted. */
export const ownerForests: fc.Arbitrary<OwnerForest> = fc
  .array(fc.array(fc.nat(), { maxLength: 2 }), { minLength: 1, maxLength: 8 })
  .map((raw) => raw.map((picks, i) => (i === 0 ? [] : [...new Set(picks.map((p) => p % i))])))
  .chain((owners) => fc.record({ owners: fc.constant(owners), deleted: fc.shuffledSubarray(owners.map((_, i) => i), { maxLength: Math.min(3, owners.length) }) }));

/**
 * The objects left when garbage collection is done: the user's deletions, then, until nothing
 * changes, every object that had owners and has none left.
 */
export function survivors(forest: OwnerForest): number[] {
  let alive = forest.owners.map((_, i) => i).filter((i) => !forest.deleted.includes(i));
  for (let changed = true; changed; ) {
    const next = alive.filter((i) => !forest.owners[i].length || forest.owners[i].some((o) => alive.includes(o)));
    changed = next.length !== alive.length;
    alive = next;
  }
  return alive;
}
