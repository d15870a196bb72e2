// A vector of compute resources as plain numbers: cpu in millicores, the rest in units.
// Built once per pod and per node so that filters and scores never parse quantities.
import { quantityMilliValue, quantityValue } from '../quantity/parseQuantity.ts';

/** Extended resources (`example.com/gpu`), hugepages and attachable volumes: the "scalar" resources. */
export function isScalarResourceName(name: string): boolean {
  return (
    (name.includes('/') && !name.startsWith('requests.')) ||
    name.startsWith('hugepages-') ||
    name.startsWith('attachable-volumes-')
  );
}

export class Resource {
  milliCPU = 0;
  memory = 0;
  ephemeralStorage = 0;
  allowedPodNumber = 0;
  /** Scalar resources; null until one is set. */
  scalar: Map<string, number> | null = null;

  get isZero(): boolean {
    return this.milliCPU === 0 && this.memory === 0 && this.ephemeralStorage === 0 && (this.scalar === null || this.scalar.size === 0);
  }

  scalarOf(name: string): number {
    return this.scalar?.get(name) ?? 0;
  }

  setScalar(name: string, v: number): void {
    (this.scalar ??= new Map()).set(name, v);
  }

  /** Adds `other` × `sign` (1 to add a pod, -1 to remove it). */
  addResource(other: Resource, sign: 1 | -1): void {
    this.milliCPU += sign * other.milliCPU;
    this.memory += sign * other.memory;
    this.ephemeralStorage += sign * other.ephemeralStorage;
    this.allowedPodNumber += sign * other.allowedPodNumber;
    if (other.scalar) for (const [k, v] of other.scalar) this.setScalar(k, this.scalarOf(k) + sign * v);
  }

  clone(): Resource {
    const r = new Resource();
    r.addResource(this, 1);
    return r;
  }

  /** A ResourceList (`{cpu: "100m", memory: "1Gi", ...}`); bad quantities throw with `field`. */
  static fromList(list: unknown, field: string): Resource {
    const r = new Resource();
    if (!list || typeof list !== 'object') return r;
    for (const [name, q] of Object.entries(list)) {
      const f = `${field}.${name}`;
      switch (name) {
        case 'cpu':
          r.milliCPU += quantityMilliValue(q, f);
          break;
        case 'memory':
          r.memory += quantityValue(q, f);
          break;
        case 'ephemeral-storage':
          r.ephemeralStorage += quantityValue(q, f);
          break;
        case 'pods':
          r.allowedPodNumber += quantityValue(q, f);
          break;
        default:
          if (isScalarResourceName(name)) r.setScalar(name, r.scalarOf(name) + quantityValue(q, f));
      }
    }
    return r;
  }
}
