import type { Hello } from '../contract/methods.ts';

/** How one check ended. `not-applicable`: the implementation lacks a capability it needs. */
export type Outcome = 'passed' | 'failed' | 'not-applicable' | 'skipped';

export interface Failure {
  /** The step or property that failed, as written. */
  step?: string;
  /** file:line of the failing step. */
  location?: string;
  message: string;
  want?: unknown;
  got?: unknown;
  /** For undefined steps: the closest existing steps. */
  suggestions?: string[];
}

export interface ScenarioResult {
  kind: 'scenario';
  id: string;
  name: string;
  feature: string;
  area: string;
  /** file:line of the scenario (or of its Examples row). */
  location: string;
  tags: string[];
  claims: string[];
  outcome: Outcome;
  durationMs: number;
  failure?: Failure;
  /** Why it was not applicable or skipped. */
  reason?: string;
  reproduce: string;
}

export interface PropertyResult {
  kind: 'property';
  id: string;
  name: string;
  area: string;
  location: string;
  claims: string[];
  outcome: Outcome;
  durationMs: number;
  numRuns: number;
  /** Random cases checked: numRuns × the property's cases per run. */
  cases: number;
  seed: number;
  /** fast-check's replay path of the shrunk counterexample. */
  path?: string;
  counterexample?: string;
  failure?: Failure;
  reason?: string;
  reproduce: string;
}

export type CheckResult = ScenarioResult | PropertyResult;

export type ClaimStatus = 'passed' | 'failed' | 'not-covered' | 'not-applicable' | 'partial';

export interface ClaimResult {
  id: string;
  area: string;
  text: string;
  upstreamDiffers?: string;
  seeds: string[];
  checks: string[];
  status: ClaimStatus;
  counts: Record<Outcome, number>;
}

export interface Incident {
  kind: string;
  message: string;
  offending?: string;
}

export interface RunReport {
  tool: { name: 'kconform'; version: string; protocol: string };
  startedAt: string;
  durationMs: number;
  driver: string;
  implementation: Hello['implementation'];
  capabilities: string[];
  seed: number;
  command: string;
  scenarios: ScenarioResult[];
  properties: PropertyResult[];
  claims: ClaimResult[];
  incidents: Incident[];
  /** Problems with the suite itself (unknown claim tags, unparsable features); any fails the run. */
  suiteErrors: string[];
  summary: { passed: number; failed: number; skipped: number; notApplicable: number };
}
