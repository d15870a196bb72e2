// The state of a Services scenario: the Services and Pods it declared (kept in the World's
// `objects`, so that `these manifests:` declares them too), the nodes, and what the last steps got.
import type { KubeObject, ServiceAllocationAnswer } from '../../harness/contract/methods.ts';
import { parseLabelList } from './text.ts';
import type { KWorld } from './world.ts';

export interface ServiceScenario {
  /** Node name → node IP, where NodePorts listen. */
  nodes: Record<string, string>;
  /** The connections made last and where each went. */
  routes: { to: string; from?: string; answer: RouteView }[];
  /** The kubelets' --cluster-dns. */
  clusterDNS?: string[];
  serviceCIDR?: string;
  nodePortRange?: string;
  /** The allocation operations run last, with their answers. */
  allocations?: ({ action: 'create'; service: string; answer: ServiceAllocationAnswer } | { action: 'delete'; service: string })[];
}

export type RouteView = { routed: true; backend: string; via: string } | { routed: false; reason: string; message: string };

const states = new WeakMap<KWorld, ServiceScenario>();

export function scenario(w: KWorld): ServiceScenario {
  let s = states.get(w);
  if (!s) states.set(w, (s = { nodes: {}, routes: [] }));
  return s;
}

const keyOf = (o: { metadata: { namespace?: string; name?: string } }) => `${o.metadata.namespace || 'default'}/${o.metadata.name}`;

/** The declared objects of one kind, as manifests. */
export function declared(w: KWorld, kind: 'Service' | 'Pod' | 'Endpoints'): KubeObject[] {
  return w.objects.filter((o) => o.kind === kind && o.manifest).map((o) => o.manifest as KubeObject);
}

/** The declared service named `name` (`ns/name` or a name in any namespace); throws naming the known ones. */
export function declaredService(w: KWorld, name: string): KubeObject {
  const services = declared(w, 'Service');
  const found = services.find((s) => keyOf(s) === name || s.metadata.name === name);
  if (!found) throw new Error(`no service ${JSON.stringify(name)} was declared (declared: ${services.map(keyOf).join(', ') || 'none'})`);
  return found;
}

export function declareObject(w: KWorld, manifest: KubeObject): void {
  w.objects.push({
    kind: manifest.kind!,
    name: manifest.metadata.name!,
    namespace: manifest.metadata.namespace,
    labels: manifest.metadata.labels ?? {},
    annotations: manifest.metadata.annotations ?? {},
    manifest,
  });
}

/**
 * A Pod from a table row. Columns (all but name optional):
 * name | namespace | labels | ip | ready (yes/no, default yes) | phase (default Running) |
 * ports (`http=8080, dns=53/UDP, 9090`) | terminating (yes/no) | node | hostname | subdomain
 */
export function podFromRow(row: Record<string, string>): KubeObject {
  if (!row.name) throw new Error('every pod row needs a name');
  const ip = (row.ip ?? '').trim();
  const ready = yesNo(row.ready, true, 'ready');
  const containerPorts = splitList(row.ports ?? '').map((text) => {
    const m = /^(?:([a-z0-9-]+)=)?(\d+)(?:\/(TCP|UDP|SCTP))?$/.exec(text);
    if (!m) throw new Error(`pod ${row.name}: port ${JSON.stringify(text)} should read like http=8080, 9090 or dns=53/UDP`);
    return { ...(m[1] ? { name: m[1] } : {}), containerPort: Number(m[2]), protocol: m[3] ?? 'TCP' };
  });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: row.name,
      namespace: row.namespace || 'default',
      uid: `uid-${row.namespace || 'default'}-${row.name}`,
      labels: parseLabelList(row.labels ?? ''),
      ...(yesNo(row.terminating, false, 'terminating') ? { deletionTimestamp: '2024-01-01T00:00:00Z' } : {}),
    },
    spec: {
      ...(row.node ? { nodeName: row.node } : {}),
      ...(row.hostname ? { hostname: row.hostname } : {}),
      ...(row.subdomain ? { subdomain: row.subdomain } : {}),
      containers: [{ name: 'app', image: 'registry.k8s.io/pause:3.9', ...(containerPorts.length ? { ports: containerPorts } : {}) }],
    },
    status: {
      phase: row.phase || 'Running',
      ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    },
  };
}

/** `a, b` → ['a', 'b']; '' or `(none)` → []. */
export function splitList(s: string): string[] {
  const t = s.trim();
  return t === '' || t === '(none)' ? [] : t.split(',').map((x) => x.trim()).filter(Boolean);
}

export function yesNo(value: string | undefined, fallback: boolean, column: string): boolean {
  const t = (value ?? '').trim().toLowerCase();
  if (t === '') return fallback;
  if (t === 'yes' || t === 'true') return true;
  if (t === 'no' || t === 'false') return false;
  throw new Error(`the "${column}" column takes yes or no, got "${value}"`);
}

/** `10.0.0.20:80`, `10.0.0.20:80/UDP` → a connection target. */
export function parseTarget(text: string): { ip: string; port: number; protocol: 'TCP' | 'UDP' | 'SCTP' } {
  const m = /^([0-9a-fA-F:.]+?):(\d+)(?:\/(TCP|UDP|SCTP))?$/.exec(text.trim());
  if (!m) throw new Error(`${JSON.stringify(text)} should read like 10.0.0.20:80 or 10.0.0.10:53/UDP`);
  return { ip: m[1], port: Number(m[2]), protocol: (m[3] as 'TCP' | 'UDP' | 'SCTP' | undefined) ?? 'TCP' };
}

/** The pod that holds `ip`, as `pod:port` (or `ip:port` when no declared pod has it). */
export function backendName(w: KWorld, ip: string, port: number): string {
  const pod = declared(w, 'Pod').find((p) => (p.status as { podIP?: string } | undefined)?.podIP === ip);
  return `${pod?.metadata.name ?? ip}:${port}`;
}
