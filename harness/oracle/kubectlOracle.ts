import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Labels } from '../contract/capabilities/selectors.ts';
import { ApiStub } from './apiStub.ts';
import { builderSelectorError, checkErrText } from './kubectlErrorText.ts';
import { labelErrorDetail, labelsAsSelector, type LabelErrorDetail } from './labelsAsSelector.ts';
import { OracleError } from './oracleError.ts';
import { ProcessPool, type ProcessOutcome } from './processPool.ts';
import { resolveKubectl } from './resolveKubectl.ts';

export interface KubectlOracleOptions {
  /** The kubectl to run: a path or a name on PATH. Default: $KCONFORM_KUBECTL, else `kubectl`. */
  kubectl?: string;
  /** How many kubectl processes may run at once. Default 2. */
  parallel?: number;
  /** A kubectl run taking longer fails with OracleError KubectlFailed. Default 20 s. */
  timeoutMs?: number;
}

export type ParseVerdict = { valid: true; canonical: string } | { valid: false; error: string };
export type SelectionVerdict = { valid: true; matches: boolean[] } | { valid: false; error: string };
export type LabelsVerdict =
  | { valid: true }
  | ({ valid: false; error: string } & Partial<LabelErrorDetail>)
  | { valid: 'unknown'; reason: string };

const NOTHING_SELECTED = 'no objects passed to create';

/**
 * Upstream Kubernetes' label-selector code, run through the installed kubectl.
 *
 * - `match`: `kubectl create -f - --dry-run=client -o name --selector=<sel>` over a List of
 *   ConfigMaps s0..sN (one per label set). The resource builder parses the selector with
 *   labels.Parse and filters the objects client-side with Selector.Matches; the names printed
 *   are the matches. Discovery comes from kubectl's disk cache, filled from the stub once.
 * - `parse`: `kubectl top pod --selector=<sel> --namespace=<unique>`: labels.Parse, then the
 *   metrics list request carries Selector.String(), which the in-process ApiStub records.
 *
 * Every call runs exactly one kubectl process; at most `parallel` run at once. Errors are
 * upstream's text with kubectl's wrappers removed (see kubectlErrorText.ts). Inputs that cannot
 * reach kubectl unchanged reject with OracleError `Unrepresentable`; unexpected kubectl output
 * rejects with OracleError `KubectlFailed`. Verdicts never come from code of our own.
 */
export class KubectlOracle {
  private seq = 0;

  private constructor(
    private readonly pool: ProcessPool,
    private readonly stub: ApiStub,
    private readonly dir: string,
    private readonly clientVersion: string,
    readonly program: string,
  ) {}

  /** Starts the stub and checks kubectl end to end; resolves with a reason when it cannot work. */
  static async start(opts: KubectlOracleOptions = {}): Promise<KubectlOracle | { unavailable: string }> {
    const resolved = await resolveKubectl(opts.kubectl ?? process.env.KCONFORM_KUBECTL ?? 'kubectl');
    if ('unavailable' in resolved) return resolved;
    const stub = await ApiStub.start();
    const dir = await mkdtemp(join(tmpdir(), 'kconform-kubectl-'));
    const kubeconfig = join(dir, 'kubeconfig.json');
    await writeFile(kubeconfig, JSON.stringify(kubeconfigFor(stub.url)));
    // GOGC=off and GOMAXPROCS=1 cut a short-lived kubectl's CPU time by about a third (measured).
    const env = { ...process.env, KUBECONFIG: kubeconfig, KUBECACHEDIR: join(dir, 'cache'), GOGC: 'off', GOMAXPROCS: '1' };
    const pool = new ProcessPool(resolved.program, opts.parallel ?? 2, env, opts.timeoutMs ?? 20_000);
    const oracle = new KubectlOracle(pool, stub, dir, resolved.version, resolved.program);
    const problem = await oracle.selfCheck().catch((e: Error) => e.message);
    if (problem === undefined) return oracle;
    await oracle.close();
    return { unavailable: `${resolved.program} (${resolved.version}) does not work as an oracle: ${problem}` };
  }

  /** kubectl's client gitVersion, e.g. `v1.32.5`. */
  version(): string {
    return this.clientVersion;
  }

  /** labels.Parse(selector): its error text, or the canonical String() of the parsed selector. */
  async parse(selector: string): Promise<ParseVerdict> {
    representable('selector', selector);
    const ns = `q${++this.seq}`;
    const out = await this.kubectl(['top', 'pod', `--selector=${selector}`, `--namespace=${ns}`]);
    const canonical = this.stub.takeSelector(ns);
    if (out.code === 0 && canonical !== undefined) return { valid: true, canonical };
    const error = out.code === 1 && canonical === undefined ? checkErrText(out.stderr) : undefined;
    if (error === undefined) throw failed(`kubectl top pod --selector=${JSON.stringify(selector)}`, out);
    return { valid: false, error };
  }

  /** Whether the selector matches each label set, in order; or labels.Parse's error. */
  async match(selector: string, labelSets: Labels[]): Promise<SelectionVerdict> {
    representable('selector', selector);
    for (const labels of labelSets) for (const [k, v] of Object.entries(labels)) representable('label', k + v);
    if (TRIMMED_BY_GO_ONLY.test(selector)) return this.parseFailure(selector);
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: labelSets.map((labels, i) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `s${i}`, labels } })),
    };
    const args = ['create', '-f', '-', '--dry-run=client', '-o', 'name', '--validate=false', `--selector=${selector}`];
    const out = await this.kubectl(args, JSON.stringify(list));
    const what = `kubectl create --dry-run=client --selector=${JSON.stringify(selector)}`;
    if (out.code === 0) return { valid: true, matches: selectedIndexes(out.stdout, labelSets.length, () => failed(what, out)) };
    const text = out.code === 1 ? checkErrText(out.stderr) : undefined;
    if (text === NOTHING_SELECTED && out.stdout === '') return { valid: true, matches: labelSets.map(() => false) };
    const error = text === undefined ? undefined : builderSelectorError(text);
    if (error === undefined) throw failed(what, out);
    return { valid: false, error };
  }

  /**
   * Upstream's verdict on label keys and values, asked through labels.Parse of `k1=v1,k2=v2…`
   * (see labelsAsSelector.ts). Reports the first invalid key or value only. `unknown` when a
   * key or value cannot be written in a selector (empty key, whitespace or `=!(),<>`).
   */
  async validateLabels(labels: Labels): Promise<LabelsVerdict> {
    const asSelector = labelsAsSelector(labels);
    if ('reason' in asSelector) return { valid: 'unknown', reason: asSelector.reason };
    const verdict = await this.parse(asSelector.selector);
    if (verdict.valid) return { valid: true };
    return { valid: false, error: verdict.error, ...labelErrorDetail(verdict.error) };
  }

  /** Stops the stub and removes the temporary kubeconfig and cache. Idempotent. */
  async close(): Promise<void> {
    await this.stub.close();
    await rm(this.dir, { recursive: true, force: true });
  }

  /**
   * The builder strips the selector with Go's strings.TrimSpace before labels.Parse, which skips
   * only ' ', \t, \r, \n. When TrimSpace would strip more (\v, \f, U+0085, U+00A0, other Unicode
   * spaces), labels.Parse of the untrimmed text fails; `kubectl top` gives that error unchanged.
   */
  private async parseFailure(selector: string): Promise<SelectionVerdict> {
    const parsed = await this.parse(selector);
    if (!parsed.valid) return parsed;
    throw new OracleError('KubectlFailed', `labels.Parse accepted ${JSON.stringify(selector)}, which kubectl create would trim; no faithful match verdict`);
  }

  private kubectl(args: string[], stdin?: string): Promise<ProcessOutcome> {
    return this.pool.run([...args, `--kubeconfig=${join(this.dir, 'kubeconfig.json')}`, `--cache-dir=${join(this.dir, 'cache')}`], stdin);
  }

  /** One known parse and one known match; also fills kubectl's discovery cache. */
  private async selfCheck(): Promise<string | undefined> {
    const parsed = await this.parse('x in (b,a),!y');
    if (!parsed.valid || parsed.canonical !== 'x in (a,b),!y') return `parse gave ${JSON.stringify(parsed)}`;
    const matched = await this.match('x!=a', [{ x: 'a' }, {}]);
    if (!matched.valid || matched.matches.join() !== 'false,true') return `match gave ${JSON.stringify(matched)}`;
    return undefined;
  }
}

function kubeconfigFor(server: string): object {
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'stub', cluster: { server } }],
    users: [{ name: 'nobody', user: {} }],
    contexts: [{ name: 'stub', context: { cluster: 'stub', user: 'nobody', namespace: 'default' } }],
    'current-context': 'stub',
  };
}

/** A character Go's unicode.IsSpace counts as space but the selector lexer does not, at either end. */
const TRIMMED_BY_GO_ONLY =
  /^[ \t\r\n]*[\v\f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]|[\v\f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000][ \t\r\n]*$/;

/** With the `u` flag a surrogate pair is one code point, so only unpaired halves match. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function representable(what: string, text: string): void {
  if (text.includes('\0') || LONE_SURROGATE.test(text)) {
    throw new OracleError('Unrepresentable', `the ${what} ${JSON.stringify(text)} holds a NUL or a lone surrogate, which cannot reach kubectl unchanged`);
  }
}

/** The `configmap/s<i>` lines of `-o name` output as a boolean per label set. */
function selectedIndexes(stdout: string, count: number, bad: () => OracleError): boolean[] {
  const matches = new Array<boolean>(count).fill(false);
  for (const line of stdout.split('\n').filter(Boolean)) {
    const m = /^configmap\/s(\d+)$/.exec(line);
    const i = m ? Number(m[1]) : -1;
    if (!(i >= 0 && i < count) || matches[i]) throw bad();
    matches[i] = true;
  }
  return matches;
}

function failed(what: string, out: ProcessOutcome): OracleError {
  const detail = `exit ${out.code}${out.failure ? ` (${out.failure})` : ''}\nstdout: ${out.stdout}\nstderr: ${out.stderr}`;
  return new OracleError('KubectlFailed', `${what}: unexpected outcome`, detail);
}
