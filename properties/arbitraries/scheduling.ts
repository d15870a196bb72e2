// Random clusters for the scheduling properties: 1-30 nodes with random capacity, zones, labels,
// taints, cordons and images; pods already placed; and a pod to place with random requests (init
// containers, overhead, extended resources), selectors, tolerations, (anti-)affinities and spread
// constraints. Values come from small pools so that selectors, taints and tolerations meet.
import fc from 'fast-check';
import type { KubeObject } from '../../harness/contract/methods.ts';

export const HOSTNAME = 'kubernetes.io/hostname';
export const ZONE = 'topology.kubernetes.io/zone';
export const GPU = 'example.com/gpu';
const APPS = ['web', 'db', 'cache'];
const ZONES = ['zone-a', 'zone-b', 'zone-c'];
const TOPOLOGY_KEYS = [HOSTNAME, ZONE];

export const TAINTS = [
  { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
  { key: 'dedicated', value: 'batch', effect: 'NoSchedule' },
  { key: 'maintenance', value: 'true', effect: 'NoExecute' },
  { key: 'spot', effect: 'PreferNoSchedule' },
];

export const TOLERATIONS = [
  { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' },
  { key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'dedicated', operator: 'Equal', value: 'batch' },
  { key: 'maintenance', operator: 'Exists' },
  { key: 'maintenance', operator: 'Equal', value: 'true', effect: 'NoSchedule' },
  { key: 'spot', operator: 'Exists', effect: 'PreferNoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  { operator: 'Exists' },
];

const IMAGES = [
  { names: ['ml/model:2'], sizeBytes: 800 * 2 ** 20 },
  { names: ['nginx:1.25'], sizeBytes: 70 * 2 ** 20 },
  { names: ['busybox:1.36'], sizeBytes: 4 * 2 ** 20 },
];

/** `arb` about once in `every` draws, undefined otherwise. */
const sometimes = <T>(arb: fc.Arbitrary<T>, every = 3): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: every - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
/** `arb` except about once in `every` draws. */
const mostly = <T>(arb: fc.Arbitrary<T>, every = 5): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: every });
const compact = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** A node's capacity (= allocatable) in plain units: cpu in millicores, memory in Mi. */
export interface Capacity {
  milliCPU: number;
  memoryMi: number;
  pods: number;
  ephemeralGi?: number;
  gpu?: number;
}

const capacity: fc.Arbitrary<Capacity> = fc.record(
  {
    milliCPU: fc.integer({ min: 500, max: 16_000 }),
    memoryMi: fc.integer({ min: 512, max: 32_768 }),
    pods: fc.integer({ min: 1, max: 20 }),
    ephemeralGi: fc.integer({ min: 0, max: 100 }),
    gpu: fc.integer({ min: 0, max: 4 }),
  },
  { requiredKeys: ['milliCPU', 'memoryMi', 'pods'] },
);

function resourceList(c: { milliCPU?: number; memoryMi?: number; pods?: number; ephemeralGi?: number; gpu?: number }): Record<string, string> {
  return compact<Record<string, string | undefined>>({
    cpu: c.milliCPU !== undefined ? `${c.milliCPU}m` : undefined,
    memory: c.memoryMi !== undefined ? `${c.memoryMi}Mi` : undefined,
    pods: c.pods !== undefined ? String(c.pods) : undefined,
    'ephemeral-storage': c.ephemeralGi !== undefined ? `${c.ephemeralGi}Gi` : undefined,
    [GPU]: c.gpu !== undefined ? String(c.gpu) : undefined,
  }) as Record<string, string>;
}

const nodeShape = fc.record({
  capacity,
  zone: mostly(fc.constantFrom(...ZONES), 8),
  disktype: sometimes(fc.constantFrom('ssd', 'hdd'), 2),
  cpuGen: sometimes(fc.integer({ min: 1, max: 4 }), 2),
  taints: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.subarray(TAINTS, { minLength: 1, maxLength: 2 }) }),
  images: fc.subarray(IMAGES),
  cordoned: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

type NodeShape = typeof nodeShape extends fc.Arbitrary<infer T> ? T : never;

function buildNode(i: number, s: NodeShape): KubeObject {
  const name = `node-${i}`;
  const labels = compact<Record<string, string | undefined>>({ [HOSTNAME]: name, [ZONE]: s.zone, disktype: s.disktype, 'cpu-gen': s.cpuGen?.toString() }) as Record<string, string>;
  const list = resourceList(s.capacity);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels },
    spec: compact({ taints: s.taints.length ? s.taints : undefined, unschedulable: s.cordoned || undefined }),
    status: compact({ capacity: list, allocatable: { ...list }, images: s.images.length ? s.images : undefined }),
  };
}

/** 1..maxNodes nodes named node-0, node-1, ... */
export function nodes(opts: { minNodes?: number; maxNodes?: number } = {}): fc.Arbitrary<KubeObject[]> {
  return fc.array(nodeShape, { minLength: opts.minNodes ?? 1, maxLength: opts.maxNodes ?? 30 }).map((list) => list.map((s, i) => buildNode(i, s)));
}

/** Requests of one container, in plain units: cpu and memory usually, storage and GPUs now and then. */
const requests = fc.record({
  milliCPU: mostly(fc.integer({ min: 0, max: 4000 })),
  memoryMi: mostly(fc.integer({ min: 0, max: 8192 })),
  ephemeralGi: sometimes(fc.integer({ min: 0, max: 20 }), 8),
  gpu: sometimes(fc.integer({ min: 1, max: 2 }), 8),
}).map(compact);

const container = (name: string) =>
  requests.map((r) => compact({ name, image: 'registry.k8s.io/pause:3.9', resources: Object.keys(r).length ? { requests: resourceList(r) } : undefined }));

/** A required pod (anti-)affinity term selecting one app, by hostname or zone. */
const term = fc.record({ labelSelector: fc.constantFrom(...APPS).map((app) => ({ matchLabels: { app } })), topologyKey: fc.constantFrom(...TOPOLOGY_KEYS) });

const nodeAffinity = fc.oneof(
  fc.constantFrom('ssd', 'hdd').map((d) => [{ matchExpressions: [{ key: 'disktype', operator: 'In', values: [d] }] }]),
  fc.integer({ min: 0, max: 4 }).map((g) => [{ matchExpressions: [{ key: 'cpu-gen', operator: 'Gt', values: [String(g)] }] }]),
  fc.subarray(ZONES, { minLength: 1 }).map((zs) => [{ matchExpressions: [{ key: ZONE, operator: 'In', values: zs }] }, { matchExpressions: [{ key: 'disktype', operator: 'DoesNotExist' }] }]),
);

export interface PodOptions {
  /** Let the pod carry pod (anti-)affinity and spread constraints (default true). */
  interPod?: boolean;
}

/** A pod (no node) named `name`, in namespace default. */
export function pod(name: string, opts: PodOptions = {}): fc.Arbitrary<KubeObject> {
  const interPod = opts.interPod ?? true;
  return fc
    .record({
      app: fc.constantFrom(...APPS),
      containers: fc.array(container('c'), { minLength: 1, maxLength: 2 }),
      image: sometimes(fc.constantFrom(...IMAGES.map((i) => i.names[0]))),
      init: sometimes(container('init')),
      overhead: sometimes(fc.record({ milliCPU: fc.integer({ min: 10, max: 500 }), memoryMi: fc.integer({ min: 10, max: 256 }) })),
      nodeSelector: sometimes(fc.constantFrom('ssd', 'hdd').map((disktype) => ({ disktype })), 5),
      required: sometimes(nodeAffinity, 5),
      tolerations: fc.subarray(TOLERATIONS, { maxLength: 3 }),
      hostPort: sometimes(fc.constantFrom(80, 443, 8080)),
      anti: interPod ? sometimes(fc.array(term, { minLength: 1, maxLength: 2 })) : fc.constant(undefined),
      affinity: interPod ? sometimes(term, 6) : fc.constant(undefined),
      spread: interPod ? sometimes(spreadConstraint(fc.constantFrom('DoNotSchedule', 'ScheduleAnyway'))) : fc.constant(undefined),
      owned: fc.boolean(),
    })
    .map((p) => {
      const containers = p.containers.map((c, i) => ({ ...c, name: `c${i}`, ...(i === 0 && p.image ? { image: p.image } : {}) }));
      if (p.hostPort) containers[0] = { ...containers[0], ports: [{ containerPort: p.hostPort, hostPort: p.hostPort, protocol: 'TCP' }] } as (typeof containers)[0];
      const affinity = compact({
        nodeAffinity: p.required ? { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: p.required } } : undefined,
        podAntiAffinity: p.anti ? { requiredDuringSchedulingIgnoredDuringExecution: p.anti } : undefined,
        podAffinity: p.affinity ? { requiredDuringSchedulingIgnoredDuringExecution: [p.affinity] } : undefined,
      });
      const spec = compact({
        containers,
        initContainers: p.init ? [p.init] : undefined,
        overhead: p.overhead ? resourceList(p.overhead) : undefined,
        nodeSelector: p.nodeSelector,
        tolerations: p.tolerations.length ? p.tolerations : undefined,
        affinity: Object.keys(affinity).length ? affinity : undefined,
        topologySpreadConstraints: p.spread ? [{ ...p.spread, labelSelector: { matchLabels: { app: p.app } } }] : undefined,
      });
      const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: p.app, uid: `uid-${p.app}`, controller: true };
      return { apiVersion: 'v1', kind: 'Pod', metadata: compact({ name, namespace: 'default', labels: { app: p.app }, ownerReferences: p.owned ? [owner] : undefined }), spec };
    });
}

/** A topology spread constraint without its selector. */
export function spreadConstraint(when: fc.Arbitrary<string>) {
  return fc.record({ maxSkew: fc.integer({ min: 1, max: 3 }), topologyKey: fc.constantFrom(...TOPOLOGY_KEYS), whenUnsatisfiable: when });
}

/** `p` renamed and placed on `nodeName`. */
export const placedAs = (p: KubeObject, name: string, nodeName?: string): KubeObject => ({
  ...p,
  metadata: { ...p.metadata, name },
  spec: { ...(p.spec as object), ...(nodeName ? { nodeName } : {}) },
});

export interface ClusterCase {
  nodes: KubeObject[];
  pods: KubeObject[];
  pod: KubeObject;
}

/** Nodes, 0..maxPods pods already placed on them (possibly over-committed), and a pod to place. */
export function cluster(opts: { maxNodes?: number; maxPods?: number } & PodOptions = {}): fc.Arbitrary<ClusterCase> {
  return nodes({ maxNodes: opts.maxNodes }).chain((ns) => {
    const names = ns.map((n) => n.metadata.name!);
    return fc.record({
      nodes: fc.constant(ns),
      pods: fc
        .array(fc.tuple(pod('running'), fc.constantFrom(...names)), { maxLength: opts.maxPods ?? 40 })
        .map((list) => list.map(([p, nodeName], i) => placedAs(p, `running-${i}`, nodeName))),
      pod: pod('incoming', opts),
    });
  });
}
