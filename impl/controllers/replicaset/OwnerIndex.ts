// An index over an informer's cache by controller (the ownerReference with controller: true) and
// by namespace, kept current by the informer's handlers. Register it before the handlers that read
// it: informer handlers run in registration order.
import type { Informer, KubeObject } from '../../client/index.ts';
import { keyOf } from '../../client/index.ts';
import { controllerOf } from './objects.ts';

type Bucket<T> = Map<string, T>;

export class OwnerIndex<T extends KubeObject = KubeObject> {
  private readonly byController = new Map<string, Bucket<T>>();
  private readonly orphans = new Map<string, Bucket<T>>();
  private readonly byNamespace = new Map<string, Bucket<T>>();

  constructor(informer: Informer<T>) {
    informer.on({
      add: (o) => this.put(o),
      update: (old, o) => {
        this.drop(old);
        this.put(o);
      },
      delete: (o) => this.drop(o),
    });
  }

  /** Objects whose controller reference names `uid`. */
  controlledBy(uid: string | undefined): T[] {
    return uid ? [...(this.byController.get(uid)?.values() ?? [])] : [];
  }

  /** Objects in `namespace` without a controller reference. */
  orphansIn(namespace: string | undefined): T[] {
    return [...(this.orphans.get(namespace ?? '')?.values() ?? [])];
  }

  inNamespace(namespace: string | undefined): T[] {
    return [...(this.byNamespace.get(namespace ?? '')?.values() ?? [])];
  }

  private buckets(o: T): Bucket<T>[] {
    const ns = o.metadata.namespace ?? '';
    const ref = controllerOf(o);
    const owned = ref ? bucket(this.byController, ref.uid) : bucket(this.orphans, ns);
    return [owned, bucket(this.byNamespace, ns)];
  }

  private put(o: T): void {
    for (const b of this.buckets(o)) b.set(keyOf(o), o);
  }

  private drop(o: T): void {
    const key = keyOf(o);
    for (const b of this.buckets(o)) b.delete(key);
  }
}

function bucket<T>(map: Map<string, Bucket<T>>, key: string): Bucket<T> {
  let b = map.get(key);
  if (!b) map.set(key, (b = new Map()));
  return b;
}
