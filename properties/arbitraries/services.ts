// Random Services and Pods that often meet (small pools of namespaces, labels and port names),
// and the suite's own model of the endpoints controller, written from the documented rules and
// independent of impl/: selected = same namespace and every selector label matches; left out =
// no IP, terminal phase (Succeeded, Failed), or being deleted (unless publishNotReadyAddresses);
// ready = Ready condition True, or publishNotReadyAddresses; each service port resolves to its
// numeric targetPort, or to the pod's container port of that name and protocol; a pod on which no
// service port resolves is left out.
import fc from 'fast-check';
import type { KubeObject } from '../../harness/contract/methods.ts';
import { renderPort, type EndpointRow, compareRows } from '../../features/support/endpointRows.ts';

export const NAMESPACES = ['default', 'shop'];
const LABEL_POOL = { app: ['web', 'api'], tier: ['front', 'back'] } as const;
const CONTAINER_PORTS = [
  { name: 'http', containerPort: 8080, protocol: 'TCP' },
  { name: 'http', containerPort: 8081, protocol: 'TCP' },
  { name: 'metrics', containerPort: 9100, protocol: 'TCP' },
  { name: 'dns', containerPort: 53, protocol: 'UDP' },
  { containerPort: 7000, protocol: 'TCP' },
];

const labels = fc.record({ app: fc.constantFrom(...LABEL_POOL.app), tier: fc.constantFrom(...LABEL_POOL.tier) }, { requiredKeys: [] });

export interface PodFacts {
  namespace: string;
  labels: Record<string, string>;
  hasIP: boolean;
  ready: boolean;
  phase: string;
  terminating: boolean;
  ports: number[];
}

export const podFacts: fc.Arbitrary<PodFacts> = fc.record({
  namespace: fc.constantFrom(...NAMESPACES),
  labels,
  hasIP: fc.integer({ min: 0, max: 4 }).map((n) => n !== 0),
  ready: fc.boolean(),
  phase: fc.constantFrom('Running', 'Running', 'Running', 'Pending', 'Succeeded', 'Failed'),
  terminating: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  ports: fc.uniqueArray(fc.integer({ min: 0, max: CONTAINER_PORTS.length - 1 }), { maxLength: 3 }),
});

/** The Pod for index i (name p<i>, IP 10.1.<i/250>.<i%250+1>, so names and IPs never repeat). */
export function podFrom(f: PodFacts, i: number): KubeObject {
  const ip = `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p${i}`, namespace: f.namespace, uid: `uid-${i}`, labels: f.labels, ...(f.terminating ? { deletionTimestamp: '2024-01-01T00:00:00Z' } : {}) },
    spec: { nodeName: `node-${i % 3}`, containers: [{ name: 'app', image: 'pause', ports: f.ports.map((p) => CONTAINER_PORTS[p]) }] },
    status: { phase: f.phase, ...(f.hasIP ? { podIP: ip, podIPs: [{ ip }] } : {}), conditions: [{ type: 'Ready', status: f.ready ? 'True' : 'False' }] },
  };
}

const servicePort = (name: string, port: number) =>
  fc.record({
    protocol: fc.constantFrom('TCP', 'TCP', 'UDP'),
    targetPort: fc.option(fc.oneof(fc.constantFrom(8080, 9100, 53), fc.constantFrom('http', 'metrics', 'dns', 'web')), { nil: undefined }),
  }).map((p) => ({ name, port, ...p }));

/** A Service with a cluster IP, 1-3 uniquely named ports, and (mostly) a selector. */
export const serviceArb: fc.Arbitrary<KubeObject> = fc
  .record({
    namespace: fc.constantFrom(...NAMESPACES),
    selector: fc.option(labels, { nil: null, freq: 8 }),
    externalName: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
    publishNotReadyAddresses: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    portNames: fc.uniqueArray(fc.constantFrom('http', 'metrics', 'dns', 'admin'), { minLength: 1, maxLength: 3 }),
  })
  .chain((s) =>
    fc.tuple(...s.portNames.map((n, i) => servicePort(n, 80 + i))).map((ports) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'svc', namespace: s.namespace },
      spec: {
        ...(s.selector ? { selector: s.selector } : {}),
        ...(s.externalName ? { type: 'ExternalName', externalName: 'x.example.com' } : { type: 'ClusterIP', clusterIP: '10.0.0.20' }),
        ...(s.publishNotReadyAddresses ? { publishNotReadyAddresses: true } : {}),
        ports,
      },
    })),
  );

type Spec = { selector?: Record<string, string> | null; type?: string; publishNotReadyAddresses?: boolean; ports?: { name?: string; port: number; protocol?: string; targetPort?: number | string }[] };
type PodView = { metadata: { name: string; namespace?: string; labels?: Record<string, string>; deletionTimestamp?: string }; spec: { containers: { ports?: { name?: string; containerPort: number; protocol?: string }[] }[] }; status: { phase: string; podIP?: string; conditions: { type: string; status: string }[] } };

/** The model's endpoints as rows (see features/support/endpointRows.ts), or null when the Service is left alone. */
export function modelEndpointRows(service: KubeObject, pods: KubeObject[]): EndpointRow[] | null {
  const spec = service.spec as Spec;
  if (!spec.selector || spec.type === 'ExternalName') return null;
  const ns = service.metadata.namespace || 'default';
  const publish = spec.publishNotReadyAddresses === true;
  const rows: EndpointRow[] = [];
  for (const pod of pods as unknown as PodView[]) {
    if ((pod.metadata.namespace || 'default') !== ns) continue;
    if (!Object.entries(spec.selector).every(([k, v]) => pod.metadata.labels?.[k] === v)) continue;
    if (!pod.status.podIP || ['Succeeded', 'Failed'].includes(pod.status.phase)) continue;
    if (pod.metadata.deletionTimestamp && !publish) continue;
    const ports = (spec.ports ?? []).flatMap((sp) => {
      const protocol = sp.protocol || 'TCP';
      const target = sp.targetPort === undefined || sp.targetPort === 0 || sp.targetPort === '' ? sp.port : sp.targetPort;
      const port =
        typeof target === 'number'
          ? target
          : pod.spec.containers.flatMap((c) => c.ports ?? []).find((cp) => cp.name === target && (cp.protocol || 'TCP') === protocol)?.containerPort;
      return port === undefined ? [] : [renderPort({ name: sp.name, port, protocol })];
    });
    if (!ports.length) continue;
    const ready = publish || pod.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
    rows.push({ pod: pod.metadata.name, ip: pod.status.podIP, ready, ports: ports.sort().join(', ') });
  }
  return rows.sort(compareRows);
}

/** A change to one pod of the list (index taken modulo its length), or a new pod. */
export type PodChange =
  | { op: 'add'; facts: PodFacts }
  | { op: 'delete' | 'toggleReady' | 'toggleIP' | 'terminate'; at: number }
  | { op: 'phase'; at: number; phase: string }
  | { op: 'relabel'; at: number; labels: Record<string, string> };

export const podChange: fc.Arbitrary<PodChange> = fc.oneof(
  fc.record({ op: fc.constant('add' as const), facts: podFacts }),
  fc.record({ op: fc.constantFrom('delete' as const, 'toggleReady' as const, 'toggleIP' as const, 'terminate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('phase' as const), at: fc.nat(), phase: fc.constantFrom('Running', 'Succeeded', 'Failed') }),
  fc.record({ op: fc.constant('relabel' as const), at: fc.nat(), labels }),
);

/**
 * The pods after the change, and a sentence describing it. `nextIndex` must be fresh for every
 * change: it names an added pod and numbers a newly given IP. Pure: returns new objects.
 */
export function applyPodChange(pods: KubeObject[], change: PodChange, nextIndex: number): { pods: KubeObject[]; text: string } {
  if (change.op === 'add') return { pods: [...pods, podFrom(change.facts, nextIndex)], text: `add p${nextIndex}` };
  if (!pods.length) return { pods, text: `${change.op} (no pods)` };
  const i = change.at % pods.length;
  const pod = structuredClone(pods[i]) as unknown as PodView & KubeObject;
  const name = pod.metadata.name;
  switch (change.op) {
    case 'delete':
      return { pods: pods.filter((_, j) => j !== i), text: `delete ${name}` };
    case 'toggleReady':
      pod.status.conditions = pod.status.conditions.map((c) => (c.type === 'Ready' ? { ...c, status: c.status === 'True' ? 'False' : 'True' } : c));
      break;
    case 'toggleIP':
      if (pod.status.podIP) delete pod.status.podIP, delete (pod.status as { podIPs?: unknown }).podIPs;
      else pod.status.podIP = `10.1.${Math.floor((nextIndex + 500) / 250)}.${((nextIndex + 500) % 250) + 1}`;
      break;
    case 'terminate':
      pod.metadata.deletionTimestamp = '2024-01-01T00:00:00Z';
      break;
    case 'phase':
      pod.status.phase = change.phase;
      break;
    case 'relabel':
      pod.metadata.labels = change.labels;
      break;
  }
  return { pods: pods.map((p, j) => (j === i ? pod : p)), text: `${change.op} ${name}${'phase' in change ? ` ${change.phase}` : ''}` };
}
