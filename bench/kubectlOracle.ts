// Latency and throughput of the kubectl oracle. Run:
//   node --import tsx harness/oracle/kubectlOracle.bench.ts [calls=40]
// Writes reports/bench/kubectl-oracle.json and prints it. About 10 s at the default size.
import { mkdir, writeFile } from 'node:fs/promises';
import { KubectlOracle } from '../harness/oracle/kubectlOracle.ts';

const calls = Number(process.argv[2] ?? 40);
const labelSetsOf = (n: number) => Array.from({ length: n }, (_, i) => ({ app: `a${i % 3}`, tier: i % 2 ? 'web' : 'db', [`k${i}`]: '' }));
const selectors = ['app in (a0,a1),tier!=web', 'app', '!k3,tier=db', 'app notin (a2)', 'x>1', 'tier=web,k1', 'bad key', 'app=a0'];

interface Figure {
  kind: 'match' | 'parse' | 'match+parse';
  parallel: number;
  labelSetsPerMatch: number;
  calls: number;
  msPerCall: number;
  callsPerSecond: number;
  msPer2000Calls: number;
}

async function measure(kind: Figure['kind'], parallel: number, sets = 8): Promise<Figure> {
  const labelSets = labelSetsOf(sets);
  const oracle = await KubectlOracle.start({ parallel });
  if ('unavailable' in oracle) throw new Error(oracle.unavailable);
  const one = (i: number) => {
    const sel = selectors[i % selectors.length];
    if (kind === 'match') return oracle.match(sel, labelSets);
    if (kind === 'parse') return oracle.parse(sel);
    return Promise.all([oracle.parse(sel), oracle.match(sel, labelSets)]);
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: calls }, (_, i) => one(i)));
  const ms = performance.now() - t0;
  await oracle.close();
  const msPerCall = ms / calls;
  return { kind, parallel, labelSetsPerMatch: sets, calls, msPerCall: round(msPerCall), callsPerSecond: round(1000 / msPerCall), msPer2000Calls: Math.round(msPerCall * 2000) };
}

const round = (n: number) => Math.round(n * 10) / 10;

const figures: Figure[] = [];
for (const kind of ['match', 'parse', 'match+parse'] as const) for (const parallel of [1, 2]) figures.push(await measure(kind, parallel));
figures.push(await measure('match', 2, 200));
const report = { tool: 'kubectl oracle', date: new Date().toISOString(), figures };
await mkdir('reports/bench', { recursive: true });
await writeFile('reports/bench/kubectl-oracle.json', JSON.stringify(report, null, 2) + '\n');
console.log(JSON.stringify(report, null, 2));
