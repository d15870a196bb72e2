import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeNode, makePod, runFilter } from '../../testing/fixtures.ts';
import { newNodePorts, REASON } from './nodePorts.ts';

const withPorts = (name: string, ports: object[], node?: string) =>
  makePod(name, { node, spec: { containers: [{ name: 'c', image: 'i', ports }] } });

const cases = [
  { name: 'a free host port fits', existing: [{ hostPort: 80, containerPort: 80 }], wanted: [{ hostPort: 8080, containerPort: 80 }], fits: true },
  { name: 'the same host port and protocol conflicts', existing: [{ hostPort: 80 }], wanted: [{ hostPort: 80 }], fits: false },
  { name: 'the same port on another protocol fits', existing: [{ hostPort: 53, protocol: 'UDP' }], wanted: [{ hostPort: 53, protocol: 'TCP' }], fits: true },
  { name: 'no protocol means TCP', existing: [{ hostPort: 53, protocol: 'TCP' }], wanted: [{ hostPort: 53 }], fits: false },
  { name: 'distinct host IPs do not conflict', existing: [{ hostPort: 80, hostIP: '10.0.0.1' }], wanted: [{ hostPort: 80, hostIP: '10.0.0.2' }], fits: true },
  { name: 'a wanted 0.0.0.0 conflicts with any IP', existing: [{ hostPort: 80, hostIP: '10.0.0.1' }], wanted: [{ hostPort: 80, hostIP: '0.0.0.0' }], fits: false },
  { name: 'an existing wildcard (no hostIP) conflicts with a specific IP', existing: [{ hostPort: 80 }], wanted: [{ hostPort: 80, hostIP: '10.0.0.2' }], fits: false },
  { name: 'container ports without hostPort never conflict', existing: [{ containerPort: 80 }], wanted: [{ containerPort: 80 }], fits: true },
];
for (const c of cases) {
  test(c.name, () => {
    const got = runFilter(newNodePorts(), [makeNode('n')], [withPorts('old', c.existing, 'n')], withPorts('new', c.wanted));
    assert.deepEqual(got.n.reasons, c.fits ? [] : [REASON]);
    if (!c.fits) assert.equal(got.n.code, 'Unschedulable');
  });
}

test('removing the pod that held the port frees it', async () => {
  const { cluster } = await import('../../testing/fixtures.ts');
  const { cache } = cluster([makeNode('n')], [withPorts('old', [{ hostPort: 80 }], 'n')]);
  assert.equal(cache.get('n')!.portConflicts('0.0.0.0', 'TCP', 80), true);
  cache.removePod('uid-default-old');
  assert.equal(cache.get('n')!.portConflicts('0.0.0.0', 'TCP', 80), false);
});
