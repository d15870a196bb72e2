import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import parseTagExpression from '@cucumber/tag-expressions';
import { DriverError, type Driver } from '../contract/driver.ts';
import type { PropertySpec, PropertyContext } from '../../properties/support/defineProperty.ts';
import type { PropertyResult } from './results.ts';

export interface PropertyRunOptions {
  root: string;
  driver: Driver;
  upstream: PropertyContext['upstream'];
  seed: number;
  tags?: string;
  /** Run only this property id, optionally replaying a path. */
  only?: string;
  /** Run only properties with these ids. */
  ids?: string[];
  path?: string;
  numRunsScale?: number;
  reproduce: (id: string, seed: number, path?: string) => string;
  onResult?: (r: PropertyResult) => void;
}

/** Every PropertySpec in properties/<area>/*.property.ts, sorted by id. */
export async function loadProperties(root: string): Promise<PropertySpec[]> {
  const dir = join(root, 'properties');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.property.ts'))
    .sort();
  const specs: PropertySpec[] = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(join(dir, f)).href);
    const found = [mod.default, ...(mod.properties ?? [])].filter(Boolean) as PropertySpec[];
    if (found.length === 0) throw new Error(`${relative(root, join(dir, f))}: exports no property (default export or \`properties\`)`);
    specs.push(...found);
  }
  const ids = new Set<string>();
  for (const s of specs) {
    if (ids.has(s.id)) throw new Error(`${s.location}: property id ${s.id} is used twice`);
    ids.add(s.id);
  }
  return specs.sort((a, b) => a.id.localeCompare(b.id));
}

export function propertyTags(s: PropertySpec): string[] {
  return ['@property', `@${s.id.split('/')[0]}`, ...s.claims.map((c) => `@${c}`), ...(s.tags ?? [])];
}

/** Run the selected properties one after another. */
export async function runProperties(specs: PropertySpec[], o: PropertyRunOptions): Promise<PropertyResult[]> {
  const filter = o.tags ? parseTagExpression(o.tags) : undefined;
  const chosen = specs.filter((s) => (o.only ? s.id === o.only : (!filter || filter.evaluate(propertyTags(s))) && (!o.ids || o.ids.includes(s.id))));
  const results: PropertyResult[] = [];
  for (const s of chosen) {
    const r = await runOne(s, o);
    results.push(r);
    o.onResult?.(r);
  }
  return results;
}

async function runOne(s: PropertySpec, o: PropertyRunOptions): Promise<PropertyResult> {
  const base = {
    kind: 'property' as const,
    id: s.id,
    name: s.name,
    area: s.id.split('/')[0],
    location: s.location,
    claims: s.claims,
    seed: o.seed,
    reproduce: o.reproduce(s.id, o.seed),
  };
  const cases = (runs: number) => runs * (s.casesPerRun ?? 1);
  const started = performance.now();
  const missing = s.needs.filter((c) => !o.driver.has(c));
  if (missing.length) {
    return { ...base, outcome: 'not-applicable', numRuns: 0, cases: 0, durationMs: 0, reason: `the implementation lacks capability ${missing.join(', ')}` };
  }
  let built;
  try {
    built = await s.build({ driver: o.driver, upstream: o.upstream });
  } catch (e) {
    return { ...base, outcome: 'failed', numRuns: 0, cases: 0, durationMs: performance.now() - started, failure: { message: `could not build the property: ${(e as Error).message}` } };
  }
  if ('notApplicable' in built) return { ...base, outcome: 'not-applicable', numRuns: 0, cases: 0, durationMs: 0, reason: built.notApplicable };
  const numRuns = Math.max(1, Math.round((s.numRuns ?? 100) * (o.numRunsScale ?? 1)));
  const details = await fc.check(built, { seed: o.seed, numRuns, ...(o.only && o.path ? { path: o.path } : {}) });
  const durationMs = performance.now() - started;
  if (!details.failed) return { ...base, outcome: 'passed', numRuns: details.numRuns, cases: cases(details.numRuns), durationMs };
  const error = details.errorInstance as { message?: string; want?: unknown; got?: unknown } | undefined;
  if (error instanceof DriverError && error.kind === 'answer' && error.code === 'NotApplicable') {
    return { ...base, outcome: 'not-applicable', numRuns: details.numRuns, cases: cases(details.numRuns), durationMs, reason: `the implementation cannot answer: ${error.detail}` };
  }
  const counterexample = details.counterexample ? fc.stringify(details.counterexample) : undefined;
  return {
    ...base,
    outcome: 'failed',
    numRuns: details.numRuns,
    cases: cases(details.numRuns),
    durationMs,
    path: details.counterexamplePath ?? undefined,
    counterexample,
    reproduce: o.reproduce(s.id, details.seed, details.counterexamplePath ?? undefined),
    failure: {
      message: (error?.message ?? String(details.errorInstance)).split('\n\n')[0],
      ...(error && 'want' in error ? { want: error.want, got: error.got } : {}),
    },
  };
}
