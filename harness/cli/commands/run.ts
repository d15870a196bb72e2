import { resolve } from 'node:path';
import type { Command } from '../main.ts';
import { ROOT } from '../main.ts';
import { runConformance } from '../../runner/run.ts';
import { CAPABILITIES, type Capability } from '../../contract/methods.ts';

function int(name: string, v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`--${name}: must be an integer, got "${v}"`);
  return n;
}

function capabilityList(v: string | undefined): Capability[] {
  const list = (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((c) => !(CAPABILITIES as readonly string[]).includes(c));
  if (bad.length) throw new Error(`--without: unknown capability ${bad.join(', ')}; capabilities are ${CAPABILITIES.join(', ')}`);
  return list as Capability[];
}

export const runCommand: Command = {
  summary: 'run the conformance suite against an implementation and write reports/',
  usage: `kconform run [--driver reference|stdio:<command>|kubectl] [--tags <expr>] [--seed N] [--report-dir DIR]
                    [--property ID [--path P]] [--features-only | --properties-only] [--runs-scale X] [--timeout MS] [--without CAP,...]
                    [feature files or file:line ...]

  --driver        which implementation to check (default: reference, in process)
  --tags          a cucumber tag expression, e.g. '@labels and not @oracle' (properties carry @property, @<area>, @<claim>)
  --seed          the seed for every property (default: random, printed)
  --property      run one property; with --seed and --path, replay a failure exactly
  --runs-scale    multiply every property's number of runs (e.g. 0.1 for a quick look)
  --without       hide capabilities from the checks, e.g. --without scheduling runs the scheduling
                  scenarios end to end through objects and the running scheduler
  --report-dir    where reports go (default: reports)`,
  options: {
    driver: { type: 'string', default: 'reference' },
    tags: { type: 'string' },
    seed: { type: 'string' },
    'report-dir': { type: 'string', default: 'reports' },
    property: { type: 'string' },
    path: { type: 'string' },
    'features-only': { type: 'boolean' },
    'properties-only': { type: 'boolean' },
    'runs-scale': { type: 'string' },
    timeout: { type: 'string' },
    without: { type: 'string' },
  },
  async run({ values, positionals }) {
    const scale = values['runs-scale'] === undefined ? undefined : Number(values['runs-scale']);
    if (scale !== undefined && !(scale > 0)) throw new Error(`--runs-scale: must be a positive number, got "${values['runs-scale']}"`);
    const report = await runConformance({
      root: ROOT,
      driver: String(values.driver),
      reportDir: resolve(String(values['report-dir'])),
      tags: values.tags as string | undefined,
      seed: int('seed', values.seed),
      paths: positionals,
      property: values.property as string | undefined,
      path: values.path as string | undefined,
      features: values['properties-only'] ? false : undefined,
      properties: values['features-only'] ? false : undefined,
      numRunsScale: scale,
      timeoutMs: int('timeout', values.timeout),
      without: capabilityList(values.without as string | undefined),
    });
    return report.summary.failed > 0 ? 1 : 0;
  },
};
