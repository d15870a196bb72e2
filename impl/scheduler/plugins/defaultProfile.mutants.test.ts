// The default profile as built: upstream's plugin order per extension point and score weights,
// and the error for a plugin name the registry does not know.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFramework, DEFAULT_PROFILE } from './defaultProfile.ts';
import { SchedulerError } from '../framework/status.ts';
import { registry } from './registry.ts';
import * as names from './names.ts';
import { makeNode, makePod, runFilter } from '../testing/fixtures.ts';

test('the default framework filters in upstream\'s order', () => {
  assert.deepEqual(buildFramework().filter.map((p) => p.name), [
    'NodeUnschedulable', 'NodeName', 'TaintToleration', 'NodeAffinity', 'NodePorts',
    'NodeResourcesFit', 'PodTopologySpread', 'InterPodAffinity',
  ]);
});

test('the default framework pre-filters with the plugins that have a PreFilter', () => {
  assert.deepEqual(buildFramework().preFilter.map((p) => p.name), ['NodeAffinity', 'NodePorts', 'PodTopologySpread', 'InterPodAffinity']);
});

test('the default framework scores with upstream\'s weights', () => {
  assert.deepEqual(buildFramework().score.map((s) => [s.plugin.name, s.weight]), [
    ['TaintToleration', 3], ['NodeAffinity', 2], ['NodeResourcesFit', 1], ['PodTopologySpread', 2],
    ['InterPodAffinity', 2], ['NodeResourcesBalancedAllocation', 1], ['ImageLocality', 1],
  ]);
});

test('a profile plugin without a weight scores with weight 1', () => {
  assert.deepEqual(buildFramework([{ name: 'ImageLocality' }]).score.map((s) => s.weight), [1]);
});

test('a profile passes its args to the plugin factory', () => {
  const fw = buildFramework([{ name: 'NodeResourcesFit', args: { ignoredResources: ['example.com/gpu'] } }]);
  const got = runFilter(fw.filter[0], [makeNode('n')], [], makePod('p', { requests: { 'example.com/gpu': '1' } }));
  assert.deepEqual(got.n.reasons, []);
});

test('an unknown plugin name throws a SchedulerError naming it', () => {
  assert.throws(() => buildFramework([{ name: 'NoSuchPlugin' }]), (e: unknown) => e instanceof SchedulerError && e.message === 'plugin "NoSuchPlugin" does not exist');
});

test('every name in names.ts is registered under that name and builds a plugin of that name', () => {
  const all = Object.values(names);
  assert.deepEqual(Object.keys(registry).sort(), [...all].sort());
  for (const n of all) assert.equal(registry[n]().name, n);
  assert.deepEqual(DEFAULT_PROFILE.map((p) => p.name).sort(), [...all].sort());
});

test('plugin names are upstream\'s', () => {
  assert.deepEqual({ ...names }, {
    NodeName: 'NodeName', NodeUnschedulable: 'NodeUnschedulable', TaintToleration: 'TaintToleration', NodeAffinity: 'NodeAffinity',
    NodePorts: 'NodePorts', NodeResourcesFit: 'NodeResourcesFit', NodeResourcesBalancedAllocation: 'NodeResourcesBalancedAllocation',
    PodTopologySpread: 'PodTopologySpread', InterPodAffinity: 'InterPodAffinity', ImageLocality: 'ImageLocality',
  });
});
