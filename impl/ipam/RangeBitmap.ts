// A set of taken offsets in [0, size), with upstream's split between a low "static" band that
// dynamic allocation uses last (ServiceIPStaticSubrange / ServiceNodePortStaticSubrange).

/** min(max(min, size / step), max), or 0 for ranges smaller than `min` (upstream calculateRangeOffset). */
export function staticBandSize(size: number, band: { min: number; max: number; step: number }): number {
  if (size < band.min) return 0;
  return Math.min(Math.max(Math.floor(size / band.step), band.min), band.max);
}

export class RangeBitmap {
  readonly size: number;
  private readonly taken: Uint8Array;
  private count = 0;
  private readonly staticBand: number;

  constructor(size: number, staticBand: number) {
    this.size = size;
    this.taken = new Uint8Array(size);
    this.staticBand = staticBand;
  }

  get used(): number {
    return this.count;
  }

  has(offset: number): boolean {
    return this.taken[offset] === 1;
  }

  /** Takes the offset; false when it was already taken. */
  take(offset: number): boolean {
    if (this.taken[offset]) return false;
    this.taken[offset] = 1;
    this.count++;
    return true;
  }

  /** Frees the offset; false when it was free. */
  free(offset: number): boolean {
    if (!this.taken[offset]) return false;
    this.taken[offset] = 0;
    this.count--;
    return true;
  }

  /**
   * Takes and returns the lowest free offset above the static band, else the lowest free one in
   * it, else undefined (full). Deterministic, where upstream starts from a random offset.
   */
  takeNext(): number | undefined {
    for (const [from, to] of [[this.staticBand, this.size], [0, this.staticBand]]) {
      for (let i = from; i < to; i++) {
        if (!this.taken[i]) {
          this.take(i);
          return i;
        }
      }
    }
    return undefined;
  }
}
