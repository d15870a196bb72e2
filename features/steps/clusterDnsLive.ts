// Steps about the running cluster DNS (SVC-6, ADD-1; endpoints.resolveLive): after objects were made
// through the API, what the implementation's DNS answers for a Service's fully qualified name
// `<service>.<namespace>.svc.cluster.local`, waiting up to a few seconds for its watches.
import type { KubeObject } from '../../harness/contract/methods.ts';
import { step } from '../support/step.ts';
import { declared, declaredService, splitList } from '../support/serviceScenario.ts';
import { apiNamespace, getThroughApi, poll } from '../support/servicesThroughApi.ts';
import type { KWorld } from '../support/world.ts';

/** The name cluster DNS serves for the declared service, in the namespace it was created in. */
function serviceName(w: KWorld, name: string): string {
  return `${name}.${apiNamespace(w, declaredService(w, name).metadata.namespace)}.svc.cluster.local`;
}

/** The sorted A records of `fqdn` as the running DNS answers now; `not found` when it has none. */
async function addresses(w: KWorld, fqdn: string): Promise<string[]> {
  const { answers } = await w.driver.call('endpoints.resolveLive', { queries: [{ name: fqdn }] });
  const a = answers[0];
  return a?.found ? a.records.map((r) => (r.type === 'A' ? r.ip : `${r.type} ${r.type === 'CNAME' ? r.target : r.port}`)).sort() : ['not found'];
}

async function expectAddresses(w: KWorld, seconds: number, fqdn: string, want: string[]): Promise<void> {
  const sorted = [...want].sort();
  const { value, ok } = await poll(seconds, () => addresses(w, fqdn), (got) => JSON.stringify(got) === JSON.stringify(sorted));
  if (!ok) await w.mismatch(`the running cluster DNS's answer for ${fqdn} after ${seconds} s`, sorted, value);
}

const clusterIP = (s: KubeObject | null) => (s?.spec as { clusterIP?: string } | undefined)?.clusterIP;

step('within {int} seconds the running cluster DNS resolves the service {text} to its cluster IP', ['endpoints'], async function (seconds: number, name: string) {
  const ip = clusterIP(await getThroughApi(this, 'Service', declaredService(this, name).metadata.namespace, name));
  if (!ip || ip === 'None') throw new Error(`the API holds no cluster IP for the service ${name}`);
  await expectAddresses(this, seconds, serviceName(this, name), [ip]);
});

// `pods`: pod names (their declared IPs), or "nothing" for a name the DNS does not know.
step('within {int} seconds the running cluster DNS resolves the service {text} to {text}', ['endpoints'], async function (seconds: number, name: string, pods: string) {
  const ipOf = (pod: string) => {
    const ip = (declared(this, 'Pod').find((p) => p.metadata.name === pod)?.status as { podIP?: string } | undefined)?.podIP;
    if (!ip) throw new Error(`no pod ${JSON.stringify(pod)} with an IP was declared`);
    return ip;
  };
  await expectAddresses(this, seconds, serviceName(this, name), pods === 'nothing' ? ['not found'] : splitList(pods).map(ipOf));
});

step('within {int} seconds the running cluster DNS resolves {text} to the cluster IP of the Service {text} in namespace {text}', ['endpoints'], async function (seconds: number, fqdn: string, name: string, ns: string) {
  const { value: service } = await poll(seconds, () => getThroughApi(this, 'Service', ns, name, true), (s) => !!clusterIP(s));
  if (!clusterIP(service)) throw new Error(`the API holds no Service ${ns}/${name} with a cluster IP`);
  await expectAddresses(this, seconds, fqdn, [clusterIP(service)!]);
});
