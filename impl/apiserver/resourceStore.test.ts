// Defaulting on update: a PUT or PATCH that replaces a pod template or pod spec gets the defaults
// a create gets, so re-sending the created manifest changes nothing (generation and template stay).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApi } from './testApi.ts';

const containers = () => [{ name: 'c', image: 'nginx:1.24', ports: [{ containerPort: 80 }] }];
const podTemplate = (labels: Record<string, string>) => ({ metadata: { labels }, spec: { containers: containers() } });
const workload = (name: string) => ({ metadata: { name }, spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: podTemplate({ app: name }) } });

/** The defaulted first container of what each kind keeps its pod spec in. */
const CONTAINER_DEFAULTS = { name: 'c', image: 'nginx:1.24', ports: [{ containerPort: 80, protocol: 'TCP' }], imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {} };

const KINDS: { kind: string; path: string; manifest: any; podSpec: (o: any) => any }[] = [
  { kind: 'Pod', path: '/api/v1/namespaces/default/pods', manifest: { metadata: { name: 'pod' }, spec: { containers: containers() } }, podSpec: (o) => o.spec },
  { kind: 'ReplicaSet', path: '/apis/apps/v1/namespaces/default/replicasets', manifest: workload('rs'), podSpec: (o) => o.spec.template.spec },
  { kind: 'Deployment', path: '/apis/apps/v1/namespaces/default/deployments', manifest: workload('deploy'), podSpec: (o) => o.spec.template.spec },
  { kind: 'ReplicationController', path: '/api/v1/namespaces/default/replicationcontrollers', manifest: { metadata: { name: 'rc' }, spec: { replicas: 2, template: podTemplate({ app: 'rc' }) } }, podSpec: (o) => o.spec.template.spec },
];

for (const { kind, path, manifest, podSpec } of KINDS) {
  const url = `${path}/${manifest.metadata.name}`;

  test(`a ${kind} replaced by PUT with its created manifest keeps its defaulted spec and generation`, async () => {
    const api = await testApi();
    const created = await api('POST', path, manifest);
    assert.equal(created.status, 201);
    const replaced = await api('PUT', url, manifest);
    assert.equal(replaced.status, 200);
    assert.deepEqual(podSpec(replaced.body).containers, [CONTAINER_DEFAULTS]);
    assert.deepEqual(replaced.body.spec, created.body.spec);
    assert.equal(replaced.body.metadata.generation, 1);
  });

  test(`a merge PATCH that replaces the ${kind}'s containers gets the container defaults`, async () => {
    const api = await testApi();
    await api('POST', path, manifest);
    const changed = [{ name: 'c', image: 'nginx', ports: [{ containerPort: 8080 }] }];
    const patch = kind === 'Pod' ? { spec: { containers: changed } } : { spec: { template: { spec: { containers: changed } } } };
    const patched = await api('PATCH', url, patch, 'application/merge-patch+json');
    assert.equal(patched.status, 200);
    assert.deepEqual(podSpec(patched.body).containers, [{ ...CONTAINER_DEFAULTS, image: 'nginx', imagePullPolicy: 'Always', ports: [{ containerPort: 8080, protocol: 'TCP' }] }]);
  });
}

const cases: { name: string; path: string; create: any; update: any; check(stored: any): void }[] = [
  {
    name: 'a Deployment updated without replicas or strategy gets 1 replica and the rolling update defaults',
    path: '/apis/apps/v1/namespaces/default/deployments', create: workload('web'),
    update: { ...workload('web'), spec: { ...workload('web').spec, replicas: undefined, strategy: { type: 'RollingUpdate' } } },
    check: (d) => assert.deepEqual([d.spec.replicas, d.spec.strategy, d.spec.revisionHistoryLimit, d.spec.progressDeadlineSeconds], [1, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } }, 10, 600]),
  },
  {
    name: 'a Recreate Deployment gets no rolling update parameters',
    path: '/apis/apps/v1/namespaces/default/deployments', create: workload('web'),
    update: { ...workload('web'), spec: { ...workload('web').spec, strategy: { type: 'Recreate' } } },
    check: (d) => assert.deepEqual(d.spec.strategy, { type: 'Recreate' }),
  },
  {
    name: 'a ReplicationController updated without selector or labels takes its template labels',
    path: '/api/v1/namespaces/default/replicationcontrollers', create: { metadata: { name: 'rc' }, spec: { template: podTemplate({ app: 'rc' }) } },
    update: { metadata: { name: 'rc' }, spec: { template: podTemplate({ app: 'rc', v: '2' }) } },
    check: (rc) => assert.deepEqual([rc.spec.selector, rc.metadata.labels, rc.spec.replicas], [{ app: 'rc', v: '2' }, { app: 'rc', v: '2' }, 1]),
  },
  {
    name: 'a Service updated without port protocols or target ports gets them',
    path: '/api/v1/namespaces/default/services', create: { metadata: { name: 'svc' }, spec: { ports: [{ port: 80 }] } },
    update: (created: any) => ({ ...created, spec: { ...created.spec, ports: [{ port: 81 }] } }),
    check: (svc) => assert.deepEqual(svc.spec.ports, [{ port: 81, protocol: 'TCP', targetPort: 81 }]),
  },
];

for (const c of cases)
  test(c.name, async () => {
    const api = await testApi();
    const created = await api('POST', c.path, c.create);
    assert.equal(created.status, 201);
    const body = typeof c.update === 'function' ? c.update(created.body) : JSON.parse(JSON.stringify(c.update));
    const updated = await api('PUT', `${c.path}/${c.create.metadata.name}`, body);
    assert.equal(updated.status, 200, JSON.stringify(updated.body));
    c.check(updated.body);
  });
