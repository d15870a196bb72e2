// Benchmark of impl/labels: selector parsing throughput and the matching hot path.
// Run directly (`node --import tsx bench/labels.ts`) to print the figures as JSON.
import { pathToFileURL } from 'node:url';
import { parseSelector, type Labels } from '../impl/labels/index.ts';
import { seededRandom } from '../impl/clock/rng.ts';

const PARSE_MIX = [
  'app=nginx',
  'app=nginx,env=test',
  'env in (production, qa)',
  'tier notin (frontend,backend),!canary',
  'app.kubernetes.io/name=web,app.kubernetes.io/instance=web-7f9c',
  'environment in (production),tier in (frontend, backend),partition',
  'release!=stable,track==daily',
  'version>3,version<10',
  'example.com/team in (payments,search,ads),!example.com/deprecated,zone',
  'app in (web,api),env!=prod,tier,!canary,version>3',
];
const MATCH_SELECTOR = 'app in (web,api),env!=prod,tier,!canary,version>3';
const LABEL_SETS = 150_000;

const rng = seededRandom;

function labelSets(n: number, seed = 42): Labels[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const pools: Record<string, readonly string[]> = {
    app: ['web', 'api', 'db', 'cache', 'worker'],
    env: ['prod', 'staging', 'dev', 'qa'],
    tier: ['frontend', 'backend'],
    canary: ['true'],
    version: ['1', '2', '3', '4', '5', '10', 'v2', '7'],
    team: ['payments', 'search', 'ads'],
    'example.com/owner': ['alice', 'bob'],
    zone: ['a', 'b', 'c'],
  };
  const keys = Object.keys(pools);
  const out: Labels[] = [];
  for (let i = 0; i < n; i++) {
    const ls: Labels = {};
    for (const k of keys) if (rand() < 0.6) ls[k] = pick(pools[k]);
    out.push(ls);
  }
  return out;
}

function parseOpsPerSec(budgetMs = 300): number {
  let ops = 0;
  const start = performance.now();
  while (performance.now() - start < budgetMs) {
    for (const s of PARSE_MIX) if (!parseSelector(s).ok) throw new Error(`bench selector failed to parse: ${s}`);
    ops += PARSE_MIX.length;
  }
  return Math.round(ops / ((performance.now() - start) / 1000));
}

export async function benchLabels(): Promise<Record<string, number>> {
  const sets = labelSets(LABEL_SETS);
  const parsed = parseSelector(MATCH_SELECTOR);
  if (!parsed.ok) throw new Error(parsed.error);
  const selector = parsed.selector;
  const runs: number[] = [];
  let matched = 0;
  for (let run = 0; run < 7; run++) {
    const start = performance.now();
    let m = 0;
    for (let i = 0; i < sets.length; i++) if (selector.matches(sets[i])) m++;
    runs.push(performance.now() - start);
    matched = m;
  }
  runs.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    'labels.parse.opsPerSec': parseOpsPerSec(),
    'labels.match150k.medianMs': round(runs[Math.floor(runs.length / 2)]),
    'labels.match150k.bestMs': round(runs[0]),
    'labels.match150k.matched': matched,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchLabels(), null, 2));
}
