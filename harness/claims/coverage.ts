import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import { loadProperties } from '../runner/properties.ts';
import { astLines } from '../runner/astLines.ts';
import { loadClaims, unknownClaims, type Claim } from './catalogue.ts';

/** A tag that looks like a claim ID (`@LBL-3`). */
export const CLAIM_LIKE = /^@[A-Z]+-[0-9A-Za-z]+$/;

export interface StaticCheck {
  kind: 'scenario' | 'property';
  name: string;
  location: string;
  claims: string[];
}

/**
 * Every scenario (per Examples row) in features/, and in any other feature files given (`file` or
 * `file:line`, as a run takes them), with the claim tags it carries (inherited ones included).
 */
export function featureChecks(root: string, paths: string[] = []): { checks: StaticCheck[]; errors: string[] } {
  const dir = join(root, 'features');
  const checks: StaticCheck[] = [];
  const errors: string[] = [];
  const inFeatures = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.feature')).sort().map((f) => `features/${f}`);
  const given = paths.map((p) => relative(root, resolve(root, p.replace(/(:\d+)+$/, ''))));
  const files = [...new Set([...inFeatures, ...given.filter((f) => f.endsWith('.feature'))])];
  for (const uri of files) {
    const newId = IdGenerator.uuid();
    const parser = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher());
    let doc;
    try {
      doc = parser.parse(readFileSync(resolve(root, uri), 'utf8'));
    } catch (e) {
      errors.push(`${uri}: ${(e as Error).message}`);
      continue;
    }
    const lines = astLines(doc.feature);
    for (const p of compile(doc, uri, newId)) {
      checks.push({
        kind: 'scenario',
        name: p.name,
        location: `${uri}:${lines.get(p.astNodeIds[p.astNodeIds.length - 1]) ?? 0}`,
        claims: p.tags.map((t) => t.name).filter((t) => CLAIM_LIKE.test(t)).map((t) => t.slice(1)),
      });
    }
  }
  return { checks, errors };
}

export interface CoverageRow extends Claim {
  checks: string[];
}

/** The catalogue with the checks naming each claim, and the errors (unknown IDs, unparsable features). */
export async function claimCoverage(root: string): Promise<{ rows: CoverageRow[]; errors: string[] }> {
  const claims = loadClaims();
  const features = featureChecks(root);
  const props: StaticCheck[] = (await loadProperties(root)).map((p) => ({ kind: 'property', name: p.name, location: p.location, claims: p.claims }));
  const all = [...features.checks, ...props];
  const rows = claims.map((c) => ({ ...c, checks: all.filter((ch) => ch.claims.includes(c.id)).map((ch) => `${ch.kind} ${ch.location}  ${ch.name}`) }));
  return { rows, errors: [...features.errors, ...unknownClaims(claims, all)] };
}
