import type { Obj, ResourceType } from '../resourceType.ts';
import { invalid, isDNS1035Label, notSupported, required, stringValue, jsonValue, type FieldError } from '../fieldErrors.ts';
import { age, ageOf, column, listOrNone, nameColumn } from '../tableColumns.ts';
import { arrayOf, isObject, portNumber } from './podSpec.ts';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** The service range's network address: what a dry-run create shows as its cluster IP, as upstream's dry-run allocator does. */
export const DRY_RUN_CLUSTER_IP = '10.96.0.0';
/** Upstream's dry-run node port: one above the highest node port earlier in the request, or above this. */
const DRY_RUN_NODE_PORT_BASE = 32768;

/**
 * Hands out cluster IPs from 10.96.0.0/12 and node ports from 30000-32767, per server. With
 * `dryRun` nothing is taken: the cluster IP is DRY_RUN_CLUSTER_IP and each missing node port is one
 * above the highest earlier in the request (32769 for the first).
 */
export function serviceAllocator() {
  let ip = 10;
  let nodePorts = 0;
  return (svc: Obj, dryRun = false) => {
    const spec = svc.spec;
    if (!isObject(spec)) return;
    if (spec.type !== 'ExternalName' && !spec.clusterIP) {
      if (dryRun) spec.clusterIP = DRY_RUN_CLUSTER_IP;
      else {
        ip++;
        spec.clusterIP = `10.96.${(ip >> 8) & 255}.${ip & 255}`;
      }
    }
    if (spec.clusterIP) spec.clusterIPs ??= [spec.clusterIP];
    if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') return;
    const seen: number[] = [];
    for (const p of arrayOf(spec.ports)) {
      if (!isObject(p)) continue;
      if (!p.nodePort) p.nodePort = dryRun ? (seen.length ? Math.max(...seen) : DRY_RUN_NODE_PORT_BASE) + 1 : 30000 + (nodePorts++ % 2768);
      if (typeof p.nodePort === 'number') seen.push(p.nodePort);
    }
  };
}

function validateService(svc: Obj): FieldError[] {
  const spec = svc.spec;
  if (!isObject(spec)) return [required('spec', '')];
  const errors: FieldError[] = [];
  if (!TYPES.includes(spec.type)) errors.push(notSupported('spec.type', stringValue(String(spec.type)), TYPES));
  const ports = arrayOf(spec.ports);
  if (ports.length === 0 && spec.type !== 'ExternalName' && spec.clusterIP !== 'None') errors.push(required('spec.ports', ''));
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const at = `spec.ports[${i}]`;
    if (!isObject(p)) return void errors.push(required(at, ''));
    if (ports.length > 1 && !p.name) errors.push(required(`${at}.name`, ''));
    if (p.name) {
      if (names.has(p.name)) errors.push({ field: `${at}.name`, type: 'Duplicate value', message: `Duplicate value: ${stringValue(String(p.name)).quoted}` });
      names.add(p.name);
    }
    errors.push(...portNumber(p.port, `${at}.port`));
    if (!PROTOCOLS.includes(p.protocol)) errors.push(notSupported(`${at}.protocol`, stringValue(String(p.protocol)), PROTOCOLS));
    if (typeof p.targetPort === 'number') errors.push(...portNumber(p.targetPort, `${at}.targetPort`));
    if (p.nodePort !== undefined && !(Number.isInteger(p.nodePort) && p.nodePort >= 1 && p.nodePort <= 65535))
      errors.push(invalid(`${at}.nodePort`, jsonValue(p.nodePort), 'must be between 1 and 65535, inclusive'));
  });
  return errors;
}

export const services: ResourceType = {
  group: '', version: 'v1', resource: 'services', singular: 'service', kind: 'Service', namespaced: true,
  shortNames: ['svc'], categories: ['all'], subresources: ['status'],
  nameMessages: isDNS1035Label,
  defaults(svc) {
    if (!isObject(svc.spec)) return;
    const spec = svc.spec;
    spec.type ??= 'ClusterIP';
    spec.sessionAffinity ??= 'None';
    spec.internalTrafficPolicy ??= 'Cluster';
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
    // as upstream's defaulting: a missing, 0 or "" targetPort is the port
    for (const p of arrayOf(spec.ports)) if (isObject(p)) { p.protocol ??= 'TCP'; if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port; }
  },
  prepareForCreate: (svc) => void (svc.status = { loadBalancer: {} }),
  validate: validateService,
  columns: [
    nameColumn, column('Type', 'string', 'The type of the service'), column('Cluster-IP', 'string', 'The cluster IP of the service'),
    column('External-IP', 'string', 'The external IP of the service'), column('Port(s)', 'string', 'The ports of the service'), age,
    column('Selector', 'string', 'The selector of the service', 1),
  ],
  cells(svc) {
    const spec = svc.spec ?? {};
    const ports = arrayOf(spec.ports).filter(isObject).map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol}`);
    const external = spec.type === 'ExternalName' ? spec.externalName : arrayOf(spec.externalIPs).length ? arrayOf(spec.externalIPs).join(',') : spec.type === 'LoadBalancer' ? '<pending>' : '<none>';
    const selector = Object.entries(spec.selector ?? {}).map(([k, v]) => `${k}=${v}`);
    return [spec.type ?? '', spec.clusterIP ?? '', external, listOrNone(ports), ageOf(svc.metadata.creationTimestamp), listOrNone(selector)];
  },
};
