// Protobuf request bodies: every kind with a message table decodes to the JSON upstream's encoding
// gives for the same object (omitempty, pointers, fields without omitempty, []byte as base64,
// Quantity, IntOrString, Time, inlined structs); other kinds stay 415, malformed bodies and fields
// this server does not decode are 400.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from './status.ts';
import { decodeProtobuf } from './protobuf.ts';
import type { Obj } from './resourceType.ts';

/** A minimal proto2 encoder for the cases: [field, value] pairs; strings/bytes/nested are wire 2, numbers and booleans wire 0. */
type Value = string | number | boolean | Uint8Array | Pair[];
type Pair = [number, Value];
const varint = (n: number) => {
  const out: number[] = [];
  for (let v = BigInt.asUintN(64, BigInt(n)); ; v >>= 7n) {
    if (v < 0x80n) return out.push(Number(v)), out;
    out.push(Number(v & 0x7fn) | 0x80);
  }
};
function encode(pairs: Pair[]): Uint8Array {
  const bytes: number[] = [];
  for (const [field, value] of pairs) {
    if (typeof value === 'number' || typeof value === 'boolean') bytes.push(...varint(field << 3), ...varint(Number(value)));
    else {
      const payload = typeof value === 'string' ? Buffer.from(value) : value instanceof Uint8Array ? value : encode(value);
      bytes.push(...varint((field << 3) | 2), ...varint(payload.length), ...payload);
    }
  }
  return Uint8Array.from(bytes);
}
/** Varints back to back: a packed repeated field's payload. */
const packed = (...numbers: number[]) => Uint8Array.from(numbers.flatMap(varint));
/** An envelope around raw message bytes, for malformed messages. */
const rawEnvelope = (apiVersion: string, kind: string, raw: number[]) => Buffer.concat([Buffer.from('k8s\0', 'binary'), encode([[1, [[1, apiVersion], [2, kind]]], [2, Uint8Array.from(raw)]])]);
const envelope = (apiVersion: string, kind: string, raw: Pair[]) => rawEnvelope(apiVersion, kind, [...encode(raw)]);
const failure = (body: Buffer) => {
  try {
    decodeProtobuf(body);
  } catch (error) {
    assert.ok(error instanceof ApiError);
    return [error.code, error.message];
  }
  return assert.fail('decoded');
};

const meta = (name: string): Pair => [1, [[1, name], [8, []]]];
const typed = (kind: string, apiVersion: string, rest: Obj) => ({ kind, apiVersion, metadata: { name: 'x', creationTimestamp: null }, ...rest });
/** A container as kubectl's generators send it: every non-pointer scalar present with its zero value. */
const generatedContainer = (name: string, image: string, more: Pair[] = []): Pair[] => [[1, name], [2, image], [5, ''], [8, []], [13, ''], [20, ''], [14, ''], [16, false], [17, false], [18, false], ...more];

const cases: { name: string; body: Buffer; want?: unknown; fails?: [number, string | RegExp] }[] = [
  {
    name: 'a SelfSubjectAccessReview as kubectl auth can-i sends it decodes with zero values left out and its status dropped',
    body: envelope('authorization.k8s.io/v1', 'SelfSubjectAccessReview', [
      [1, [[1, ''], [7, 0], [8, []]]],
      [2, [[1, [[1, 'default'], [2, 'create'], [3, ''], [5, 'pods']]]]],
      [3, [[1, false], [2, '']]],
    ]),
    want: { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: { creationTimestamp: null }, spec: { resourceAttributes: { namespace: 'default', verb: 'create', resource: 'pods' } } },
  },
  {
    name: 'a SelfSubjectRulesReview keeps its spec namespace',
    body: envelope('authorization.k8s.io/v1', 'SelfSubjectRulesReview', [[2, [[1, 'kube-system']]]]),
    want: { kind: 'SelfSubjectRulesReview', apiVersion: 'authorization.k8s.io/v1', metadata: { creationTimestamp: null }, spec: { namespace: 'kube-system' } },
  },
  {
    name: 'labels, finalizers, owner references, a timestamp and a negative pointer integer keep their values',
    body: envelope('authentication.k8s.io/v1', 'SelfSubjectReview', [[1, [[11, [[1, 'a'], [2, 'b']]], [11, [[1, 'c'], [2, '']]], [14, 'x'], [14, 'y'], [8, [[1, 1700000000]]], [10, -1], [13, [[1, 'ReplicaSet'], [3, 'rs'], [6, true]]]]]]),
    want: {
      kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1',
      metadata: { labels: { a: 'b', c: '' }, finalizers: ['x', 'y'], creationTimestamp: '2023-11-14T22:13:20Z', deletionGracePeriodSeconds: -1, ownerReferences: [{ kind: 'ReplicaSet', name: 'rs', controller: true, uid: '', apiVersion: '' }] },
    },
  },
  {
    name: 'a Namespace as kubectl create namespace sends it has an empty spec and no status',
    body: envelope('v1', 'Namespace', [meta('x'), [2, []], [3, [[1, '']]]]),
    want: typed('Namespace', 'v1', { spec: {} }),
  },
  {
    name: 'a Namespace keeps its spec finalizers',
    body: envelope('v1', 'Namespace', [meta('x'), [2, [[1, 'kubernetes'], [1, 'example.com/x']]]]),
    want: typed('Namespace', 'v1', { spec: { finalizers: ['kubernetes', 'example.com/x'] } }),
  },
  {
    name: 'a ConfigMap has its data as strings, its binaryData base64 and a false immutable kept',
    body: envelope('v1', 'ConfigMap', [meta('x'), [2, [[1, 'a'], [2, 'b']]], [2, [[1, 'empty']]], [3, [[1, 'bin'], [2, Uint8Array.from([0, 255, 1])]]], [4, false]]),
    want: typed('ConfigMap', 'v1', { data: { a: 'b', empty: '' }, binaryData: { bin: 'AP8B' }, immutable: false }),
  },
  {
    name: 'a Secret has its data base64, its stringData as strings and its type',
    body: envelope('v1', 'Secret', [meta('x'), [2, [[1, 'a'], [2, 'b']]], [4, [[1, 's'], [2, 'plain']]], [3, 'Opaque'], [5, true]]),
    want: typed('Secret', 'v1', { data: { a: 'Yg==' }, stringData: { s: 'plain' }, type: 'Opaque', immutable: true }),
  },
  {
    name: 'a ServiceAccount keeps its secrets, image pull secrets and a false automount',
    body: envelope('v1', 'ServiceAccount', [meta('x'), [2, [[3, 'token'], [2, '']]], [3, [[1, 'registry']]], [4, false]]),
    want: typed('ServiceAccount', 'v1', { secrets: [{ name: 'token' }], imagePullSecrets: [{ name: 'registry' }], automountServiceAccountToken: false }),
  },
  {
    name: 'a Service has numeric and named target ports, a port without omitempty and pointer fields kept',
    body: envelope('v1', 'Service', [meta('x'), [2, [
      [1, [[1, '80-8080'], [2, 'TCP'], [3, 80], [4, [[1, 0], [2, 8080], [3, '']]], [5, 0]]],
      [1, [[1, 'web'], [2, 'TCP'], [3, 0], [4, [[1, 1], [2, 0], [3, 'http']]], [5, 30080]]],
      [2, [[1, 'app'], [2, 'x']]], [3, ''], [4, 'NodePort'], [7, ''], [12, 0], [13, false], [17, 'SingleStack'], [20, false],
      [14, [[1, [[1, 10800]]]]],
    ]], [3, [[1, []]]]]),
    want: typed('Service', 'v1', {
      spec: {
        ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }, { name: 'web', protocol: 'TCP', port: 0, targetPort: 'http', nodePort: 30080 }],
        selector: { app: 'x' }, type: 'NodePort', ipFamilyPolicy: 'SingleStack', allocateLoadBalancerNodePorts: false, sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
      },
    }),
  },
  {
    name: 'a ServicePort without a target port gets the zero IntOrString, as upstream JSON shows it',
    body: envelope('v1', 'Service', [meta('x'), [2, [[1, [[3, 80]]]]]]),
    want: typed('Service', 'v1', { spec: { ports: [{ port: 80, targetPort: 0 }] } }),
  },
  {
    name: 'a Pod decodes containers, env sources, resources, probes, security contexts, volumes and tolerations',
    body: envelope('v1', 'Pod', [meta('x'), [2, [
      [1, [[1, 'host-root'], [2, [[1, [[1, '/']]]]]]],
      [1, [[1, 'conf'], [2, [[19, [[1, [[1, 'cm']]], [2, [[1, 'k'], [2, 'p']]], [3, 420]]]]]]],
      [1, [[1, 'scratch'], [2, [[2, [[1, ''], [2, [[1, '1Gi']]]]]]]]],
      [2, generatedContainer('c', 'nginx', [
        [3, 'sh'], [3, '-c'], [4, 'echo'], [6, [[1, ''], [2, 0], [3, 80], [4, 'TCP'], [5, '']]],
        [7, [[1, 'A'], [2, '1']]],
        [7, [[1, 'B'], [3, [[3, [[1, [[1, 'cm']]], [2, 'key'], [3, true]]]]]]],
        [7, [[1, 'C'], [3, [[4, [[1, [[1, 'sec']]], [2, 'pw']]]]]]],
        [7, [[1, 'D'], [3, [[1, [[1, 'v1'], [2, 'metadata.name']]]]]]],
        [7, [[1, 'E'], [3, [[2, [[2, 'limits.cpu'], [3, []]]]]]]],
        [19, [[1, 'P_'], [2, [[1, [[1, 'cm']]]]]]],
        [8, [[1, [[1, 'cpu'], [2, [[1, '500m']]]]], [2, [[1, 'memory'], [2, [[1, '64Mi']]]]]]],
        [9, [[1, 'host-root'], [2, false], [3, '/host'], [4, '']]],
        [11, [[1, [[2, [[1, '/healthz'], [2, [[1, 1], [3, 'http']]], [4, 'HTTP']]]]], [2, 0], [3, 1], [4, 10], [5, 1], [6, 3]]],
        [10, [[1, [[3, [[1, [[2, 80]]]]]]], [7, 0]]],
        [15, [[1, [[1, 'NET_ADMIN']]], [2, true], [4, 0], [11, [[1, 'RuntimeDefault']]]]],
      ])],
      [3, 'Never'], [6, 'ClusterFirst'], [4, 30], [10, 'n1'], [11, true], [12, false], [19, 'default-scheduler'], [21, false],
      [14, [[2, 1000], [4, packed(1, 2)], [4, 3], [7, [[1, 'net.core.somaxconn'], [2, '1024']]]]],
      [22, [[2, 'Exists'], [4, ''], [1, '']]], [7, [[1, 'disk'], [2, 'ssd']]], [32, [[1, 'cpu'], [2, []]]],
    ]], [3, [[1, 'Pending']]]]),
    want: typed('Pod', 'v1', {
      spec: {
        volumes: [{ name: 'host-root', hostPath: { path: '/' } }, { name: 'conf', configMap: { name: 'cm', items: [{ key: 'k', path: 'p' }], defaultMode: 420 } }, { name: 'scratch', emptyDir: { sizeLimit: '1Gi' } }],
        containers: [{
          name: 'c', image: 'nginx', resources: { limits: { cpu: '500m' }, requests: { memory: '64Mi' } }, command: ['sh', '-c'], args: ['echo'], ports: [{ containerPort: 80, protocol: 'TCP' }],
          env: [
            { name: 'A', value: '1' },
            { name: 'B', valueFrom: { configMapKeyRef: { name: 'cm', key: 'key', optional: true } } },
            { name: 'C', valueFrom: { secretKeyRef: { name: 'sec', key: 'pw' } } },
            { name: 'D', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
            { name: 'E', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '0' } } },
          ],
          envFrom: [{ prefix: 'P_', configMapRef: { name: 'cm' } }],
          volumeMounts: [{ name: 'host-root', mountPath: '/host' }],
          readinessProbe: { httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
          livenessProbe: { tcpSocket: { port: 80 }, terminationGracePeriodSeconds: 0 },
          securityContext: { capabilities: { add: ['NET_ADMIN'] }, privileged: true, runAsUser: 0, seccompProfile: { type: 'RuntimeDefault' } },
        }],
        restartPolicy: 'Never', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30, nodeName: 'n1', hostNetwork: true, schedulerName: 'default-scheduler', automountServiceAccountToken: false,
        securityContext: { runAsUser: 1000, supplementalGroups: [1, 2, 3], sysctls: [{ name: 'net.core.somaxconn', value: '1024' }] },
        tolerations: [{ operator: 'Exists' }], nodeSelector: { disk: 'ssd' }, overhead: { cpu: '0' },
      },
    }),
  },
  {
    name: 'fields without omitempty appear with zero values even when not sent',
    body: envelope('v1', 'Pod', [[2, [[2, [[7, [[3, [[1, [[1, 'v1']]]]]]]]], [1, [[1, 'v'], [2, [[10, []]]]]]]]]),
    want: {
      kind: 'Pod', apiVersion: 'v1', metadata: { creationTimestamp: null },
      spec: { containers: [{ name: '', resources: {}, env: [{ name: '', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: '' } } }] }], volumes: [{ name: 'v', persistentVolumeClaim: { claimName: '' } }] },
    },
  },
  {
    name: 'a Pod without containers has containers null, as in JSON',
    body: envelope('v1', 'Pod', [meta('x'), [2, [[3, 'Always']]]]),
    want: typed('Pod', 'v1', { spec: { containers: null, restartPolicy: 'Always' } }),
  },
  {
    name: 'a Deployment as kubectl create deployment sends it keeps replicas, selector, template and an empty strategy',
    body: envelope('apps/v1', 'Deployment', [
      [1, [[1, 'web'], [8, []], [11, [[1, 'app'], [2, 'web']]]]],
      [2, [[1, 2], [2, [[1, [[1, 'app'], [2, 'web']]]]], [3, [[1, [[8, []], [11, [[1, 'app'], [2, 'web']]]]], [2, [[2, generatedContainer('nginx', 'nginx', [[6, [[3, 80]]]])], [3, ''], [12, false]]]]], [4, []], [5, 0], [7, false]]],
      [3, [[1, 0], [2, 0]]],
    ]),
    want: {
      kind: 'Deployment', apiVersion: 'apps/v1', metadata: { name: 'web', creationTimestamp: null, labels: { app: 'web' } },
      spec: {
        replicas: 2, selector: { matchLabels: { app: 'web' } }, strategy: {},
        template: { metadata: { creationTimestamp: null, labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }], resources: {} }] } },
      },
    },
  },
  {
    name: 'a Deployment keeps zero replicas, selector requirements and a rolling update with a percentage and a zero',
    body: envelope('apps/v1', 'Deployment', [meta('x'), [2, [
      [1, 0], [2, [[2, [[1, 'tier'], [2, 'In'], [3, 'a'], [3, 'b']]], [2, [[1, 'gone'], [2, 'DoesNotExist']]]]],
      [4, [[1, 'RollingUpdate'], [2, [[1, [[1, 0], [2, 0]]], [2, [[1, 1], [3, '25%']]]]]]], [6, 3], [9, 600], [7, true],
    ]]]),
    want: typed('Deployment', 'apps/v1', {
      spec: {
        replicas: 0, selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }, { key: 'gone', operator: 'DoesNotExist' }] },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '25%' } }, revisionHistoryLimit: 3, progressDeadlineSeconds: 600, paused: true,
        template: { metadata: { creationTimestamp: null }, spec: { containers: null } },
      },
    }),
  },
  {
    name: 'a ReplicaSet keeps replicas, selector, template and minReadySeconds',
    body: envelope('apps/v1', 'ReplicaSet', [meta('x'), [2, [[1, 1], [4, 5], [2, [[1, [[1, 'a'], [2, 'b']]]]], [3, [[1, [[11, [[1, 'a'], [2, 'b']]]]], [2, [[2, [[1, 'c'], [2, 'i']]]]]]]]]]),
    want: typed('ReplicaSet', 'apps/v1', {
      spec: { replicas: 1, minReadySeconds: 5, selector: { matchLabels: { a: 'b' } }, template: { metadata: { creationTimestamp: null, labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i', resources: {} }] } } },
    }),
  },
  {
    name: 'a ReplicationController keeps its map selector and pod template',
    body: envelope('v1', 'ReplicationController', [meta('x'), [2, [[1, 3], [2, [[1, 'a'], [2, 'b']]], [3, [[2, [[2, [[1, 'c']]]]]]]]]]),
    want: typed('ReplicationController', 'v1', { spec: { replicas: 3, selector: { a: 'b' }, template: { metadata: { creationTimestamp: null }, spec: { containers: [{ name: 'c', resources: {} }] } } } }),
  },
  {
    name: 'the empty DeleteOptions kubectl drain sends decodes to its kind and apiVersion',
    body: Buffer.from('6b3873000a130a027631120d44656c6574654f7074696f6e7312001a002200', 'hex'),
    want: { kind: 'DeleteOptions', apiVersion: 'v1' },
  },
  {
    name: 'DeleteOptions in a group version keep a zero grace period, preconditions, the propagation policy and dryRun',
    body: envelope('apps/v1', 'DeleteOptions', [[1, 0], [2, [[1, 'uid-1'], [2, '']]], [4, 'Foreground'], [5, 'All']]),
    want: { kind: 'DeleteOptions', apiVersion: 'apps/v1', gracePeriodSeconds: 0, preconditions: { uid: 'uid-1', resourceVersion: '' }, propagationPolicy: 'Foreground', dryRun: ['All'] },
  },
  {
    name: 'large and negative integers, a zero Time and a Quantity without its string decode as JSON would show them',
    body: envelope('v1', 'Pod', [[1, [[7, 2 ** 40], [8, [[1, 0]]]]], [2, [[5, -1], [32, [[1, 'cpu']]]]]]),
    want: { kind: 'Pod', apiVersion: 'v1', metadata: { generation: 2 ** 40, creationTimestamp: null }, spec: { containers: null, activeDeadlineSeconds: -1, overhead: { cpu: '0' } } },
  },
  {
    name: 'a repeated scalar field sent twice and a later zero scalar keep protobuf semantics (append, last wins)',
    body: envelope('v1', 'ConfigMap', [[1, [[1, 'a'], [1, ''], [14, 'f'], [14, 'f']]]]),
    want: { kind: 'ConfigMap', apiVersion: 'v1', metadata: { creationTimestamp: null, finalizers: ['f', 'f'] } },
  },
  { name: 'a kind this server does not decode from protobuf is 415', body: envelope('apps/v1', 'StatefulSet', [[1, [[1, 'x']]]]), fails: [415, /unknown format/] },
  { name: 'a kind in the wrong version is 415', body: envelope('v1', 'Deployment', [meta('x')]), fails: [415, /unknown format/] },
  { name: 'a body without the k8s magic is 400', body: Buffer.from('{"kind":"Pod"}'), fails: [400, /"k8s\\x00" prefix is missing/] },
  { name: 'a field this server does not decode is 400, never dropped', body: envelope('authorization.k8s.io/v1', 'SelfSubjectRulesReview', [[2, [[9, 'x']]]]), fails: [400, 'unable to decode protobuf SelfSubjectRulesReviewSpec: field 9 is not decoded by this server'] },
  {
    name: 'an unknown field deep in a pod template names its message',
    body: envelope('apps/v1', 'Deployment', [meta('x'), [2, [[3, [[2, [[2, [[1, 'c'], [99, 'x']]]]]]]]]]),
    fails: [400, 'unable to decode protobuf Container: field 99 is not decoded by this server'],
  },
  { name: 'a volume source this server does not decode is 400', body: envelope('v1', 'Pod', [meta('x'), [2, [[1, [[1, 'v'], [2, [[7, [[1, 'nfs']]]]]]]]]]), fails: [400, 'unable to decode protobuf VolumeSource: field 7 is not decoded by this server'] },
  { name: 'a string sent as a varint is 400', body: envelope('v1', 'Namespace', [[1, [[1, 5]]]]), fails: [400, 'unable to decode protobuf ObjectMeta: field name has wire type 0, not 2'] },
  { name: 'a message sent as a varint is 400', body: envelope('v1', 'Namespace', [[2, 1]]), fails: [400, 'unable to decode protobuf Namespace: field spec has wire type 0, not 2'] },
  { name: 'a map entry sent as a varint is 400', body: envelope('v1', 'ConfigMap', [[2, 1]]), fails: [400, 'unable to decode protobuf ConfigMap: map data has wire type 0'] },
  { name: 'a truncated body is 400', body: envelope('authorization.k8s.io/v1', 'SelfSubjectRulesReview', [[2, [[1, 'default']]]]).subarray(0, 40), fails: [400, /truncated/] },
  { name: 'a varint cut short is 400', body: rawEnvelope('v1', 'Namespace', [0x80]), fails: [400, 'unable to decode protobuf Namespace: truncated varint'] },
  { name: 'a varint longer than ten bytes is 400', body: rawEnvelope('v1', 'Namespace', [...Array(11).fill(0xff), 0x01]), fails: [400, 'unable to decode protobuf Namespace: varint too long'] },
  { name: 'a timestamp beyond what a date can hold is 400', body: envelope('v1', 'Namespace', [[1, [[8, [[1, 2 ** 50]]]]]]), fails: [400, /Time: \d+ seconds is out of range/] },
  { name: 'a compressed envelope is 400', body: Buffer.concat([envelope('v1', 'Namespace', []), encode([[3, 'gzip']])]), fails: [400, 'unsupported protobuf content encoding "gzip"'] },
];

for (const c of cases)
  test(c.name, () => {
    if (c.fails) {
      const [code, message] = failure(c.body);
      assert.equal(code, c.fails[0]);
      if (typeof c.fails[1] === 'string') assert.equal(message, c.fails[1]);
      else assert.match(String(message), c.fails[1]);
    } else assert.deepEqual(decodeProtobuf(c.body), c.want);
  });
