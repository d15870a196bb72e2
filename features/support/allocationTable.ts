// The allocation tables of the cluster IP and NodePort scenarios: a Service from a row, and
// whether an answer meets a row's expectations.
import type { KubeObject, ServiceAllocationAnswer } from '../../harness/contract/methods.ts';
import { splitList } from './serviceScenario.ts';

/** A Service from an allocation row: | action | service | type | cluster IP | ports | node ports |. */
export function allocationService(row: Record<string, string>): KubeObject {
  const ports = splitList(row.ports || '80').map(Number);
  const nodePorts = splitList(row['node ports'] ?? '').map(Number);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: row.service, namespace: 'default' },
    spec: {
      type: row.type || 'ClusterIP',
      selector: { app: row.service },
      ...(row['cluster IP'] ? { clusterIP: row['cluster IP'] } : {}),
      ports: ports.map((port, i) => ({ ...(ports.length > 1 ? { name: `p${port}` } : {}), port, ...(nodePorts[i] ? { nodePort: nodePorts[i] } : {}) })),
    },
  };
}

/** The cluster IP given, as a list; a headless Service's `None` counts as none. */
export const clusterIPOf = (a: { clusterIP?: string }) => (a.clusterIP && a.clusterIP !== 'None' ? [a.clusterIP] : []);

export const renderError = (e: { field: string; message: string }) => (e.field ? `${e.field}: ${e.message}` : e.message);

function inCidr(ip: string, cidr: string): boolean {
  const n = (a: string) => a.split('.').reduce((acc, p) => acc * 256 + Number(p), 0);
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  return /^\d+\.\d+\.\d+\.\d+$/.test(ip) && Math.floor(n(ip) / size) === Math.floor(n(base) / size);
}

/** One expectation cell: exact text, `from <range>` (every value in it), `(none)`; empty = not checked. */
function cellMatches(want: string, got: string[], inRange: (v: string, range: string) => boolean): boolean {
  if (want === '') return true;
  if (want === '(none)') return got.length === 0;
  if (want.startsWith('from ')) return got.length > 0 && got.every((v) => inRange(v, want.slice(5)));
  return got.join(', ') === splitList(want).join(', ');
}

const inPortRange = (v: string, range: string) => {
  const [first, last] = range.split('-').map(Number);
  return Number(v) >= first && Number(v) <= last;
};

/** Whether an answer meets a row: `error` non-empty → refused with exactly that text; otherwise given what `cluster IP` and `node ports` say. */
export function answerMatches(row: Record<string, string>, answer: ServiceAllocationAnswer): boolean {
  if (row.error) return !answer.ok && renderError(answer.error) === row.error;
  return (
    answer.ok &&
    cellMatches(row['cluster IP'] ?? '', clusterIPOf(answer), inCidr) &&
    cellMatches(row['node ports'] ?? '', answer.nodePorts.map(String), inPortRange)
  );
}
