import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultServicePort, findPort } from './findPort.ts';
import type { Container, Pod } from './types.ts';

// The cases of upstream's TestFindPort, plus protocol and sidecar rules.
const cases: { name: string; containers: Container[]; init?: Container[]; target: number | string; protocol?: string; want: number | undefined }[] = [
  { name: 'a numeric target port is used even when the pod declares no ports', containers: [{}], target: 93, want: 93 },
  {
    name: 'a numeric target port is used even when it is not declared',
    containers: [{ ports: [{ containerPort: 11, protocol: 'TCP' }, { name: 'p', containerPort: 22, protocol: 'TCP' }] }],
    target: 93,
    want: 93,
  },
  { name: 'a named target port on a pod without ports is not found', containers: [{}], target: 'p', want: undefined },
  {
    name: 'a named target port is found among one container ports',
    containers: [{ ports: [{ containerPort: 11, protocol: 'UDP' }, { name: 'p', containerPort: 22, protocol: 'TCP' }, { name: 'q', containerPort: 33, protocol: 'TCP' }] }],
    target: 'q',
    want: 33,
  },
  {
    name: 'a named target port is found in a later container',
    containers: [{}, { ports: [{ name: 'p', containerPort: 22 }, { name: 'q', containerPort: 33 }] }],
    target: 'q',
    want: 33,
  },
  { name: 'a named port of another protocol does not match', containers: [{ ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }] }], target: 'dns', want: undefined },
  { name: 'a port declared without protocol is TCP', containers: [{ ports: [{ name: 'web', containerPort: 80 }] }], target: 'web', want: 80 },
  { name: 'a numeric string is a name, not a number', containers: [{ ports: [{ containerPort: 8080 }] }], target: '8080', want: undefined },
  {
    name: 'a sidecar port counts, a plain init container port does not',
    containers: [{}],
    init: [{ name: 'once', ports: [{ name: 'x', containerPort: 1 }] }, { name: 'side', restartPolicy: 'Always', ports: [{ name: 'x', containerPort: 2 }] }],
    target: 'x',
    want: 2,
  },
];

for (const c of cases) {
  test(c.name, () => {
    const pod: Pod = { metadata: { name: 'p' }, spec: { containers: c.containers, ...(c.init ? { initContainers: c.init } : {}) } };
    assert.equal(findPort(pod, defaultServicePort({ port: 80, targetPort: c.target, protocol: c.protocol ?? 'TCP' })), c.want);
  });
}

test('an absent, zero or empty target port defaults to the service port', () => {
  for (const targetPort of [undefined, 0, '']) assert.equal(defaultServicePort({ port: 80, targetPort }).targetPort, 80);
});
