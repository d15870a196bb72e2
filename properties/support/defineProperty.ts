import type fc from 'fast-check';
import type { Driver } from '../../harness/contract/driver.ts';
import type { Capability } from '../../harness/contract/methods.ts';

export interface PropertyContext {
  /** The implementation under test. */
  driver: Driver;
  /** Upstream Kubernetes' own code (the installed kubectl) as an oracle, or why it is unavailable. */
  upstream(): Promise<Driver | { unavailable: string }>;
}

export interface PropertySpec {
  /** Stable id, `<area>/<name>`, used by `--property` to replay it. */
  id: string;
  /** A sentence stating the law. */
  name: string;
  claims: string[];
  /** Capabilities the implementation must have; without them the property is not applicable. */
  needs: Capability[];
  numRuns?: number;
  /** How many independent cases one run checks (default 1); the report counts runs × cases. */
  casesPerRun?: number;
  /** Extra tags for --tags filtering (the area, `@property` and the claim IDs are added). */
  tags?: string[];
  /** Build the property. Return `{ notApplicable }` when something it needs is missing. */
  build(ctx: PropertyContext): Promise<fc.IAsyncPropertyWithHooks<any> | { notApplicable: string }> | fc.IAsyncPropertyWithHooks<any> | { notApplicable: string };
  /** file:line where it was defined (filled in by defineProperty). */
  location: string;
}

/** Declare a property; the runner finds it in properties/<area>/*.property.ts (default export or `properties` array). */
export function defineProperty(spec: Omit<PropertySpec, 'location'>): PropertySpec {
  return { ...spec, location: callerLocation() };
}

function callerLocation(): string {
  const line = new Error().stack?.split('\n')[3] ?? '';
  const m = /(?:file:\/\/)?(\/[^:)]+):(\d+):\d+/.exec(line);
  if (!m) return 'properties';
  const rel = m[1].includes('/properties/') ? 'properties/' + m[1].split('/properties/').pop() : m[1];
  return `${rel}:${m[2]}`;
}
