import type { Driver } from '../contract/driver.ts';
import { DriverError } from '../contract/driver.ts';
import { capabilityOf } from '../contract/methods.ts';
import type { Capability, Hello, Method, Params, Result } from '../contract/methods.ts';
import { PROTOCOL_VERSION } from '../contract/methods.ts';
import { KubectlOracle, type KubectlOracleOptions } from '../oracle/kubectlOracle.ts';
import { OracleError } from '../oracle/oracleError.ts';
import { requirementsFromCanonical } from '../oracle/requirementsFromCanonical.ts';

type SelectorMethod = 'selectors.parse' | 'selectors.match' | 'selectors.select';
type Handlers = { [M in SelectorMethod]: (oracle: KubectlOracle, params: Params<M>) => Promise<Result<M>> };

/**
 * Upstream Kubernetes' selector code, through the installed kubectl (see KubectlOracle).
 * - `selectors.parse`: one `kubectl top` run; canonical is upstream's String(), requirements are
 *   read back from it.
 * - `selectors.match`: `kubectl top` (verdict, canonical) and `kubectl create` (matches) at once.
 * - `selectors.select`: one `kubectl create` run over the objects' labels.
 * Other selectors methods throw NotApplicable (kubectl has no way to run them); methods of other capabilities MethodNotFound. Inputs kubectl cannot receive unchanged throw
 * NotApplicable; kubectl misbehaving throws Internal.
 */
const handlers: Handlers = {
  async 'selectors.parse'(oracle, { selector }) {
    const verdict = await oracle.parse(selector);
    if (!verdict.valid) return verdict;
    return { valid: true, canonical: verdict.canonical, requirements: readRequirements(verdict.canonical) };
  },
  async 'selectors.match'(oracle, { selector, labelSets }) {
    const [parsed, matched] = await Promise.all([oracle.parse(selector), oracle.match(selector, labelSets)]);
    if (!parsed.valid) return parsed;
    if (!matched.valid) throw internal(`kubectl top accepted ${JSON.stringify(selector)} but kubectl create rejected it: ${matched.error}`);
    return { valid: true, canonical: parsed.canonical, matches: matched.matches };
  },
  async 'selectors.select'(oracle, { selector, objects }) {
    const verdict = await oracle.match(selector, objects.map((o) => o.metadata.labels ?? {}));
    if (!verdict.valid) return verdict;
    return { valid: true, selected: objects.filter((_, i) => verdict.matches[i]).map((o) => o.metadata.name) };
  },
};

/** Starts kubectl's oracle; rejects with the reason when kubectl is missing or does not work. */
export async function createKubectlDriver(opts: KubectlOracleOptions = {}): Promise<Driver> {
  const oracle = await KubectlOracle.start(opts);
  if ('unavailable' in oracle) throw new Error(`driver kubectl: ${oracle.unavailable}`);
  const hello: Hello = {
    protocol: PROTOCOL_VERSION,
    implementation: {
      name: 'upstream kubectl',
      version: oracle.version(),
      description: `upstream kubectl ${oracle.version()} (${oracle.program}): labels.Parse and Selector.Matches run client-side`,
    },
    capabilities: ['selectors'],
  };
  return {
    name: 'kubectl',
    hello,
    has: (c: Capability) => hello.capabilities.includes(c),
    async call<M extends Method>(method: M, params: Params<M>): Promise<Result<M>> {
      if (method === 'hello') return hello as Result<M>;
      if (method === 'shutdown') return {} as Result<M>;
      const handler = (handlers as Record<string, ((o: KubectlOracle, p: unknown) => Promise<unknown>) | undefined>)[method];
      if (!handler) {
        // a method of a capability kubectl has (selectors) but cannot answer is not applicable, not wrong
        const code = capabilityOf(method) === 'selectors' ? 'NotApplicable' : 'MethodNotFound';
        throw new DriverError({ code, message: `method ${method} is not implemented by upstream kubectl` });
      }
      try {
        return (await handler(oracle, params)) as Result<M>;
      } catch (e) {
        throw asDriverError(e);
      }
    },
    close: () => oracle.close(),
  };
}

function readRequirements(canonical: string) {
  const requirements = requirementsFromCanonical(canonical);
  if (!requirements) throw internal(`cannot read requirements back from kubectl's canonical form ${JSON.stringify(canonical)}`);
  return requirements;
}

function internal(message: string): DriverError {
  return new DriverError({ code: 'Internal', message });
}

function asDriverError(e: unknown): unknown {
  if (!(e instanceof OracleError)) return e;
  return new DriverError({ code: e.code === 'Unrepresentable' ? 'NotApplicable' : 'Internal', message: e.message });
}
