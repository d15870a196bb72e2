// The scale subresource through the API handler: the Scale of deployments, replicasets and
// replicationcontrollers, replicas changed by PUT and by every patch type, and upstream's errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApi, type TestApi } from './testApi.ts';

const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments';
const SCALE = `${DEPLOYMENTS}/web/scale`;
const template = (labels: Record<string, string>) => ({ metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx:1.24' }] } });
const deployment = (selector: Record<string, unknown> = { matchLabels: { app: 'web' } }) => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector, template: template({ app: 'web', tier: 'fe' }) },
});

/** A server holding deployment `web` (2 replicas); returns the API and the deployment as created. */
async function withDeployment(selector?: Record<string, unknown>): Promise<{ api: TestApi; created: any }> {
  const api = await testApi();
  const created = await api('POST', DEPLOYMENTS, deployment(selector));
  assert.equal(created.status, 201);
  return { api, created: created.body };
}

const conflictOn = (resource: string, name: string, why: string) => `Operation cannot be fulfilled on ${resource} "${name}": ${why}`;
const STALE = 'the object has been modified; please apply your changes to the latest version and try again';

const cases: { name: string; run(): Promise<void> }[] = [
  {
    name: 'discovery lists the scale subresources as autoscaling/v1 Scale with get, patch and update',
    async run() {
      const api = await testApi();
      const entries = [...(await api('GET', '/apis/apps/v1')).body.resources, ...(await api('GET', '/api/v1')).body.resources].filter((r: any) => r.name.endsWith('/scale'));
      assert.deepEqual(entries.map((r: any) => [r.name, r.group, r.version, r.kind, r.verbs.join(','), r.namespaced]), [
        ['replicasets/scale', 'autoscaling', 'v1', 'Scale', 'get,patch,update', true],
        ['deployments/scale', 'autoscaling', 'v1', 'Scale', 'get,patch,update', true],
        ['replicationcontrollers/scale', 'autoscaling', 'v1', 'Scale', 'get,patch,update', true],
      ]);
    },
  },
  {
    name: 'GET returns the Scale of a deployment with its replicas, identity and selector as a string',
    async run() {
      const { api, created } = await withDeployment({ matchLabels: { tier: 'fe', app: 'web' }, matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['qa', 'dev'] }] });
      const reply = await api('GET', SCALE);
      assert.equal(reply.status, 200);
      const m = created.metadata;
      assert.deepEqual(reply.body, {
        kind: 'Scale', apiVersion: 'autoscaling/v1',
        metadata: { name: 'web', namespace: 'default', uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
        spec: { replicas: 2 }, status: { replicas: 0, selector: 'app=web,env notin (dev,qa),tier=fe' },
      });
    },
  },
  {
    name: 'PUT sets spec.replicas only, bumps the generation and answers with the new Scale',
    async run() {
      const { api, created } = await withDeployment();
      const scale = (await api('GET', SCALE)).body;
      const reply = await api('PUT', SCALE, { ...scale, spec: { replicas: 5 }, status: { replicas: 99 } });
      assert.equal(reply.status, 200);
      assert.deepEqual([reply.body.spec.replicas, reply.body.status.replicas], [5, 0]);
      const stored = (await api('GET', `${DEPLOYMENTS}/web`)).body;
      assert.deepEqual([stored.spec.replicas, stored.metadata.generation, stored.metadata.resourceVersion], [5, 2, reply.body.metadata.resourceVersion]);
      assert.deepEqual(stored.spec.template, created.spec.template);
    },
  },
  {
    name: 'PUT with a stale resourceVersion is a Conflict on the deployment; without one it is unconditional',
    async run() {
      const { api } = await withDeployment();
      const scale = (await api('GET', SCALE)).body;
      assert.equal((await api('PUT', SCALE, { ...scale, spec: { replicas: 3 } })).status, 200);
      const stale = await api('PUT', SCALE, { ...scale, spec: { replicas: 4 } });
      assert.deepEqual([stale.status, stale.body.reason, stale.body.message], [409, 'Conflict', conflictOn('deployments.apps', 'web', STALE)]);
      const { resourceVersion: _, ...metadata } = scale.metadata;
      assert.equal((await api('PUT', SCALE, { ...scale, metadata, spec: { replicas: 4 } })).body.spec.replicas, 4);
    },
  },
  ...(
    [
      ['application/merge-patch+json', { spec: { replicas: 4 } }],
      ['application/strategic-merge-patch+json', { spec: { replicas: 4 } }],
      ['application/json-patch+json', [{ op: 'replace', path: '/spec/replicas', value: 4 }]],
    ] as const
  ).map(([contentType, patch]) => ({
    name: `a ${contentType} PATCH sets the replicas`,
    async run() {
      const { api } = await withDeployment();
      const reply = await api('PATCH', SCALE, patch, contentType);
      assert.deepEqual([reply.status, reply.body.kind, reply.body.spec.replicas], [200, 'Scale', 4]);
      assert.equal((await api('GET', `${DEPLOYMENTS}/web`)).body.spec.replicas, 4);
    },
  })),
  {
    name: 'a PATCH carrying a stale resourceVersion is a Conflict',
    async run() {
      const { api, created } = await withDeployment();
      await api('PATCH', SCALE, { spec: { replicas: 3 } }, 'application/merge-patch+json');
      const reply = await api('PATCH', SCALE, { metadata: { resourceVersion: created.metadata.resourceVersion }, spec: { replicas: 1 } }, 'application/merge-patch+json');
      assert.deepEqual([reply.status, reply.body.message], [409, conflictOn('deployments.apps', 'web', STALE)]);
    },
  },
  {
    name: 'negative replicas are Invalid on the Scale kind with the field cause',
    async run() {
      const { api } = await withDeployment();
      const reply = await api('PATCH', SCALE, { spec: { replicas: -1 } }, 'application/merge-patch+json');
      assert.deepEqual([reply.status, reply.body.reason], [422, 'Invalid']);
      assert.equal(reply.body.message, 'Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
      assert.deepEqual(reply.body.details.causes, [{ reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.replicas' }]);
    },
  },
  {
    name: 'replicas that are not an int32 cannot be decoded',
    async run() {
      const { api } = await withDeployment();
      const reply = await api('PATCH', SCALE, { spec: { replicas: 'three' } }, 'application/merge-patch+json');
      assert.deepEqual([reply.status, reply.body.message], [400, 'Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal string into Go struct field ScaleSpec.spec.replicas of type int32']);
    },
  },
  {
    name: 'a missing deployment is NotFound as the deployment on GET and as its scale on update',
    async run() {
      const api = await testApi();
      const get = await api('GET', `${DEPLOYMENTS}/nope/scale`);
      assert.deepEqual([get.status, get.body.message], [404, 'deployments.apps "nope" not found']);
      const patch = await api('PATCH', `${DEPLOYMENTS}/nope/scale`, { spec: { replicas: 1 } }, 'application/merge-patch+json');
      assert.deepEqual([patch.status, patch.body.message, patch.body.details.kind], [404, 'deployments/scale.apps "nope" not found', 'deployments/scale']);
    },
  },
  {
    name: 'a foreign uid is a failed precondition on the scale',
    async run() {
      const { api, created } = await withDeployment();
      const reply = await api('PATCH', SCALE, { metadata: { uid: 'other' }, spec: { replicas: 1 } }, 'application/merge-patch+json');
      const why = `Precondition failed: UID in precondition: other, UID in object meta: ${created.metadata.uid}`;
      assert.deepEqual([reply.status, reply.body.message], [409, conflictOn('deployments/scale.apps', 'web', why)]);
    },
  },
  {
    name: 'a PUT body of another kind or name is a BadRequest',
    async run() {
      const { api } = await withDeployment();
      const kind = await api('PUT', SCALE, deployment());
      assert.deepEqual([kind.status, kind.body.message], [400, 'the object provided is unrecognized (must be of type Scale): Deployment in version "apps/v1"']);
      const name = await api('PUT', SCALE, { kind: 'Scale', apiVersion: 'autoscaling/v1', metadata: { name: 'other' }, spec: { replicas: 1 } });
      assert.deepEqual([name.status, name.body.message], [400, 'the name of the object (other) does not match the name on the URL (web)']);
    },
  },
  {
    name: 'scale serves only GET, PUT and PATCH, and only on the workload kinds',
    async run() {
      const { api } = await withDeployment();
      assert.equal((await api('DELETE', SCALE)).status, 405);
      assert.equal((await api('GET', '/api/v1/namespaces/default/pods/p/scale')).status, 404);
    },
  },
  {
    name: 'a replicaset and a replicationcontroller scale the same way; the controller selector is a sorted map',
    async run() {
      const api = await testApi();
      const rs = { metadata: { name: 'x' }, spec: { replicas: 1, selector: { matchLabels: { app: 'x' } }, template: template({ app: 'x' }) } };
      assert.equal((await api('POST', '/apis/apps/v1/namespaces/default/replicasets', rs)).status, 201);
      const rsScale = await api('PATCH', '/apis/apps/v1/namespaces/default/replicasets/x/scale', { spec: { replicas: 2 } }, 'application/merge-patch+json');
      assert.deepEqual([rsScale.status, rsScale.body.spec.replicas, rsScale.body.status.selector], [200, 2, 'app=x']);
      const rc = { metadata: { name: 'y' }, spec: { template: template({ tier: 'fe', app: 'y' }) } };
      assert.equal((await api('POST', '/api/v1/namespaces/default/replicationcontrollers', rc)).status, 201);
      const rcScale = await api('GET', '/api/v1/namespaces/default/replicationcontrollers/y/scale');
      assert.deepEqual([rcScale.body.spec.replicas, rcScale.body.status.selector], [1, 'app=y,tier=fe']);
      const put = await api('PUT', '/api/v1/namespaces/default/replicationcontrollers/y/scale', { ...rcScale.body, spec: { replicas: 3 } });
      assert.deepEqual([put.status, put.body.spec.replicas], [200, 3]);
      const missing = await api('PUT', '/api/v1/namespaces/default/replicationcontrollers/z/scale', { metadata: { name: 'z' }, spec: { replicas: 3 } });
      assert.equal(missing.body.message, 'replicationcontrollers/scale "z" not found');
    },
  },
];

for (const c of cases) test(c.name, c.run);
