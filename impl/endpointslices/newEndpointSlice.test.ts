import { test } from 'node:test';
import assert from 'node:assert/strict';
import { service } from '../endpoints/_fixtures.ts';
import { newEndpointSlice, ownedBy, sliceLabels, slicePrefix } from './newEndpointSlice.ts';

const labelled = (labels: Record<string, string>, extra: Record<string, unknown> = {}) => {
  const svc = service('web', extra);
  svc.metadata.labels = labels;
  svc.metadata.uid = 'svc-uid';
  return svc;
};

test('a new slice mirrors the service labels, minus the reserved ones, and is owned by the service', () => {
  const slice = newEndpointSlice(labelled({ team: 'a', 'kubernetes.io/service-name': 'spoof' }), 'IPv4', [{ name: 'http', port: 8080, protocol: 'TCP' }]);
  assert.deepEqual(slice.metadata, {
    generateName: 'web-', namespace: 'default',
    labels: { team: 'a', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' },
    ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'svc-uid', controller: true, blockOwnerDeletion: true }],
  });
  assert.equal(slice.addressType, 'IPv4');
  assert.deepEqual(slice.endpoints, []);
});

test('a headless service gets the headless label', () => {
  assert.equal(sliceLabels({ metadata: {} }, labelled({}, { clusterIP: 'None' })).labels['service.kubernetes.io/headless'], '');
});

const changeCases: { name: string; slice: Record<string, string>; svc: Record<string, string>; want: boolean }[] = [
  { name: 'equal mirrored labels are no change', slice: { team: 'a', 'kubernetes.io/service-name': 'web' }, svc: { team: 'a' }, want: false },
  { name: 'an edited reserved label alone is no change', slice: { team: 'a', 'kubernetes.io/service-name': 'other' }, svc: { team: 'a' }, want: false },
  { name: 'a service label the slice lacks is a change', slice: {}, svc: { team: 'a' }, want: true },
  { name: 'a slice label the service lacks is a change', slice: { extra: 'x' }, svc: {}, want: true },
];
for (const c of changeCases) test(c.name, () => assert.equal(sliceLabels({ metadata: { labels: c.slice } }, labelled(c.svc)).changed, c.want));

test('ownership is by UID, kind Service and apiVersion v1', () => {
  const svc = labelled({});
  const slice = newEndpointSlice(svc, 'IPv4', []);
  assert.equal(ownedBy(slice, svc), true);
  assert.equal(ownedBy(slice, { ...svc, metadata: { ...svc.metadata, uid: 'new-uid' } }), false);
});

test('a name too long for a dash is its own prefix', () => {
  assert.equal(slicePrefix('a'.repeat(253)), 'a'.repeat(253));
  assert.equal(slicePrefix('web'), 'web-');
});
