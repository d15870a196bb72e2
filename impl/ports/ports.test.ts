import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatFieldError } from '../ipam/fieldError.ts';
import { loadLayout, type PortLayout } from './loadLayout.ts';
import { portConflicts, shiftLayout } from './portConflicts.ts';

for (const name of ['seed', 'upstream'] as const) {
  test(`the ${name} layout matches the schema and no two components of a node share a port`, () => {
    const got = loadLayout(name);
    assert.ok(got.ok, JSON.stringify(!got.ok && got.errors));
    assert.deepEqual(portConflicts(got.layout), []);
  });
}

const portsOf = (layout: PortLayout, component: string, node = 'master') =>
  layout.components.filter((c) => c.component === component && c.node === node).map((c) => c.port);

test('the upstream layout serves the scheduler on 10259 and the controller manager on 10257, without 8080', () => {
  const got = loadLayout('upstream');
  assert.ok(got.ok);
  assert.deepEqual(portsOf(got.layout, 'kube-scheduler'), [10259]);
  assert.deepEqual(portsOf(got.layout, 'kube-controller-manager'), [10257]);
  assert.deepEqual(portsOf(got.layout, 'kube-apiserver'), [6443]);
  assert.deepEqual(got.layout.removed?.map((r) => r.port).sort(), [10251, 10252, 10253, 10255, 4194, 8080].sort());
});

test('the seed layout keeps the insecure ports the seed documents list', () => {
  const got = loadLayout('seed');
  assert.ok(got.ok);
  assert.deepEqual(portsOf(got.layout, 'kube-apiserver'), [6443, 8080]);
  assert.deepEqual(portsOf(got.layout, 'kube-scheduler'), [10251]);
});

const bad: { name: string; yaml: string; want: string[] }[] = [
  {
    name: 'a port out of range and an unknown node role are schema errors with field paths',
    yaml: 'layout: x\ndescription: d\ncomponents:\n  - { node: master, component: a, port: 70000, purpose: p }\n  - { node: edge, component: b, port: 1, purpose: p }\n',
    want: ['components[0].port', 'components[1].node'],
  },
  { name: 'a document that is not YAML is reported, not thrown', yaml: 'layout: [', want: ['<root>'] },
];
for (const c of bad) {
  test(c.name, () => {
    const got = loadLayout({ yaml: c.yaml });
    assert.equal(got.ok, false);
    if (!got.ok) for (const field of c.want) assert.ok(got.errors.some((e) => e.field === field), `${field} in ${JSON.stringify(got.errors)}`);
  });
}

test('two components on one port of one node are reported; other nodes and protocols do not clash', () => {
  const layout: PortLayout = {
    layout: 'x',
    description: 'd',
    components: [
      { node: 'master', component: 'kubelet', port: 10250, purpose: 'p' },
      { node: 'worker', component: 'other', port: 10250, purpose: 'p' },
      { node: 'master', component: 'dns', port: 10250, protocol: 'UDP', purpose: 'p' },
      { node: 'master', component: 'kube-proxy', port: '10240-10260', purpose: 'p' },
      { node: 'master', component: 'bad', port: '20-10', purpose: 'p' },
    ],
  };
  assert.deepEqual(portConflicts(layout).map(formatFieldError), [
    'components[3].port: Invalid value: "10240-10260": already used by kubelet (components[0]) on master nodes',
    'components[4].port: Invalid value: "20-10": must be a range first-last with first <= last <= 65535',
  ]);
});

test('shifting a layout moves every port and range by the offset', () => {
  const got = loadLayout('upstream');
  assert.ok(got.ok);
  const shifted = shiftLayout(got.layout, 20000);
  assert.deepEqual(portsOf(shifted, 'kube-scheduler'), [30259]);
  assert.deepEqual(portsOf(shifted, 'etcd'), ['22379-22380']);
});
