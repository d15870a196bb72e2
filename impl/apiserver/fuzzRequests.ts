// Generated malformed and hostile requests for the API server's fuzz test. Every request that
// could write (POST, PUT, PATCH, DELETE) carries at least one defect that must make it fail —
// a body that does not parse or has wrong types, an invalid object, a stale precondition, a
// taken name, a missing namespace, an unsupported media type, a size over the limit — so that
// the stored state must come out unchanged. Reads (GET, HEAD) may be well-formed.
import fc from 'fast-check';

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Why this request must not change anything (for failure reports). */
  defect: string;
}

/** The seeded objects the requests aim at (see seedFuzzState). */
export const SEEDED = {
  namespace: 'fuzz-a',
  pods: [['default', 'web'], ['fuzz-a', 'web'], ['fuzz-a', 'api']] as const,
  node: 'node-1',
  missingNamespace: 'fuzz-missing',
};

const pod = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] }] }, ...extra,
});

const JSON_TYPE = { 'content-type': 'application/json' };
const json = (v: unknown) => Buffer.from(JSON.stringify(v));
const podPath = (ns: string, name?: string) => `/api/v1/namespaces/${ns}/pods${name ? `/${name}` : ''}`;
const seededPod = fc.constantFrom(...SEEDED.pods);
const anyString = fc.string({ unit: 'binary', maxLength: 40 });

/** Values of the wrong JSON type for a field, including huge and odd numbers. */
const wrongValue = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }), fc.constant(1e308));

/** Names that no object may have. */
const invalidName = fc.oneof(
  fc.constantFrom('Web', 'web_1', '-web', 'web-', '..', '.', 'a/b', 'a%2Fb', 'web..x', ' web', 'wéb', 'a'.repeat(254), '', 'web\u0000', 'UPPER'),
  fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(s)),
);

/** Strict prefixes of JSON texts: never valid JSON. */
const truncatedJson = fc.tuple(fc.constantFrom(JSON.stringify(pod('trunc')), '{"kind":"Pod","metadata":{"name":"x"}}', '[1,2,{"a":"b"}]'), fc.nat()).map(([t, n]) => t.slice(0, n % t.length));

const BROKEN_JSON = ['{', '}', '{"a":}', '{"a" "b"}', "{'a':1}", '{"a":1,}', 'nul', 'NaN', '{"a":1}{"b":2}', '\u0000', '{"metadata":{"name":"x"', '[', 'undefined', '{"a":"\\x"}'];
const BROKEN_YAML = ['a: [1, 2', 'key: "unterminated', 'a: b: c', '\t- tab', '*undefined', '{ a: 1', 'metadata:\n  name: x\n   bad: indent', '- a\nb: c', '? [a\n: b', '"\\q"'];

/** A nesting `depth` levels deep: arrays or objects. */
const deep = (depth: number, array: boolean) => Buffer.from(array ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth));

type Gen = fc.Arbitrary<FuzzRequest>;
const req = (method: string, path: string, defect: string, body?: Buffer, headers: Record<string, string> = JSON_TYPE): FuzzRequest => ({ method, path, headers, body, defect });
const writeMethod = fc.constantFrom('POST', 'PUT', 'PATCH');

/** Bodies that do not decode: broken JSON or YAML, truncated JSON, raw bytes, empty, too deep. */
const undecodable: Gen = fc.oneof(
  fc.tuple(writeMethod, seededPod, fc.oneof(fc.constantFrom(...BROKEN_JSON), truncatedJson)).map(([m, [ns, name], text]) =>
    req(m, podPath(ns, m === 'POST' ? undefined : name), 'body is not JSON', Buffer.from(text), m === 'PATCH' ? { 'content-type': 'application/merge-patch+json' } : JSON_TYPE)),
  fc.tuple(fc.constantFrom('POST', 'PUT'), fc.constantFrom(...BROKEN_YAML)).map(([m, text]) =>
    req(m, podPath(SEEDED.missingNamespace, m === 'PUT' ? 'web' : undefined), 'body is not YAML (and the namespace is missing)', Buffer.from(text), { 'content-type': 'application/yaml' })),
  fc.tuple(writeMethod, fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([m, bytes]) => req(m, podPath('default', m === 'POST' ? undefined : 'web'), 'raw bytes', Buffer.concat([Buffer.from('{'), Buffer.from(bytes)]))),
  fc.tuple(writeMethod, fc.constantFrom('', '   ', '\n')).map(([m, b]) => req(m, podPath('default', m === 'POST' ? undefined : 'web'), 'empty body', Buffer.from(b))),
  fc.tuple(fc.constantFrom('POST', 'PUT'), fc.integer({ min: 101, max: 5000 }), fc.boolean()).map(([m, d, a]) => req(m, podPath('default', m === 'PUT' ? 'web' : undefined), `nested ${d} deep`, deep(d, a))),
);

/** Well-formed JSON of the wrong shape: a wrong type at a field the decoder checks, or a non-object body. */
const wrongTypes: Gen = fc.oneof(
  fc.tuple(fc.constantFrom('POST', 'PUT'), fc.constantFrom('metadata', 'metadata.name', 'metadata.namespace', 'metadata.labels', 'metadata.annotations', 'metadata.finalizers', 'metadata.generation', 'spec', 'status', 'metadata.labels.app'), wrongValue)
    .filter(([, field, v]) => !(field === 'metadata.generation' && Number.isInteger(v)) && !(['metadata', 'spec', 'status', 'metadata.labels', 'metadata.annotations'].includes(field) && typeof v === 'object' && v !== null && !Array.isArray(v)) && !(field === 'metadata.namespace' && v === null) && !(['spec', 'status', 'metadata', 'metadata.labels', 'metadata.annotations', 'metadata.finalizers', 'metadata.generation'].includes(field) && v === null))
    .map(([m, field, v]) => {
      const body: any = pod('web', { metadata: { name: 'web', resourceVersion: '1', labels: { app: 'web' } } });
      const path = field.split('.');
      let at = body;
      for (const p of path.slice(0, -1)) at = at[p] ??= {};
      at[path[path.length - 1]] = v;
      return req(m, podPath('default', m === 'PUT' ? 'web' : undefined), `${field} is ${JSON.stringify(v)}`.slice(0, 80), json(body));
    }),
  fc.tuple(fc.constantFrom('POST', 'PUT'), fc.oneof(fc.integer(), fc.string(), fc.array(fc.integer()), fc.constant(null), fc.boolean())).map(([m, v]) =>
    req(m, podPath('default', m === 'PUT' ? 'web' : undefined), 'body is not an object', json(v))),
  fc.tuple(fc.constantFrom('Service', 'Node', 'Frob', ''), fc.constantFrom('v1', 'apps/v1', 'v2', '')).map(([kind, apiVersion]) =>
    req('POST', podPath('default'), `kind ${kind} in ${apiVersion}`, json({ ...pod('web'), kind, apiVersion }))),
  fc.tuple(seededPod, wrongValue.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))).map(([[ns, name], v]) =>
    req('PATCH', podPath(ns, name), 'merge patch is not an object', json(v), { 'content-type': 'application/merge-patch+json' })),
);

/** Objects that decode but break validation, so the create or update is 422. */
const invalidObjects: Gen = fc.oneof(
  fc.tuple(fc.constantFrom('POST', 'PUT'), invalidName).map(([m, name]) => req(m, podPath('default', m === 'PUT' ? encodeURIComponent(name) || 'x' : undefined), `invalid name ${JSON.stringify(name).slice(0, 40)}`, json(pod(name)))),
  fc.tuple(fc.integer().filter((p) => p < 1 || p > 65535), fc.boolean()).map(([port, put]) => {
    const body = pod(put ? 'web' : 'port-test', { metadata: { name: put ? 'web' : 'port-test', resourceVersion: put ? '1' : undefined } });
    body.spec.containers[0].ports[0].containerPort = port;
    return req(put ? 'PUT' : 'POST', podPath('fuzz-a', put ? 'web' : 'port-test'), `containerPort ${port}`, json(body));
  }),
  fc.tuple(fc.oneof(invalidName, fc.constant('a'.repeat(64))), anyString).map(([key, value]) => req('POST', podPath('default'), 'invalid label', json(pod('label-test', { metadata: { name: 'label-test', labels: { [key]: value + '!' } } })))),
  fc.constantFrom('metadata.name', 'spec.containers', 'spec.containers[0].image').map((missing) => {
    const body: any = pod('required-test');
    if (missing === 'metadata.name') delete body.metadata.name;
    else if (missing === 'spec.containers') body.spec.containers = [];
    else delete body.spec.containers[0].image;
    return req('POST', podPath('default'), `missing ${missing}`, json(body));
  }),
);

/** Well-formed writes that must be refused: taken names, missing namespaces, stale or wrong preconditions, protected namespaces. */
const doomedWrites: Gen = fc.oneof(
  seededPod.map(([ns, name]) => req('POST', podPath(ns), 'name taken', json(pod(name)))),
  fc.constantFrom('POST', 'PUT').map((m) => req(m, podPath(SEEDED.missingNamespace, m === 'PUT' ? 'web' : undefined), 'namespace missing', json(pod('web')))),
  fc.tuple(seededPod, fc.constantFrom('1', '2', '0', '-1', 'abc', '99999999999999999999')).map(([[ns, name], rv]) =>
    req('PUT', podPath(ns, name), `stale resourceVersion ${rv}`, json(pod(name, { metadata: { name, resourceVersion: rv, labels: { changed: 'yes' } } })))),
  fc.tuple(seededPod, fc.constantFrom('1', '3')).map(([[ns, name], rv]) =>
    req('PATCH', podPath(ns, name), 'merge patch with a stale resourceVersion', json({ metadata: { resourceVersion: rv, labels: { changed: 'yes' } } }), { 'content-type': 'application/merge-patch+json' })),
  fc.tuple(seededPod, fc.oneof(fc.record({ resourceVersion: fc.constantFrom('1', '2') }), fc.record({ uid: fc.uuid() }))).map(([[ns, name], preconditions]) =>
    req('DELETE', podPath(ns, name), `delete precondition ${JSON.stringify(preconditions)}`, json({ kind: 'DeleteOptions', apiVersion: 'v1', preconditions }))),
  fc.constantFrom('default', 'kube-system', 'kube-public').map((ns) => req('DELETE', `/api/v1/namespaces/${ns}`, 'protected namespace')),
  fc.constantFrom('a in (', '!!', 'a=b=c', '=x', 'a,,', 'a notin b').map((sel) => req('DELETE', `${podPath('fuzz-a')}?labelSelector=${encodeURIComponent(sel)}`, 'deletecollection with a malformed selector')),
  fc.constantFrom('spec.frob=1', 'metadata.name', 'a=b=c').map((sel) => req('DELETE', `${podPath('fuzz-a')}?fieldSelector=${encodeURIComponent(sel)}`, 'deletecollection with a malformed field selector')),
  seededPod.map(([ns, name]) => req('POST', `${podPath(ns, name)}/binding`, 'binding without a target', json({ apiVersion: 'v1', kind: 'Binding', metadata: { name } }))),
  fc.constantFrom('dryRun=x', 'dryRun=All&dryRun=x', 'dryRun=').map((q) => req('POST', `${podPath('default')}?${q}`, 'a dryRun value other than All', json(pod('dry')))),
);

/** Media types the server does not accept for the method. */
const badMediaTypes: Gen = fc.tuple(fc.constantFrom('POST', 'PUT', 'PATCH'), fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/vnd.kubernetes.protobuf', 'application/apply-patch+yaml', 'image/png', 'application/json-patch')).map(([m, type]) =>
  req(m, podPath('default', m === 'POST' ? undefined : 'web'), `content-type ${type}`, m === 'PATCH' && type === 'application/apply-patch+yaml' ? json({ metadata: { labels: { x: 'y' } }, apiVersion: 'v1', kind: 'Pod', extra: [] }).subarray(0, 5) : json(pod('web')), { 'content-type': type }));

/** Bodies over the 1.5 MiB limit (declared or streamed). */
const oversized: Gen = fc.tuple(fc.constantFrom('POST', 'PUT', 'PATCH'), fc.integer({ min: 1, max: 4096 })).map(([m, extra]) => {
  const size = 1.5 * 1024 * 1024 + extra;
  const body = Buffer.alloc(size, 0x20);
  body.write('{"metadata":{"name":"huge"},"data":{"a":"', 0);
  return req(m, podPath('default', m === 'POST' ? undefined : 'web'), `body of ${size} bytes`, body);
});

/** Path tricks: traversal, encoded slashes, doubled slashes, odd encodings, unknown groups and kinds, over-long segments. */
const TRICK_PATHS = [
  '/api/v1/namespaces/default/pods/../../../namespaces', '/api/v1/namespaces/default/pods/..', '/api/v1/namespaces/default/pods/%2e%2e', '/api/v1/namespaces/..%2F..%2Fetc/pods',
  '/api/v1/namespaces/default%2Fpods', '/api/v1/namespaces/default/pods%2Fweb', '//api/v1/namespaces', '/api//v1/pods', '/api/v1/namespaces//pods', '/api/v1/namespaces/default/pods//web',
  '/api/v1/namespaces/default/pods/web/status/extra', '/api/v1/namespaces/default/pods/web/exec', '/api/v1/namespaces/default/pods/web/log', '/api/v1/frobs', '/apis/frob.io/v1/widgets',
  '/apis/apps/v2/deployments', '/api/v2/pods', '/apis', '/apis/apps', '/api/v1/namespaces/default/deployments', '/apis/apps/v1/nodes', '/api/v1/namespaces/default/nodes/node-1',
  '/api/v1/namespaces/%00/pods', '/api/v1/namespaces/%ZZ/pods', '/api/v1/namespaces/default/pods/%E2%80%AE', '/api/v1/namespaces/default/pods/web%00', `/api/v1/namespaces/${'x'.repeat(5000)}/pods`,
  '/api/v1/namespaces/default/pods/web/binding', '/api/v1/namespaces/default/pods/web/finalize', '/api/v1/namespaces/default/finalize', '/.well-known/openid-configuration', '/metrics', '/openapi/v2',
  '/openapi/v3/apis/frob/v1', '/api/v1/watch/pods', '/api/v1/proxy/nodes/node-1', '/%2e%2e/%2e%2e/etc/passwd', '/api/v1/namespaces/default/pods?', '/api/v1/namespaces/default/pods/web/status/',
];
const paths: Gen = fc.tuple(fc.constantFrom('GET', 'HEAD'), fc.oneof(fc.constantFrom(...TRICK_PATHS), fc.webPath().map((p) => `/api/v1${p}`))).map(([m, p]) => req(m, p, 'read of an odd path', undefined, {}));

/** Verbs the API does not serve; with a bad body in case a route would accept them. */
const unknownVerbs: Gen = fc.tuple(fc.constantFrom('OPTIONS', 'PROPFIND', 'MKCOL', 'LOCK', 'FOO', 'COPY', 'PURGE', 'LINK', 'SEARCH', 'REPORT'), fc.constantFrom(...TRICK_PATHS, podPath('default'), podPath('default', 'web'), '/api/v1/namespaces/default', '/healthz')).map(([m, p]) =>
  req(m, p, `verb ${m}`, Buffer.from('{broken')));

/** GETs with malformed query parameters. */
const badQueries: Gen = fc.tuple(
  fc.constantFrom(podPath('default'), podPath('fuzz-a'), '/api/v1/pods', '/api/v1/nodes', '/api/v1/namespaces', podPath('default', 'web')),
  fc.constantFrom('labelSelector', 'fieldSelector', 'limit', 'continue', 'resourceVersion', 'timeoutSeconds', 'watch', 'includeObject', 'pretty', 'resourceVersionMatch', 'allowWatchBookmarks', 'sendInitialEvents'),
  fc.oneof(fc.constantFrom('-1', 'abc', '1e9', '99999999999999999999', '%', '(', 'a in (', '!!', '=', 'a==b==c', 'spec.frob=1', 'eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MX0', '', '0x10', 'x'.repeat(3000)), anyString),
).filter(([, key, value]) => !(key === 'watch' && ['', 'true', '1'].includes(value)) && !(key === 'timeoutSeconds'))
  .map(([path, key, value]) => req('GET', `${path}?${key}=${encodeURIComponent(value)}`, `query ${key}`, undefined, {}));

/** A watch that must be refused before it streams (bad selector or a resourceVersion that is not a number). */
const badWatches: Gen = fc.tuple(fc.constantFrom(podPath('default'), '/api/v1/pods'), fc.constantFrom('labelSelector=a%20in%20(', 'fieldSelector=spec.frob%3D1', 'labelSelector=!!')).map(([p, q]) =>
  req('GET', `${p}?watch=true&${q}`, 'watch with a malformed selector', undefined, {}));

/** Any hostile request, weighted towards the cheap ones; oversized bodies are rare (1.5 MiB each). */
export const hostileRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  { weight: 4, arbitrary: undecodable },
  { weight: 4, arbitrary: wrongTypes },
  { weight: 3, arbitrary: invalidObjects },
  { weight: 4, arbitrary: doomedWrites },
  { weight: 2, arbitrary: badMediaTypes },
  { weight: 3, arbitrary: paths },
  { weight: 2, arbitrary: unknownVerbs },
  { weight: 4, arbitrary: badQueries },
  { weight: 1, arbitrary: badWatches },
  { weight: 1, arbitrary: fc.constant(null).chain(() => fc.integer({ min: 0, max: 29 })).chain((n) => (n === 0 ? oversized : undecodable)) },
);
