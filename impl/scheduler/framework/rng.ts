import { seededRandom } from '../../clock/rng.ts';

/** The scheduler's tie-breaking randomness: impl/clock's seeded mulberry32, with an integer helper. */
export class Rng {
  readonly next: () => number;

  constructor(seed: number) {
    this.next = seededRandom(seed);
  }

  /** An integer in [0, n). */
  intn(n: number): number {
    return Math.floor(this.next() * n);
  }
}
