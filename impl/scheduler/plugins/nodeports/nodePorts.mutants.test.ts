// NodePorts' PreFilter (Skip for pods without host ports) and a pod with several host ports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cluster, makeNode, makePod, runFilter } from '../../testing/fixtures.ts';
import { PodInfo } from '../../framework/podInfo.ts';
import { newNodePorts, REASON } from './nodePorts.ts';

const withPorts = (name: string, ports: object[], node?: string) => makePod(name, { node, spec: { containers: [{ name: 'c', image: 'i', ports }] } });

const preFilterCases = [
  { name: 'a pod without host ports is skipped at PreFilter', ports: [{ containerPort: 80 }], want: 'Skip' },
  { name: 'a pod with a host port goes on to Filter', ports: [{ containerPort: 80, hostPort: 8080 }], want: null },
];
for (const c of preFilterCases) {
  test(c.name, () => {
    const got = newNodePorts().preFilter(cluster([makeNode('n')]).state(), new PodInfo(withPorts('p', c.ports)));
    assert.equal(got?.status?.code ?? null, c.want);
  });
}

const filterCases = [
  { name: 'one conflicting port among several rejects the node', wanted: [{ hostPort: 81 }, { hostPort: 80 }], fits: false },
  { name: 'several free ports fit', wanted: [{ hostPort: 81 }, { hostPort: 82 }], fits: true },
];
for (const c of filterCases) {
  test(c.name, () => {
    const got = runFilter(newNodePorts(), [makeNode('n')], [withPorts('old', [{ hostPort: 80 }], 'n')], withPorts('new', c.wanted));
    assert.deepEqual(got.n, c.fits ? { code: 'Success', reasons: [] } : { code: 'Unschedulable', reasons: [REASON] });
  });
}

test('the reason is upstream\'s text', () => assert.equal(REASON, "node(s) didn't have free ports for the requested pod ports"));
