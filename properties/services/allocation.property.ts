import fc from 'fast-check';
import { defineProperty } from '../support/defineProperty.ts';
import { Mismatch } from '../support/expect.ts';
import type { KubeObject, ServiceAllocationOp } from '../../harness/contract/methods.ts';

// A tiny service CIDR (6 usable IPs) and NodePort range (10 ports), so that random sequences run
// into full ranges, taken values and values just outside the range.
const CIDR = '10.0.0.0/29';
const USABLE_IPS = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6'];
const RANGE = { first: 30000, last: 30009 };
const NAMES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

interface Step {
  name: string;
  create: boolean;
  nodePort: boolean;
  ip?: string;
  /** Requested node ports (all ports requested, or none). */
  nodePorts?: number[];
  portCount: number;
}

const stepArb: fc.Arbitrary<Step> = fc
  .record({
    name: fc.constantFrom(...NAMES),
    create: fc.integer({ min: 0, max: 3 }).map((n) => n !== 0),
    nodePort: fc.boolean(),
    ip: fc.option(fc.integer({ min: 0, max: 9 }).map((n) => `10.0.0.${n}`), { nil: undefined, freq: 2 }),
    portCount: fc.integer({ min: 1, max: 2 }),
    requestPorts: fc.boolean(),
    ports: fc.uniqueArray(fc.integer({ min: 29998, max: 30011 }), { minLength: 2, maxLength: 2 }),
  })
  .map(({ requestPorts, ports, ...s }) => ({ ...s, ...(s.nodePort && requestPorts ? { nodePorts: ports.slice(0, s.portCount) } : {}) }));

function manifest(s: Step): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: s.name, namespace: 'default' },
    spec: {
      type: s.nodePort ? 'NodePort' : 'ClusterIP',
      selector: { app: s.name },
      ...(s.ip ? { clusterIP: s.ip } : {}),
      ports: Array.from({ length: s.portCount }, (_, i) => ({ name: `p${i}`, port: 80 + i, ...(s.nodePorts ? { nodePort: s.nodePorts[i] } : {}) })),
    },
  };
}

/** What upstream answers: the error text, or what the create must be given (`auto` = any free value). */
function predict(s: Step, ips: Set<string>, ports: Set<number>): { error: string } | { ip: string | 'auto'; nodePorts: (number | 'auto')[] } {
  let ip: string | 'auto' = 'auto';
  if (s.ip) {
    const head = `spec.clusterIPs: Invalid value: []string{"${s.ip}"}: failed to allocate IP ${s.ip}: `;
    if (!USABLE_IPS.includes(s.ip)) return { error: `${head}the provided IP (${s.ip}) is not in the valid range. The range of valid IPs is ${CIDR}` };
    if (ips.has(s.ip)) return { error: `${head}provided IP is already allocated` };
    ip = s.ip;
  } else if (ips.size === USABLE_IPS.length) return { error: 'Internal error occurred: failed to allocate a serviceIP: range is full' };
  if (!s.nodePort) return { ip, nodePorts: [] };
  if (!s.nodePorts) {
    if (RANGE.last - RANGE.first + 1 - ports.size < s.portCount) return { error: 'Internal error occurred: failed to allocate a nodePort: range is full' };
    return { ip, nodePorts: Array(s.portCount).fill('auto') };
  }
  for (const [i, p] of s.nodePorts.entries()) {
    const head = `spec.ports[${i}].nodePort: Invalid value: ${p}: `;
    if (p < RANGE.first || p > RANGE.last) return { error: `${head}provided port is not in the valid range. The range of valid ports is ${RANGE.first}-${RANGE.last}` };
    if (ports.has(p)) return { error: `${head}provided port is already allocated` };
  }
  return { ip, nodePorts: s.nodePorts };
}

export default defineProperty({
  id: 'services/allocation-never-hands-out-twice',
  name: 'over any sequence of creates and deletes, cluster IPs and NodePorts are never held by two services, requested ones are honoured exactly when free and in range, refusals carry upstream\'s text and take nothing, and deletes give everything back',
  claims: ['SVC-2', 'SVC-7'],
  needs: ['endpoints'],
  numRuns: 150,
  build: ({ driver }) =>
    fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 25 }), async (raw) => {
      // A create of a live name becomes its delete, a delete of an unknown name its create.
      const live = new Set<string>();
      const steps = raw.map((s) => {
        const create = !live.has(s.name);
        if (create) live.add(s.name);
        else live.delete(s.name);
        return { ...s, create };
      });
      const operations: ServiceAllocationOp[] = steps.map((s) => (s.create ? { create: manifest(s) } : { delete: { namespace: 'default', name: s.name } }));
      const { results } = await driver.call('endpoints.allocate', { serviceCIDR: CIDR, nodePortRange: `${RANGE.first}-${RANGE.last}`, operations });
      const held = new Map<string, { ip: string; ports: number[] }>();
      const ips = new Set<string>();
      const ports = new Set<number>();
      const path: string[] = [];
      steps.forEach((s, i) => {
        const r = results[i];
        path.push(s.create ? `create ${s.name}${s.ip ? ` ip=${s.ip}` : ''}${s.nodePort ? ` NodePort${s.nodePorts ? ` ${s.nodePorts}` : ` x${s.portCount}`}` : ''}` : `delete ${s.name}`);
        const fail = (want: unknown, got: unknown) => new Mismatch(`after ${path.join('; ')}`, want, got);
        if (!s.create) {
          const h = held.get(s.name);
          if (h) ips.delete(h.ip), h.ports.forEach((p) => ports.delete(p));
          held.delete(s.name);
          return;
        }
        if ('deleted' in r) throw fail('an answer to the create', r);
        const want = predict(s, ips, ports);
        if ('error' in want) {
          const got = r.ok ? `given ${r.clusterIP} ${r.nodePorts}` : r.error.field ? `${r.error.field}: ${r.error.message}` : r.error.message;
          if (got !== want.error) throw fail(want.error, got);
          return;
        }
        if (!r.ok) throw fail(want, r.error);
        const ip = r.clusterIP ?? '';
        const ipOk = want.ip === 'auto' ? USABLE_IPS.includes(ip) && !ips.has(ip) : ip === want.ip;
        const portsOk =
          r.nodePorts.length === want.nodePorts.length &&
          new Set(r.nodePorts).size === r.nodePorts.length &&
          r.nodePorts.every((p, j) => (want.nodePorts[j] === 'auto' ? p >= RANGE.first && p <= RANGE.last && !ports.has(p) : p === want.nodePorts[j]));
        if (!ipOk || !portsOk) throw fail({ ...want, notHeldBefore: { ips: [...ips], nodePorts: [...ports] } }, { clusterIP: ip, nodePorts: r.nodePorts });
        held.set(s.name, { ip, ports: r.nodePorts });
        ips.add(ip);
        r.nodePorts.forEach((p) => ports.add(p));
      });
    }),
});
