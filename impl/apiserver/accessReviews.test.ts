// The review APIs through the API handler: access reviews are allowed (no authorizer), rules are
// `*`, SelfSubjectReview names the authenticated user, and discovery lists them as create-only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryStore } from '../store/index.ts';
import { createApiHandler } from './apiHandler.ts';
import { ALLOWED_REASON } from './accessReviews.ts';
import { SERVICE_ACCOUNT_NAME_ANNOTATION, SERVICE_ACCOUNT_TOKEN_TYPE } from './authenticate.ts';

const ADMIN_TOKEN = 'admin-token';
const ROBOT_TOKEN = 'robot-token';
const SSAR = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';
const SSRR = '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews';
const SSR = '/apis/authentication.k8s.io/v1/selfsubjectreviews';

type Call = (method: string, url: string, body?: unknown, token?: string) => Promise<{ status: number; body: any }>;

async function server(): Promise<Call> {
  const handler = await createApiHandler(memoryStore(), { authentication: { adminToken: ADMIN_TOKEN } });
  const call: Call = async (method, url, body, token = ADMIN_TOKEN) => {
    const reply = await handler.handle({ method, url, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: body === undefined ? undefined : Buffer.from(JSON.stringify(body)) });
    if (!('body' in reply)) throw new Error('a watch');
    return { status: reply.status, body: JSON.parse(reply.body) };
  };
  const secret = { type: SERVICE_ACCOUNT_TOKEN_TYPE, metadata: { name: 'robot-token', annotations: { [SERVICE_ACCOUNT_NAME_ANNOTATION]: 'robot' } }, data: { token: Buffer.from(ROBOT_TOKEN).toString('base64') } };
  assert.equal((await call('POST', '/api/v1/namespaces/default/secrets', secret)).status, 201);
  return call;
}

const review = (kind: string, group: string, spec: unknown) => ({ kind, apiVersion: `${group}/v1`, metadata: { creationTimestamp: null }, spec });
const access = (spec: unknown) => review('SelfSubjectAccessReview', 'authorization.k8s.io', spec);

const cases: { name: string; run(call: Call): Promise<void> }[] = [
  {
    name: 'a SelfSubjectAccessReview of a resource or a non-resource path is allowed, says why, and echoes the spec',
    async run(call) {
      const attributes = { namespace: 'default', verb: 'create', resource: 'pods' };
      const reply = await call('POST', SSAR, access({ resourceAttributes: attributes }));
      assert.equal(reply.status, 201);
      assert.deepEqual(reply.body, { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: { creationTimestamp: null }, spec: { resourceAttributes: attributes }, status: { allowed: true, reason: ALLOWED_REASON } });
      const path = await call('POST', SSAR, access({ nonResourceAttributes: { path: '/healthz', verb: 'get' } }), ROBOT_TOKEN);
      assert.equal(path.body.status.allowed, true);
    },
  },
  {
    name: 'a SelfSubjectAccessReview with neither or both kinds of attributes is 422 with upstream\'s field errors',
    async run(call) {
      const neither = await call('POST', SSAR, access({}));
      assert.deepEqual([neither.status, neither.body.message], [422, '.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified']);
      const both = await call('POST', SSAR, access({ resourceAttributes: { verb: 'get' }, nonResourceAttributes: { path: '/x', verb: 'get' } }));
      assert.equal(both.body.message, '.authorization.k8s.io "" is invalid: spec.nonResourceAttributes: Invalid value: authorization.NonResourceAttributes{Path:"/x", Verb:"get"}: cannot be specified in combination with resourceAttributes');
    },
  },
  {
    name: 'a SelfSubjectRulesReview lists `*` rules for a namespace and is 400 without one',
    async run(call) {
      const rules = await call('POST', SSRR, review('SelfSubjectRulesReview', 'authorization.k8s.io', { namespace: 'default' }), ROBOT_TOKEN);
      assert.equal(rules.status, 201);
      assert.deepEqual(rules.body.status, { resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }], nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }], incomplete: false });
      const none = await call('POST', SSRR, review('SelfSubjectRulesReview', 'authorization.k8s.io', {}));
      assert.deepEqual([none.status, none.body.message], [400, 'no namespace on request']);
    },
  },
  {
    name: 'a SelfSubjectReview names the authenticated user: the admin, or a service account by its token',
    async run(call) {
      const body = review('SelfSubjectReview', 'authentication.k8s.io', undefined);
      const admin = await call('POST', SSR, body);
      assert.equal(admin.status, 201);
      assert.deepEqual(admin.body.status.userInfo, { username: 'kubernetes-admin', groups: ['system:masters', 'system:authenticated'] });
      assert.match(admin.body.metadata.creationTimestamp, /^\d{4}-\d\d-\d\dT/);
      const robot = await call('POST', SSR, body, ROBOT_TOKEN);
      assert.equal(robot.body.status.userInfo.username, 'system:serviceaccount:default:robot');
      assert.equal((await call('POST', SSR, body, 'wrong')).status, 401);
    },
  },
  {
    name: 'reviews are create-only, check the body\'s kind, and are listed in discovery with the verb create',
    async run(call) {
      assert.equal((await call('GET', SSAR)).status, 405);
      const wrongKind = await call('POST', SSAR, review('SelfSubjectReview', 'authorization.k8s.io', {}));
      assert.equal(wrongKind.status, 400);
      const groups = (await call('GET', '/apis')).body.groups.map((g: any) => g.name);
      assert.ok(groups.includes('authorization.k8s.io') && groups.includes('authentication.k8s.io'), groups.join());
      const authz = (await call('GET', '/apis/authorization.k8s.io/v1')).body.resources;
      assert.deepEqual(authz.map((r: any) => [r.name, r.kind, r.namespaced, r.verbs]), [
        ['selfsubjectaccessreviews', 'SelfSubjectAccessReview', false, ['create']],
        ['selfsubjectrulesreviews', 'SelfSubjectRulesReview', false, ['create']],
      ]);
      assert.deepEqual((await call('GET', '/apis/authentication.k8s.io/v1')).body.resources.map((r: any) => r.name), ['selfsubjectreviews']);
    },
  },
];

for (const c of cases) test(c.name, async () => c.run(await server()));
