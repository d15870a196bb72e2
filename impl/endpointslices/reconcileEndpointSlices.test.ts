import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pod, service, type PodOptions } from '../endpoints/_fixtures.ts';
import type { Pod, Service } from '../endpoints/index.ts';
import { reconcileEndpointSlices, type SliceOptions, type SlicePlan } from './reconcileEndpointSlices.ts';
import type { EndpointSlice } from './types.ts';

const svc = (extra: Record<string, unknown> = {}): Service => {
  const s = service('web', extra);
  s.metadata.uid = 'svc-uid';
  return s;
};
const pods = (n: number, o: PodOptions = {}) => Array.from({ length: n }, (_, i) => pod(`p${String(i).padStart(3, '0')}`, { ip: `10.2.${i >> 8}.${i & 255}`, ...o }));

/** Plays a plan against a fake API: creates get names web-1, web-2, ...; returns the slices that then exist. */
function apply(existing: EndpointSlice[], plan: SlicePlan, counter = { n: 0 }): EndpointSlice[] {
  const gone = new Set(plan.delete.map((s) => s.metadata.name));
  const updated = new Map(plan.update.map((s) => [s.metadata.name, s]));
  const kept = existing.filter((s) => !gone.has(s.metadata.name)).map((s) => updated.get(s.metadata.name) ?? s);
  const created = plan.create.map((s) => ({ ...s, metadata: { ...s.metadata, name: `web-${++counter.n}`, resourceVersion: '1' } }));
  return [...kept, ...created];
}

/** The slices after reconciling from nothing. */
const converge = (s: Service, p: Pod[], options?: SliceOptions) => apply([], reconcileEndpointSlices(s, p, [], options)!);
const writes = (plan: SlicePlan | null) => plan && { create: plan.create.length, update: plan.update.length, delete: plan.delete.length };
const sizes = (slices: EndpointSlice[]) => slices.map((s) => s.endpoints?.length ?? 0);

test('a service without a selector, or of type ExternalName, is left alone', () => {
  assert.equal(reconcileEndpointSlices(svc({ selector: null }), pods(2), []), null);
  assert.equal(reconcileEndpointSlices(svc({ type: 'ExternalName' }), pods(2), []), null);
});

const shapeCases: { name: string; service: Service; pods: Pod[]; want: { addressType: string; sizes: number[]; ports: unknown[] }[] }[] = [
  { name: 'a service with no pods gets one empty placeholder slice', service: svc(), pods: [], want: [{ addressType: 'IPv4', sizes: [0], ports: [] }] },
  { name: '250 pods are split into slices of at most 100', service: svc(), pods: pods(250), want: [{ addressType: 'IPv4', sizes: [100, 100, 50], ports: [{ name: '', port: 8080, protocol: 'TCP' }] }] },
  {
    name: 'a named targetPort resolving to two port numbers makes two slices',
    service: svc({ ports: [{ name: 'http', port: 80, targetPort: 'http' }] }),
    pods: [pod('a', { ports: [{ name: 'http', containerPort: 8080 }] }), pod('b', { ip: '10.1.0.2', ports: [{ name: 'http', containerPort: 9090 }] })],
    want: [{ addressType: 'IPv4', sizes: [1], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }, { addressType: 'IPv4', sizes: [1], ports: [{ name: 'http', port: 9090, protocol: 'TCP' }] }],
  },
  {
    name: 'a dual-stack service gets one slice per address type',
    service: svc({ ipFamilies: ['IPv4', 'IPv6'] }), pods: [pod('a', { ips: ['10.1.0.1', 'fd00::1'] })],
    want: [{ addressType: 'IPv4', sizes: [1], ports: [{ name: '', port: 8080, protocol: 'TCP' }] }, { addressType: 'IPv6', sizes: [1], ports: [{ name: '', port: 8080, protocol: 'TCP' }] }],
  },
  {
    name: 'finished pods and pods without an IP are left out; terminating ones are kept',
    service: svc(), pods: [pod('done', { phase: 'Succeeded' }), pod('noip', { ip: null }), pod('leaving', { deleting: true })],
    want: [{ addressType: 'IPv4', sizes: [1], ports: [{ name: '', port: 8080, protocol: 'TCP' }] }],
  },
];
for (const c of shapeCases) {
  test(c.name, () => {
    const slices = converge(c.service, c.pods);
    const got = slices.map((s) => ({ addressType: s.addressType, sizes: [s.endpoints?.length ?? 0], ports: s.ports }));
    const merged = got.reduce<typeof got>((acc, g) => {
      const same = acc.find((a) => a.addressType === g.addressType && JSON.stringify(a.ports) === JSON.stringify(g.ports));
      if (same) same.sizes.push(...g.sizes);
      else acc.push(g);
      return acc;
    }, []);
    assert.deepEqual(merged, c.want);
    assert.deepEqual(writes(reconcileEndpointSlices(c.service, c.pods, slices)), { create: 0, update: 0, delete: 0 }, 'a second pass writes nothing');
  });
}

const changeCases: { name: string; before: Pod[]; after: Pod[]; service?: Service; want: { create: number; update: number; delete: number }; sizes?: number[] }[] = [
  { name: 'a pod that goes away is removed from its slice with one update', before: pods(3), after: pods(2), want: { create: 0, update: 1, delete: 0 }, sizes: [2] },
  { name: 'when the last pod goes, its slice becomes the placeholder in place', before: pods(1), after: [], want: { create: 0, update: 1, delete: 0 }, sizes: [0] },
  { name: 'a pod that stops being ready updates only its slice', before: pods(150), after: [...pods(150).slice(0, 149), pods(150, { ready: false })[149]], want: { create: 0, update: 1, delete: 0 }, sizes: [100, 50] },
  { name: 'a slice emptied while another keeps endpoints is deleted', before: pods(150), after: pods(150).slice(0, 100), want: { create: 0, update: 0, delete: 1 }, sizes: [100] },
  { name: 'a new pod fills the unchanged slice with room', before: pods(150), after: pods(151), want: { create: 0, update: 1, delete: 0 }, sizes: [100, 51] },
  { name: 'new service labels are written to the slices', before: pods(2), after: pods(2), service: Object.assign(svc(), { metadata: { name: 'web', namespace: 'default', uid: 'svc-uid', labels: { team: 'a' } } }), want: { create: 0, update: 1, delete: 0 }, sizes: [2] },
];
for (const c of changeCases) {
  test(c.name, () => {
    const counter = { n: 0 };
    const slices = apply([], reconcileEndpointSlices(svc(), c.before, [])!, counter);
    const plan = reconcileEndpointSlices(c.service ?? svc(), c.after, slices)!;
    assert.deepEqual(writes(plan), c.want);
    if (c.sizes) assert.deepEqual(sizes(apply(slices, plan, counter)), c.sizes);
  });
}

test('a slice edited by someone else is put back', () => {
  const [slice] = converge(svc(), pods(2));
  const tampered = structuredClone(slice);
  tampered.endpoints![0].conditions.ready = false;
  tampered.endpoints!.push({ addresses: ['10.9.9.9'], conditions: { ready: true } });
  const plan = reconcileEndpointSlices(svc(), pods(2), [tampered])!;
  assert.deepEqual(plan.update.map((s) => s.endpoints), [slice.endpoints]);
});

test('a slice owned by an older service of the same name is replaced', () => {
  const [old] = converge(svc(), pods(1));
  old.metadata.ownerReferences![0].uid = 'old-uid';
  const plan = reconcileEndpointSlices(svc(), pods(1), [old])!;
  assert.deepEqual(writes(plan), { create: 1, update: 0, delete: 1 });
});

test('slices of an address type the service no longer has are deleted', () => {
  const slices = converge(svc({ ipFamilies: ['IPv4', 'IPv6'] }), [pod('a', { ips: ['10.1.0.1', 'fd00::1'] })]);
  const plan = reconcileEndpointSlices(svc({ ipFamilies: ['IPv4'] }), [pod('a', { ips: ['10.1.0.1', 'fd00::1'] })], slices)!;
  assert.deepEqual(plan.delete.map((s) => s.addressType), ['IPv6']);
});

test('a pod on an unknown node, or on none, is skipped unless the service publishes not-ready addresses; known nodes give zones', () => {
  const node = (name: string) => (name === 'n1' ? { metadata: { name, labels: { 'topology.kubernetes.io/zone': 'z1' } } } : undefined);
  const all = [pod('a', { node: 'n1' }), pod('b', { ip: '10.1.0.2', node: 'gone' }), pod('c', { ip: '10.1.0.3' })];
  const plan = reconcileEndpointSlices(svc(), all, [], { node })!;
  assert.deepEqual(plan.create[0].endpoints!.map((e) => [e.targetRef?.name, e.zone]), [['a', 'z1']]);
  assert.deepEqual(plan.skippedPods, ['default/b', 'default/c']);
  assert.equal(reconcileEndpointSlices(svc({ publishNotReadyAddresses: true }), all, [], { node })!.create[0].endpoints!.length, 3);
});

test('a service being deleted gets no new slices', () => {
  const deleting = svc();
  deleting.metadata.deletionTimestamp = '2024-01-01T00:00:00Z';
  assert.deepEqual(writes(reconcileEndpointSlices(deleting, pods(3), [])), { create: 0, update: 0, delete: 0 });
});
