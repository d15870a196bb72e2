import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AjvModule from 'ajv';
import { parse } from 'yaml';
import { describeAjvErrors } from '../validation/fieldPath.ts';
import type { CheckResult, ClaimResult, ClaimStatus, Outcome } from '../runner/results.ts';

const Ajv = AjvModule.default ?? AjvModule;

export interface Claim {
  id: string;
  area: string;
  text: string;
  seeds: string[];
  upstreamDiffers?: string;
  notes?: string;
}

export const CLAIMS_PATH = fileURLToPath(new URL('../../spec/claims.yaml', import.meta.url));
const SCHEMA_PATH = fileURLToPath(new URL('../../spec/schemas/claims.schema.json', import.meta.url));

/** Load and validate spec/claims.yaml. Throws with `spec/claims.yaml: <path>: <rule>` lines when invalid. */
export function loadClaims(path = CLAIMS_PATH): Claim[] {
  const doc = parse(readFileSync(path, 'utf8'));
  const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
  if (!validate(doc)) throw new Error(describeAjvErrors(validate.errors).map((e) => `${path}: ${e}`).join('\n'));
  const claims = (doc as { claims: Claim[] }).claims;
  const seen = new Set<string>();
  for (const c of claims) {
    if (seen.has(c.id)) throw new Error(`${path}: claim ${c.id} is listed twice`);
    seen.add(c.id);
  }
  return claims;
}

/** The claim IDs that checks name but the catalogue lacks, as `<check location>: unknown claim <ID>`. */
export function unknownClaims(claims: Claim[], checks: { location: string; claims: string[] }[]): string[] {
  const known = new Set(claims.map((c) => c.id));
  return checks.flatMap((ch) => ch.claims.filter((id) => !known.has(id)).map((id) => `${ch.location}: unknown claim ${id} (not in spec/claims.yaml)`));
}

/**
 * Per claim: which checks cover it and how they ended.
 * failed if any check failed; passed if all applicable ones passed; not-applicable if every
 * check was; not-covered if no check names it; partial if some were skipped.
 */
export function claimResults(claims: Claim[], checks: CheckResult[]): ClaimResult[] {
  return claims.map((c) => {
    const mine = checks.filter((ch) => ch.claims.includes(c.id));
    const counts: Record<Outcome, number> = { passed: 0, failed: 0, 'not-applicable': 0, skipped: 0 };
    for (const ch of mine) counts[ch.outcome]++;
    let status: ClaimStatus;
    if (mine.length === 0) status = 'not-covered';
    else if (counts.failed > 0) status = 'failed';
    else if (counts.passed === 0 && counts.skipped === 0) status = 'not-applicable';
    else if (counts.skipped > 0) status = 'partial';
    else status = 'passed';
    return { ...c, checks: mine.map((ch) => ch.id), status, counts };
  });
}
