// Protobuf request bodies: the review kinds kubectl's typed clients send decode to their JSON
// form; other kinds stay 415, malformed bodies and fields this server does not decode are 400.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from './status.ts';
import { decodeProtobuf } from './protobuf.ts';

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
const envelope = (apiVersion: string, kind: string, raw: Pair[]) => Buffer.concat([Buffer.from('k8s\0', 'binary'), encode([[1, [[1, apiVersion], [2, kind]]], [2, encode(raw)]])]);
const failure = (body: Buffer) => {
  try {
    decodeProtobuf(body);
  } catch (error) {
    assert.ok(error instanceof ApiError);
    return [error.code, error.message];
  }
  return assert.fail('decoded');
};

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
    name: 'labels, finalizers, a timestamp and a negative pointer integer keep their values',
    body: envelope('authentication.k8s.io/v1', 'SelfSubjectReview', [[1, [[11, [[1, 'a'], [2, 'b']]], [11, [[1, 'c'], [2, '']]], [14, 'x'], [14, 'y'], [8, [[1, 1700000000]]], [10, -1]]]]),
    want: { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: { labels: { a: 'b', c: '' }, finalizers: ['x', 'y'], creationTimestamp: '2023-11-14T22:13:20Z', deletionGracePeriodSeconds: -1 } },
  },
  { name: 'a kind this server does not decode from protobuf is 415', body: envelope('apps/v1', 'Deployment', [[1, [[1, 'x']]]]), fails: [415, /unknown format/] },
  { name: 'a body without the k8s magic is 400', body: Buffer.from('{"kind":"Pod"}'), fails: [400, /"k8s\\x00" prefix is missing/] },
  { name: 'a field this server does not decode is 400, never dropped', body: envelope('authorization.k8s.io/v1', 'SelfSubjectRulesReview', [[2, [[9, 'x']]]]), fails: [400, 'unable to decode protobuf SelfSubjectRulesReviewSpec: field 9 is not decoded by this server'] },
  { name: 'a truncated body is 400', body: envelope('authorization.k8s.io/v1', 'SelfSubjectRulesReview', [[2, [[1, 'default']]]]).subarray(0, 40), fails: [400, /truncated/] },
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
