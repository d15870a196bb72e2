import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeFromRow, parseAffinityTerm, parseHostPorts, parseNodeImages, parseTaints, parseTolerations, podFromRow } from './clusterTables.ts';
import { parseManifests } from './manifests.ts';

const cells: [string, () => unknown, unknown][] = [
  ['a taint with a value', () => parseTaints('dedicated=gpu:NoSchedule'), [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]],
  ['a taint without a value', () => parseTaints('spot:PreferNoSchedule'), [{ key: 'spot', effect: 'PreferNoSchedule' }]],
  ['an Equal toleration', () => parseTolerations('dedicated=gpu:NoSchedule'), [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }]],
  ['an Exists toleration', () => parseTolerations('dedicated:NoExecute'), [{ key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }]],
  ['a toleration for every effect', () => parseTolerations('dedicated=gpu'), [{ key: 'dedicated', operator: 'Equal', value: 'gpu' }]],
  ['the tolerate-everything toleration', () => parseTolerations('*'), [{ operator: 'Exists' }]],
  ['node images with sizes', () => parseNodeImages('nginx:1.25 (500Mi), redis (2G)'), [{ names: ['nginx:1.25'], sizeBytes: 500 * 2 ** 20 }, { names: ['redis'], sizeBytes: 2e9 }]],
  ['host ports', () => parseHostPorts('80, 53/UDP, 10.0.0.1:8080/TCP'), [
    { containerPort: 80, hostPort: 80, protocol: 'TCP' },
    { containerPort: 53, hostPort: 53, protocol: 'UDP' },
    { containerPort: 8080, hostPort: 8080, protocol: 'TCP', hostIP: '10.0.0.1' },
  ]],
  ['an affinity term by zone', () => parseAffinityTerm('app=web by zone', 'affinity'), { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'topology.kubernetes.io/zone' }],
  ['a node with defaults, a zone and a cordon', () => nodeFromRow({ name: 'n', zone: 'z', unschedulable: 'yes' }), {
    apiVersion: 'v1', kind: 'Node', metadata: { name: 'n', labels: { 'kubernetes.io/hostname': 'n', 'topology.kubernetes.io/zone': 'z' } },
    spec: { unschedulable: true }, status: { capacity: { cpu: '4', memory: '8Gi', pods: '110' }, allocatable: { cpu: '4', memory: '8Gi', pods: '110' } },
  }],
  ['a running pod of a ReplicaSet with requests', () => podFromRow({ name: 'p', node: 'n', cpu: '1', extended: 'example.com/gpu=1', owner: 'ReplicaSet/web', labels: 'app=web' }), {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'p', labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'uid-replicaset-web', controller: true }] },
    spec: { containers: [{ name: 'app', image: 'registry.k8s.io/pause:3.9', resources: { requests: { cpu: '1', 'example.com/gpu': '1' } } }], nodeName: 'n' },
  }],
];

for (const [name, run, want] of cells) test(`clusterTables reads ${name}`, () => assert.deepEqual(run(), want));

const errors: [string, () => unknown, RegExp][] = [
  ['a taint without an effect', () => parseTaints('dedicated=gpu'), /column "taints": "dedicated=gpu" is not key\[=value\]:Effect/],
  ['a misspelt effect', () => parseTolerations('a:NoSchedul'), /column "tolerations": "a:NoSchedul"/],
  ['an image without a size', () => parseNodeImages('nginx'), /column "images": "nginx"/],
  ['an unknown column', () => podFromRow({ name: 'p', colour: 'red' }), /pod table: unknown column\(s\) colour/],
  ['a pod manifest with a bad operator and quantity, by field path', () => parseManifests('apiVersion: v1\nkind: Pod\nmetadata: { name: x }\nspec:\n  containers: [{ name: c, resources: { requests: { cpu: lots } } }]\n  tolerations: [{ key: a, operator: Equals }]\n'),
    /^(?=.*spec\.tolerations\[0\]\.operator: Unsupported value: must be one of "Equal", "Exists")(?=.*spec\.containers\[0\]\.resources\.requests\.cpu: must match pattern)/],
  ['a node manifest with a taint lacking its effect', () => parseManifests('apiVersion: v1\nkind: Node\nmetadata: { name: n }\nspec: { taints: [{ key: a }] }\n'), /spec\.taints\[0\]\.effect: Required value/],
];

for (const [name, run, want] of errors) test(`clusterTables rejects ${name}`, () => assert.throws(run, want));
