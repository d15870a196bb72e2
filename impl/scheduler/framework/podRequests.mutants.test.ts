// podRequests: pod-level requests (spec.resources.requests, PodLevelResources on) and which resources
// replace the container sum, upstream's non-zero cpu/memory defaults around them, init containers and
// sidecars, and the field paths of bad quantities.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podRequests } from './podRequests.ts';

const Mi = 1024 ** 2;
const Gi = 1024 ** 3;
const c = (requests?: Record<string, string>) => ({ name: 'c', image: 'i', ...(requests ? { resources: { requests } } : {}) });
const pod = (spec: object) => ({ metadata: { name: 'p' }, spec });

type Want = { cpu: number; memory: number; scalar?: Record<string, number> };
const cases: { name: string; spec: object; requests: Want; nonZero: Want }[] = [
  {
    name: 'pod-level memory alone replaces the containers’ memory and keeps their cpu',
    spec: { resources: { requests: { memory: '3Gi' } }, containers: [c({ cpu: '1', memory: '1Gi' }), c({ memory: '1Gi' })] },
    requests: { cpu: 1000, memory: 3 * Gi },
    nonZero: { cpu: 1000, memory: 3 * Gi },
  },
  {
    name: 'with pod-level memory and no cpu listed anywhere, each container counts the default cpu',
    spec: { resources: { requests: { memory: '1Gi' } }, containers: [c(), c({ memory: '1Mi' })] },
    requests: { cpu: 0, memory: Gi },
    nonZero: { cpu: 200, memory: Gi },
  },
  {
    name: 'with pod-level cpu and no memory listed anywhere, the default memory adds up over sidecar and containers',
    spec: { resources: { requests: { cpu: '2' } }, initContainers: [{ ...c(), restartPolicy: 'Always' }, c()], containers: [c()] },
    requests: { cpu: 2000, memory: 0 },
    nonZero: { cpu: 2000, memory: 400 * Mi },
  },
  {
    name: 'with pod-level memory, a cpu request listed by the overhead alone suppresses the default cpu',
    spec: { resources: { requests: { memory: '1Gi' } }, containers: [c()], overhead: { cpu: '50m' } },
    requests: { cpu: 50, memory: Gi },
    nonZero: { cpu: 50, memory: Gi },
  },
  {
    name: 'with pod-level memory, a cpu request listed by an init container alone suppresses the default cpu',
    spec: { resources: { requests: { memory: '1Gi' } }, initContainers: [c({ cpu: '50m' })], containers: [c(), c()] },
    requests: { cpu: 50, memory: Gi },
    nonZero: { cpu: 50, memory: Gi },
  },
  {
    name: 'with pod-level memory, an explicit zero cpu request of a container suppresses the default cpu',
    spec: { resources: { requests: { memory: '1Gi' } }, containers: [c({ cpu: '0' }), c()] },
    requests: { cpu: 0, memory: Gi },
    nonZero: { cpu: 0, memory: Gi },
  },
  {
    name: 'pod-level ephemeral-storage alone is not a pod-level request: each container without cpu or memory counts the default',
    spec: { resources: { requests: { 'ephemeral-storage': '1Gi' } }, containers: [c({ cpu: '1' }), c()] },
    requests: { cpu: 1000, memory: 0 },
    nonZero: { cpu: 1100, memory: 400 * Mi },
  },
  {
    name: 'a pod-level extended resource is ignored and the containers’ amount stands',
    spec: { resources: { requests: { cpu: '2', 'example.com/gpu': '4' } }, containers: [c({ 'example.com/gpu': '1' })] },
    requests: { cpu: 2000, memory: 0, scalar: { 'example.com/gpu': 1 } },
    nonZero: { cpu: 2000, memory: 200 * Mi, scalar: { 'example.com/gpu': 1 } },
  },
  {
    // Pod-level hugepages are upstream behaviour since 1.33 (kubernetes/kubernetes#130577).
    name: 'pod-level hugepages alone replace the containers’ hugepages',
    spec: { resources: { requests: { 'hugepages-2Mi': '8Mi' } }, containers: [c({ cpu: '1', 'hugepages-2Mi': '2Mi' })] },
    requests: { cpu: 1000, memory: 0, scalar: { 'hugepages-2Mi': 8 * Mi } },
    nonZero: { cpu: 1000, memory: 200 * Mi, scalar: { 'hugepages-2Mi': 8 * Mi } },
  },
  {
    name: 'a pod without containers requests nothing, even counting the non-zero defaults',
    spec: {},
    requests: { cpu: 0, memory: 0 },
    nonZero: { cpu: 0, memory: 0 },
  },
];
for (const t of cases) {
  test(t.name, () => {
    for (const [nonZero, want] of [[false, t.requests], [true, t.nonZero]] as const) {
      const r = podRequests(pod(t.spec), nonZero);
      assert.deepEqual(
        { cpu: r.milliCPU, memory: r.memory, scalar: Object.fromEntries(r.scalar ?? []) },
        { cpu: want.cpu, memory: want.memory, scalar: want.scalar ?? {} },
        `nonZero=${nonZero}`,
      );
    }
  });
}

const containerCases: { name: string; spec: object; cpu: number; memory: number; gpu: number }[] = [
  {
    name: 'init containers count by their maximum, extended resources included',
    spec: { initContainers: [c({ 'example.com/gpu': '2' }), c({ 'example.com/gpu': '1' })], containers: [c({ 'example.com/gpu': '1' })] },
    cpu: 0,
    memory: 0,
    gpu: 2,
  },
  {
    name: 'a sidecar runs beside the regular containers, so their requests add up',
    spec: { initContainers: [{ ...c({ cpu: '1' }), restartPolicy: 'Always' }], containers: [c({ cpu: '2' })] },
    cpu: 3000,
    memory: 0,
    gpu: 0,
  },
  {
    name: 'an init container runs beside the sidecars started before it',
    spec: { initContainers: [{ ...c({ cpu: '1' }), restartPolicy: 'Always' }, c({ cpu: '3' })], containers: [c({ cpu: '1' })] },
    cpu: 4000,
    memory: 0,
    gpu: 0,
  },
  {
    name: 'pod-level cpu alone keeps the containers’ memory',
    spec: { resources: { requests: { cpu: '2' } }, containers: [c({ cpu: '1', memory: '1Ki', 'example.com/gpu': '1' })] },
    cpu: 2000,
    memory: 1024,
    gpu: 1,
  },
];
for (const t of containerCases) {
  test(t.name, () => {
    const r = podRequests(pod(t.spec), false);
    assert.deepEqual([r.milliCPU, r.memory, r.scalarOf('example.com/gpu')], [t.cpu, t.memory, t.gpu]);
  });
}

const badQuantity = [
  { name: 'a bad init container quantity names its field', spec: { initContainers: [c({ cpu: 'x' })] }, field: 'spec.initContainers[0].resources.requests.cpu' },
  { name: 'a bad pod-level quantity names its field', spec: { resources: { requests: { memory: 'x' } }, containers: [c()] }, field: 'spec.resources.requests.memory' },
  { name: 'a bad overhead quantity names its field', spec: { containers: [c()], overhead: { cpu: 'x' } }, field: 'spec.overhead.cpu' },
];
for (const t of badQuantity) test(t.name, () => assert.throws(() => podRequests(pod(t.spec), false), { name: 'InvalidObjectError', field: t.field }));
