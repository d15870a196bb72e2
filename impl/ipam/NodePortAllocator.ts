// NodePorts from a port range, unique cluster-wide (upstream pkg/registry/core/service/portallocator).
import { fieldErrors, IpamConfigError, type Allocation } from './fieldError.ts';
import { RangeBitmap, staticBandSize } from './RangeBitmap.ts';

export class NodePortAllocator {
  /** `first-last`, as upstream prints the range. */
  readonly range: string;
  private readonly first: number;
  private readonly bitmap: RangeBitmap;

  /** Throws IpamConfigError unless `range` reads `first-last` with 1 <= first <= last <= 65535. */
  constructor(range = '30000-32767') {
    const m = /^(\d+)-(\d+)$/.exec(range);
    const first = Number(m?.[1]);
    const last = Number(m?.[2]);
    if (!m || first < 1 || last > 65535 || first > last) {
      throw new IpamConfigError(`NodePortAllocator: ${JSON.stringify(range)} is not a port range like 30000-32767`);
    }
    this.range = `${first}-${last}`;
    this.first = first;
    const size = last - first + 1;
    this.bitmap = new RangeBitmap(size, staticBandSize(size, { min: 16, max: 128, step: 32 }));
  }

  get used(): number {
    return this.bitmap.used;
  }

  has(port: number): boolean {
    return this.inRange(port) && this.bitmap.has(port - this.first);
  }

  /**
   * Takes a requested port. Errors are upstream's, on the given field:
   * `spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767`
   * and `...: provided port is already allocated`.
   */
  allocate(port: number, field = 'spec.ports[0].nodePort'): Allocation<number> {
    if (!this.inRange(port)) {
      return { ok: false, error: fieldErrors.invalid(field, port, `provided port is not in the valid range. The range of valid ports is ${this.range}`) };
    }
    if (!this.bitmap.take(port - this.first)) return { ok: false, error: fieldErrors.invalid(field, port, 'provided port is already allocated') };
    return { ok: true, value: port };
  }

  /** Takes the next free port; when none is left, upstream's internal error `failed to allocate a nodePort: range is full`. */
  allocateNext(): Allocation<number> {
    const offset = this.bitmap.takeNext();
    if (offset === undefined) return { ok: false, error: fieldErrors.internal('failed to allocate a nodePort: range is full') };
    return { ok: true, value: this.first + offset };
  }

  /** Frees the port; false when it was not allocated. Never throws. */
  release(port: number): boolean {
    return this.inRange(port) && this.bitmap.free(port - this.first);
  }

  private inRange(port: number): boolean {
    return Number.isInteger(port) && port >= this.first && port < this.first + this.bitmap.size;
  }
}
