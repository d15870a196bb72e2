// labels.Selector: requirements ANDed together, kept sorted by key as upstream keeps them.
import { compareGo } from './goText.ts';
import type { Labels, Requirement } from './requirement.ts';

export class Selector {
  /** Sorted by key (byte order). Requirements with equal keys keep their input order. */
  readonly requirements: readonly Requirement[];

  constructor(requirements: readonly Requirement[]) {
    this.requirements = [...requirements].sort((a, b) => compareGo(a.key, b.key));
  }

  /** True when every requirement matches; the empty selector matches every label set. */
  matches(labels: Labels): boolean {
    const reqs = this.requirements;
    for (let i = 0; i < reqs.length; i++) if (!reqs[i].matches(labels)) return false;
    return true;
  }

  /** Upstream's canonical String(): the requirements' strings joined by `,` ('' when empty). */
  toString(): string {
    return this.requirements.map(String).join(',');
  }

  /** True when the selector does not restrict anything (labels.Everything()). */
  isEmpty(): boolean {
    return this.requirements.length === 0;
  }
}

/** labels.Everything(): matches every label set. */
export const EVERYTHING = new Selector([]);
