// Resource: which resource names are scalar (extended, hugepages, attachable volumes), how a
// ResourceList is read, and that clone() copies every field into an independent vector.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isScalarResourceName, Resource } from './resource.ts';

const names = [
  { name: 'an extended resource with a domain is scalar', resource: 'example.com/gpu', want: true },
  { name: 'a hugepages size is scalar', resource: 'hugepages-2Mi', want: true },
  { name: 'an attachable-volumes count is scalar', resource: 'attachable-volumes-aws-ebs', want: true },
  { name: 'a quota-style requests. name is not scalar', resource: 'requests.example.com/gpu', want: false },
  { name: 'an unprefixed unknown name is not scalar', resource: 'gpu', want: false },
  { name: 'a name that only ends with hugepages- is not scalar', resource: 'my-hugepages-', want: false },
  { name: 'a name that only ends with attachable-volumes- is not scalar', resource: 'x-attachable-volumes-', want: false },
];
for (const c of names) test(c.name, () => assert.equal(isScalarResourceName(c.resource), c.want));

test('fromList reads cpu in millicores, the rest in units, and skips names that are not scalar', () => {
  const r = Resource.fromList({ cpu: '1500m', memory: '1Ki', 'ephemeral-storage': '2k', pods: '3', 'hugepages-2Mi': '4Mi', gpu: '1' }, 'f');
  assert.deepEqual([r.milliCPU, r.memory, r.ephemeralStorage, r.allowedPodNumber], [1500, 1024, 2000, 3]);
  assert.deepEqual([...(r.scalar ?? [])], [['hugepages-2Mi', 4 * 1024 * 1024]]);
});

test('clone copies every field and the copy changes independently', () => {
  const r = Resource.fromList({ cpu: '2', memory: '1Gi', 'ephemeral-storage': '5', pods: '110', 'example.com/gpu': '2' }, 'f');
  const c = r.clone();
  assert.deepEqual([c.milliCPU, c.memory, c.ephemeralStorage, c.allowedPodNumber, c.scalarOf('example.com/gpu')], [2000, 1024 ** 3, 5, 110, 2]);
  c.addResource(r, 1);
  assert.deepEqual([r.milliCPU, r.scalarOf('example.com/gpu'), c.milliCPU, c.scalarOf('example.com/gpu')], [2000, 2, 4000, 4]);
});

const zero = [
  { name: 'a new Resource is zero', r: () => new Resource(), want: true },
  { name: 'an empty scalar map still counts as zero', r: () => Object.assign(new Resource(), { scalar: new Map() }), want: true },
  { name: 'any cpu makes it non-zero', r: () => Resource.fromList({ cpu: '1m' }, 'f'), want: false },
  { name: 'any memory makes it non-zero', r: () => Resource.fromList({ memory: '1' }, 'f'), want: false },
  { name: 'any ephemeral storage makes it non-zero', r: () => Resource.fromList({ 'ephemeral-storage': '1' }, 'f'), want: false },
  { name: 'any scalar resource makes it non-zero', r: () => Resource.fromList({ 'example.com/gpu': '1' }, 'f'), want: false },
];
for (const c of zero) test(c.name, () => assert.equal(c.r().isZero, c.want));

test('fromList reads null, undefined and non-objects as no resources', () => {
  for (const list of [null, undefined, 'cpu', 5]) assert.equal(Resource.fromList(list, 'f').isZero, true);
});
