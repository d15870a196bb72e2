// A cluster as scenarios describe it in tables, turned into v1 Node and v1 Pod objects.
// Every cell is optional except a name; an empty cell means "not set". Cell syntax:
//   labels, node selector   `disktype=ssd, gpu=true`
//   taints                  `dedicated=gpu:NoSchedule, spot:PreferNoSchedule` (key[=value]:Effect)
//   tolerations             `dedicated=gpu:NoSchedule` (Equal), `dedicated:NoSchedule` (Exists), no `:Effect` = every
//                           effect, `*` = Exists with no key (tolerates every taint)
//   extended                `example.com/gpu=2` (resource=quantity, comma-separated)
//   images (nodes)          `nginx:1.25 (500Mi), redis:7 (30Mi)`; images (pods) `nginx:1.25, redis:7` (one container each)
//   ports                   host ports `8080`, `8080/UDP`, `10.0.0.1:8080/TCP`
//   owner                   `ReplicaSet/web` (the controlling owner)
//   affinity, anti-affinity `app=web by hostname` (required pod (anti-)affinity; by hostname|zone|<topology key>)
import type { KubeObject } from '../../harness/contract/methods.ts';
import { expandRepeats } from './repeats.ts';
import { parseLabelList, parseNameList } from './text.ts';

export type Row = Record<string, string>;

export const HOSTNAME = 'kubernetes.io/hostname';
export const ZONE = 'topology.kubernetes.io/zone';
const TOPOLOGY_SHORTHANDS: Record<string, string> = { hostname: HOSTNAME, zone: ZONE };

/** Capacity of a node whose row leaves a column empty. */
export const NODE_DEFAULTS = { cpu: '4', memory: '8Gi', pods: '110' } as const;

/** Thrown for a cell that does not follow the syntax above; the message names the column and the cell. */
export class TableError extends Error {
  override name = 'TableError';
  constructor(column: string, cell: string, expected: string) {
    super(`column "${column}": ${JSON.stringify(cell)} is not ${expected}`);
  }
}

const cell = (row: Row, column: string): string => expandRepeats((row[column] ?? '').trim());
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function splitEffect(item: string, column: string): { left: string; effect: string } {
  const colon = item.lastIndexOf(':');
  if (colon < 0) return { left: item, effect: '' };
  const effect = item.slice(colon + 1);
  if (!EFFECTS.includes(effect)) throw new TableError(column, item, `key[=value][:${EFFECTS.join('|')}]`);
  return { left: item.slice(0, colon), effect };
}

export function parseTaints(text: string): { key: string; value?: string; effect: string }[] {
  return parseNameList(text).map((item) => {
    const { left, effect } = splitEffect(item, 'taints');
    if (effect === '') throw new TableError('taints', item, 'key[=value]:Effect');
    const [key, value] = left.split('=');
    return value === undefined ? { key, effect } : { key, value, effect };
  });
}

export function parseTolerations(text: string): Record<string, string>[] {
  return parseNameList(text).map((item) => {
    if (item === '*') return { operator: 'Exists' };
    const { left, effect } = splitEffect(item, 'tolerations');
    const eq = left.indexOf('=');
    const t: Record<string, string> = eq < 0 ? { key: left, operator: 'Exists' } : { key: left.slice(0, eq), operator: 'Equal', value: left.slice(eq + 1) };
    if (effect) t.effect = effect;
    return t;
  });
}

const SIZE = /^(\d+)(Ki|Mi|Gi|k|M|G)?$/;
const SIZE_FACTOR: Record<string, number> = { '': 1, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, k: 1e3, M: 1e6, G: 1e9 };

export function parseNodeImages(text: string): { names: string[]; sizeBytes: number }[] {
  return parseNameList(text).map((item) => {
    const m = /^(\S+)\s*\(([^)]*)\)$/.exec(item);
    const size = m ? SIZE.exec(m[2].trim()) : null;
    if (!m || !size) throw new TableError('images', item, 'an image with its size, like `nginx:1.25 (500Mi)`');
    return { names: [m[1]], sizeBytes: Number(size[1]) * SIZE_FACTOR[size[2] ?? ''] };
  });
}

export function parseHostPorts(text: string): { containerPort: number; hostPort: number; protocol: string; hostIP?: string }[] {
  return parseNameList(text).map((item) => {
    const m = /^(?:([0-9.]+):)?(\d+)(?:\/(TCP|UDP|SCTP))?$/.exec(item);
    if (!m) throw new TableError('ports', item, 'a host port like 8080, 8080/UDP or 10.0.0.1:8080/TCP');
    const port = Number(m[2]);
    return { containerPort: port, hostPort: port, protocol: m[3] ?? 'TCP', ...(m[1] ? { hostIP: m[1] } : {}) };
  });
}

/** `app=web by hostname` → a required pod affinity term. */
export function parseAffinityTerm(text: string, column: string): Record<string, unknown> {
  const m = /^(.*)\s+by\s+(\S+)$/.exec(text);
  if (!m) throw new TableError(column, text, '`<labels> by <hostname|zone|topology key>`');
  return { labelSelector: { matchLabels: parseLabelList(m[1]) }, topologyKey: TOPOLOGY_SHORTHANDS[m[2]] ?? m[2] };
}

function resourceList(row: Row, defaults: Partial<Record<string, string>> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [column, resource] of [['cpu', 'cpu'], ['memory', 'memory'], ['ephemeral', 'ephemeral-storage'], ['pods', 'pods']]) {
    const v = cell(row, column) || defaults[column];
    if (v) out[resource] = v;
  }
  Object.assign(out, parseLabelList(cell(row, 'extended')));
  return out;
}

function yes(row: Row, column: string): boolean {
  const v = cell(row, column).toLowerCase();
  if (v === '' || v === 'no' || v === 'false') return false;
  if (v === 'yes' || v === 'true') return true;
  throw new TableError(column, v, 'yes or no');
}

const unknownColumns = (row: Row, known: readonly string[], what: string): void => {
  const extra = Object.keys(row).filter((c) => !known.includes(c));
  if (extra.length) throw new Error(`${what} table: unknown column(s) ${extra.join(', ')}; known: ${known.join(', ')}`);
};

const NODE_COLUMNS = ['name', 'cpu', 'memory', 'pods', 'ephemeral', 'extended', 'labels', 'zone', 'taints', 'unschedulable', 'images'] as const;

/** A Node labelled with its hostname (as the kubelet does) and the zone column; capacity = allocatable. */
export function nodeFromRow(row: Row): KubeObject {
  unknownColumns(row, NODE_COLUMNS, 'node');
  const name = cell(row, 'name');
  if (!name) throw new Error('node table: every row needs a name');
  const labels: Record<string, string> = { [HOSTNAME]: name, ...parseLabelList(cell(row, 'labels')) };
  if (cell(row, 'zone')) labels[ZONE] = cell(row, 'zone');
  const spec: Record<string, unknown> = {};
  const taints = parseTaints(cell(row, 'taints'));
  if (taints.length) spec.taints = taints;
  if (yes(row, 'unschedulable')) spec.unschedulable = true;
  const capacity = resourceList(row, NODE_DEFAULTS);
  const status: Record<string, unknown> = { capacity, allocatable: { ...capacity } };
  const images = parseNodeImages(cell(row, 'images'));
  if (images.length) status.images = images;
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels }, spec, status };
}

const POD_COLUMNS = ['name', 'namespace', 'node', 'cpu', 'memory', 'ephemeral', 'extended', 'labels', 'owner', 'images', 'ports', 'tolerations', 'node selector', 'affinity', 'anti-affinity'] as const;

/** A Pod with one container per image (one `app` container without images) holding the requests and ports. */
export function podFromRow(row: Row): KubeObject {
  unknownColumns(row, POD_COLUMNS, 'pod');
  const name = cell(row, 'name');
  if (!name) throw new Error('pod table: every row needs a name');
  const images = parseNameList(cell(row, 'images'));
  const requests = resourceList({ ...row, pods: '' });
  const ports = parseHostPorts(cell(row, 'ports'));
  const containers = (images.length ? images : ['registry.k8s.io/pause:3.9']).map((image, i) => ({
    name: images.length > 1 ? `c${i + 1}` : 'app',
    image,
    ...(i === 0 && Object.keys(requests).length ? { resources: { requests } } : {}),
    ...(i === 0 && ports.length ? { ports } : {}),
  }));
  const spec: Record<string, unknown> = { containers };
  if (cell(row, 'node')) spec.nodeName = cell(row, 'node');
  const tolerations = parseTolerations(cell(row, 'tolerations'));
  if (tolerations.length) spec.tolerations = tolerations;
  const nodeSelector = parseLabelList(cell(row, 'node selector'));
  if (Object.keys(nodeSelector).length) spec.nodeSelector = nodeSelector;
  const affinity: Record<string, unknown> = {};
  for (const [column, field] of [['affinity', 'podAffinity'], ['anti-affinity', 'podAntiAffinity']]) {
    const terms = cell(row, column).split(/\s*;\s*/).filter(Boolean).map((t) => parseAffinityTerm(t, column));
    if (terms.length) affinity[field] = { requiredDuringSchedulingIgnoredDuringExecution: terms };
  }
  if (Object.keys(affinity).length) spec.affinity = affinity;
  const metadata: KubeObject['metadata'] = { name, labels: parseLabelList(cell(row, 'labels')) };
  if (cell(row, 'namespace')) metadata.namespace = cell(row, 'namespace');
  const owner = cell(row, 'owner');
  if (owner) {
    const [kind, ownerName] = owner.split('/');
    if (!ownerName) throw new TableError('owner', owner, 'Kind/name');
    metadata.ownerReferences = [{ apiVersion: kind === 'ReplicationController' ? 'v1' : 'apps/v1', kind, name: ownerName, uid: `uid-${kind}-${ownerName}`.toLowerCase(), controller: true }];
  }
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}
