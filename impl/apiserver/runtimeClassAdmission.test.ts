// RuntimeClass admission and validation through the API handler: a pod gets its class's overhead,
// and never brings its own (upstream's plugin/pkg/admission/runtimeclass).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryStore } from '../store/index.ts';
import { createApiHandler } from './apiHandler.ts';

const RC_PATH = '/apis/node.k8s.io/v1/runtimeclasses';
const POD_PATH = '/api/v1/namespaces/default/pods';

async function server() {
  const handler = await createApiHandler(memoryStore());
  return async (method: string, url: string, body?: unknown): Promise<{ status: number; body: any }> => {
    const reply = await handler.handle({ method, url, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : Buffer.from(JSON.stringify(body)) });
    if (!('body' in reply)) throw new Error(`${method} ${url} answered with a watch`);
    return { status: reply.status, body: JSON.parse(reply.body) };
  };
}

const pod = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'web' }) => ({
  apiVersion: 'v1', kind: 'Pod', metadata, spec: { containers: [{ name: 'web', image: 'web:1' }], ...spec },
});
const kata = { apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: { name: 'kata' }, handler: 'kata', overhead: { podFixed: { cpu: '250m', memory: '120Mi' } } };
const runc = { apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: { name: 'runc' }, handler: 'runc' };

const cases: { name: string; spec: Record<string, unknown>; metadata?: Record<string, unknown>; status: number; overhead?: unknown; message?: string }[] = [
  { name: 'a pod naming a class with overhead gets that overhead', spec: { runtimeClassName: 'kata' }, status: 201, overhead: { cpu: '250m', memory: '120Mi' } },
  { name: 'a pod may repeat its class overhead in another spelling', spec: { runtimeClassName: 'kata', overhead: { cpu: '0.25', memory: '120Mi' } }, status: 201, overhead: { cpu: '250m', memory: '120Mi' } },
  { name: 'a pod naming a class without overhead gets none', spec: { runtimeClassName: 'runc' }, status: 201, overhead: undefined },
  { name: 'a pod without a class and without overhead is admitted as it is', spec: {}, status: 201, overhead: undefined },
  { name: 'an empty overhead counts as none', spec: { overhead: {} }, status: 201, overhead: {} },
  {
    name: 'an overhead without a runtime class is refused',
    spec: { overhead: { cpu: '600m' } }, status: 403,
    message: 'pods "web" is forbidden: pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead',
  },
  {
    name: 'an overhead with a class that defines none is refused',
    spec: { runtimeClassName: 'runc', overhead: { cpu: '600m' } }, status: 403,
    message: 'pods "web" is forbidden: pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead',
  },
  {
    name: 'an overhead other than the class overhead is refused',
    spec: { runtimeClassName: 'kata', overhead: { cpu: '600m' } }, status: 403,
    message: "pods \"web\" is forbidden: pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead",
  },
  {
    name: 'a class that does not exist is refused',
    spec: { runtimeClassName: 'gvisor' }, status: 403,
    message: 'pods "web" is forbidden: pod rejected: RuntimeClass "gvisor" not found',
  },
  {
    name: 'a pod with generateName is refused without a name',
    spec: { runtimeClassName: 'gvisor' }, metadata: { generateName: 'web-' }, status: 403,
    message: 'pods is forbidden: pod rejected: RuntimeClass "gvisor" not found',
  },
  {
    name: 'a negative overhead is invalid before admission judges it',
    spec: { overhead: { cpu: '-1' } }, status: 422,
    message: 'Pod "web" is invalid: spec.overhead.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0',
  },
];

for (const c of cases) {
  test(c.name, async () => {
    const api = await server();
    assert.equal((await api('POST', RC_PATH, kata)).status, 201);
    assert.equal((await api('POST', RC_PATH, runc)).status, 201);
    const reply = await api('POST', POD_PATH, pod(c.spec, c.metadata));
    assert.equal(reply.status, c.status, JSON.stringify(reply.body));
    if (c.message !== undefined) assert.equal(reply.body.message, c.message);
    if (c.status === 201) assert.deepEqual(reply.body.spec.overhead, c.overhead);
  });
}

const classCases: { name: string; rc: Record<string, unknown>; message: string }[] = [
  {
    name: 'a runtime class needs a DNS label as handler',
    rc: { metadata: { name: 'bad' }, handler: 'Not_A_Label' },
    message: 'RuntimeClass.node.k8s.io "bad" is invalid: handler: Invalid value: "Not_A_Label": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')',
  },
  {
    name: 'a runtime class overhead may not be negative',
    rc: { metadata: { name: 'bad' }, handler: 'bad', overhead: { podFixed: { memory: '-1Mi' } } },
    message: 'RuntimeClass.node.k8s.io "bad" is invalid: overhead.limits[memory]: Invalid value: "-1Mi": must be greater than or equal to 0',
  },
];

for (const c of classCases) {
  test(c.name, async () => {
    const api = await server();
    const reply = await api('POST', RC_PATH, { apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', ...c.rc });
    assert.equal(reply.status, 422, JSON.stringify(reply.body));
    assert.equal(reply.body.message, c.message);
  });
}

test('the handler of a runtime class cannot change', async () => {
  const api = await server();
  const made = (await api('POST', RC_PATH, runc)).body;
  const reply = await api('PUT', `${RC_PATH}/runc`, { ...made, handler: 'crun' });
  assert.equal(reply.status, 422);
  assert.equal(reply.body.message, 'RuntimeClass.node.k8s.io "runc" is invalid: handler: Invalid value: "crun": field is immutable');
});
