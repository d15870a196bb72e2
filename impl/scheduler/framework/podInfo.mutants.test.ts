// PodInfo: topology spread constraints (matchLabelKeys merged into the labelSelector, defaults of
// optional fields), identity and controller, host ports, required node affinity flags, and the
// field paths of bad pod (anti-)affinity selectors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PodInfo } from './podInfo.ts';

const spreadPod = (constraint: object, labels: Record<string, string> = { app: 'web', rev: 'v2' }) =>
  new PodInfo({ metadata: { name: 'p', namespace: 'ns', labels }, spec: { containers: [{ name: 'c' }], topologySpreadConstraints: [constraint] } });

const base = { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } };
const candidates = { 'same revision': { app: 'web', rev: 'v2' }, 'other revision': { app: 'web', rev: 'v1' }, 'no revision': { app: 'web' }, 'other app': { app: 'db', rev: 'v2' } };

const cases = [
  { name: 'without matchLabelKeys the labelSelector alone counts pods', constraint: base, want: ['same revision', 'other revision', 'no revision'] },
  {
    name: 'matchLabelKeys adds the incoming pod’s value of each key to the labelSelector',
    constraint: { ...base, matchLabelKeys: ['rev'] },
    want: ['same revision'],
  },
  {
    name: 'a matchLabelKeys key the incoming pod lacks is skipped while the others still apply',
    constraint: { ...base, matchLabelKeys: ['track', 'rev'] },
    want: ['same revision'],
  },
  { name: 'matchLabelKeys none of which the pod has leave the labelSelector as it is', constraint: { ...base, matchLabelKeys: ['track'] }, want: ['same revision', 'other revision', 'no revision'] },
  { name: 'matchLabelKeys do not turn a nil labelSelector into one that matches', constraint: { ...base, labelSelector: undefined, matchLabelKeys: ['rev'] }, want: [] },
];
for (const c of cases) {
  test(c.name, () => {
    const [sc] = spreadPod(c.constraint).spreadConstraints;
    assert.deepEqual(Object.entries(candidates).filter(([, l]) => sc.selector.matches(l)).map(([n]) => n), c.want);
  });
}

test('optional constraint fields take upstream defaults and a missing topologyKey reads as the empty key', () => {
  const [sc] = spreadPod({ maxSkew: 2, labelSelector: {}, whenUnsatisfiable: 'ScheduleAnyway' }).spreadConstraints;
  assert.deepEqual(
    [sc.maxSkew, sc.topologyKey, sc.whenUnsatisfiable, sc.minDomains, sc.nodeAffinityPolicy, sc.nodeTaintsPolicy],
    [2, '', 'ScheduleAnyway', 1, 'Honor', 'Ignore'],
  );
});

test('a pod without name or namespace is named "" in namespace default, keyed default/', () => {
  const p = new PodInfo({ metadata: {} });
  assert.deepEqual([p.name, p.namespace, p.key, p.nodeName, p.hostPorts, p.images], ['', 'default', 'default/', '', [], []]);
});

test('a bad labelSelector operator of a spread constraint is reported under its field path', () => {
  assert.throws(() => spreadPod({ ...base, labelSelector: { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] } }), {
    name: 'InvalidObjectError',
    field: 'spec.topologySpreadConstraints[0].labelSelector.matchExpressions[0].operator',
  });
});

test('the controller uid comes from the owner marked controller, and is "" when no owner is', () => {
  const owner = (uid: string, controller?: boolean) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: uid, uid, ...(controller === undefined ? {} : { controller }) });
  const uidOf = (ownerReferences: ReturnType<typeof owner>[]) => new PodInfo({ metadata: { name: 'p', ownerReferences } }).controllerUid;
  assert.deepEqual([uidOf([owner('a'), owner('b', true)]), uidOf([owner('a'), owner('b', false)]), uidOf([])], ['b', '', '']);
});

test('only ports with a hostPort above 0 are host ports, with 0.0.0.0 and TCP as defaults', () => {
  const p = new PodInfo({
    metadata: { name: 'p' },
    spec: { containers: [{ name: 'a', ports: [{ containerPort: 80, hostPort: 0 }, { containerPort: 81 }] }, { name: 'b', ports: [{ containerPort: 53, hostPort: 53, protocol: 'UDP', hostIP: '10.0.0.1' }, { containerPort: 8080, hostPort: 8080 }] }] },
  });
  assert.deepEqual(p.hostPorts, [{ ip: '10.0.0.1', protocol: 'UDP', port: 53 }, { ip: '0.0.0.0', protocol: 'TCP', port: 8080 }]);
});

test('a pod without required node affinity has no raw terms and no required-terms flag', () => {
  for (const affinity of [undefined, { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [] } }]) {
    const p = new PodInfo({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c' }], affinity } });
    assert.deepEqual([p.hasRequiredNodeAffinityTerms, p.rawRequiredNodeTerms, p.requiredNodeAffinity.isEmpty], [false, [], true]);
  }
});

const gt = { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] };
const affinityErrors = [
  { name: 'a bad required pod affinity selector names its field', affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: gt, topologyKey: 'zone' }] } }, field: 'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].operator' },
  { name: 'a bad required pod anti-affinity selector names its field', affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: gt, topologyKey: 'zone' }] } }, field: 'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].operator' },
  { name: 'a bad preferred pod affinity selector names its field', affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: { labelSelector: gt, topologyKey: 'zone' } }] } }, field: 'spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector.matchExpressions[0].operator' },
  { name: 'a bad preferred pod anti-affinity selector names its field', affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: { labelSelector: gt, topologyKey: 'zone' } }] } }, field: 'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector.matchExpressions[0].operator' },
];
for (const c of affinityErrors) {
  test(c.name, () => assert.throws(() => new PodInfo({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c' }], affinity: c.affinity } }), { name: 'InvalidObjectError', field: c.field }));
}
