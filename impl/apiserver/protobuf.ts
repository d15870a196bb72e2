// Request bodies in Kubernetes' protobuf encoding (`application/vnd.kubernetes.protobuf`), which
// kubectl's typed clients send (`auth can-i`, `auth whoami`): the `k8s\0` magic, a runtime.Unknown
// envelope naming apiVersion and kind, and the object's proto2 message. Decoded into the JSON
// object upstream's JSON encoding gives (zero-valued non-pointer scalars left out, as `omitempty`
// does), for the kinds in MESSAGES only; any other kind throws 415 as before. Throws ApiErrors only.
import type { Obj } from './resourceType.ts';
import { badRequest, unsupportedMediaType } from './status.ts';

export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';
const MAGIC = [0x6b, 0x38, 0x73, 0x00];

type Scalar = 'string' | 'bytes' | 'bool' | 'int' | 'time';
interface Field {
  name: string;
  type: Scalar | Message;
  repeated?: boolean;
  /** map<string, string>: entries with key 1 and value 2. */
  map?: boolean;
  /** A Go pointer field: its zero value is kept instead of left out. */
  pointer?: boolean;
  /** Read and dropped: a status the server fills in (clients send it with zero values). */
  ignored?: boolean;
}
interface Message {
  name: string;
  fields: Record<number, Field>;
}

const f = (name: string, type: Field['type'], more: Omit<Field, 'name' | 'type'> = {}): Field => ({ name, type, ...more });
const strings = (name: string) => f(name, 'string', { repeated: true });

const TYPE_META: Message = { name: 'TypeMeta', fields: { 1: f('apiVersion', 'string'), 2: f('kind', 'string') } };
const UNKNOWN: Message = { name: 'Unknown', fields: { 1: f('typeMeta', TYPE_META), 2: f('raw', 'bytes'), 3: f('contentEncoding', 'string'), 4: f('contentType', 'string') } };
const OWNER_REFERENCE: Message = {
  name: 'OwnerReference',
  fields: { 1: f('kind', 'string'), 3: f('name', 'string'), 4: f('uid', 'string'), 5: f('apiVersion', 'string'), 6: f('controller', 'bool', { pointer: true }), 7: f('blockOwnerDeletion', 'bool', { pointer: true }) },
};
const OBJECT_META: Message = {
  name: 'ObjectMeta',
  fields: {
    1: f('name', 'string'), 2: f('generateName', 'string'), 3: f('namespace', 'string'), 4: f('selfLink', 'string'), 5: f('uid', 'string'),
    6: f('resourceVersion', 'string'), 7: f('generation', 'int'), 8: f('creationTimestamp', 'time'), 9: f('deletionTimestamp', 'time'),
    10: f('deletionGracePeriodSeconds', 'int', { pointer: true }), 11: f('labels', 'string', { map: true }), 12: f('annotations', 'string', { map: true }),
    13: f('ownerReferences', OWNER_REFERENCE, { repeated: true }), 14: strings('finalizers'),
  },
};
const RESOURCE_ATTRIBUTES: Message = {
  name: 'ResourceAttributes',
  fields: { 1: f('namespace', 'string'), 2: f('verb', 'string'), 3: f('group', 'string'), 4: f('version', 'string'), 5: f('resource', 'string'), 6: f('subresource', 'string'), 7: f('name', 'string') },
};
const NON_RESOURCE_ATTRIBUTES: Message = { name: 'NonResourceAttributes', fields: { 1: f('path', 'string'), 2: f('verb', 'string') } };
const STATUS = f('status', 'bytes', { ignored: true });

/** The kinds decoded from protobuf, by `apiVersion/kind`. */
const MESSAGES: Record<string, Message> = {
  'authorization.k8s.io/v1/SelfSubjectAccessReview': {
    name: 'SelfSubjectAccessReview',
    fields: { 1: f('metadata', OBJECT_META), 2: f('spec', { name: 'SelfSubjectAccessReviewSpec', fields: { 1: f('resourceAttributes', RESOURCE_ATTRIBUTES), 2: f('nonResourceAttributes', NON_RESOURCE_ATTRIBUTES) } }), 3: STATUS },
  },
  'authorization.k8s.io/v1/SelfSubjectRulesReview': {
    name: 'SelfSubjectRulesReview',
    fields: { 1: f('metadata', OBJECT_META), 2: f('spec', { name: 'SelfSubjectRulesReviewSpec', fields: { 1: f('namespace', 'string') } }), 3: STATUS },
  },
  'authentication.k8s.io/v1/SelfSubjectReview': { name: 'SelfSubjectReview', fields: { 1: f('metadata', OBJECT_META), 2: STATUS } },
};

/** Decodes a protobuf request body into the JSON object it stands for, kind and apiVersion first. */
export function decodeProtobuf(body: Buffer): Obj {
  if (body.length < MAGIC.length || MAGIC.some((b, i) => body[i] !== b)) throw badRequest('provided object is not a Kubernetes protobuf object: the "k8s\\x00" prefix is missing');
  const envelope = decodeMessage(body.subarray(MAGIC.length), UNKNOWN);
  const apiVersion = String(envelope.typeMeta?.apiVersion ?? '');
  const kind = String(envelope.typeMeta?.kind ?? '');
  const message = MESSAGES[`${apiVersion}/${kind}`];
  if (!message) throw unsupportedMediaType(PROTOBUF_MEDIA_TYPE);
  if (envelope.contentEncoding) throw badRequest(`unsupported protobuf content encoding ${JSON.stringify(envelope.contentEncoding)}`);
  return { kind, apiVersion, ...decodeMessage(envelope.raw ?? new Uint8Array(), message) };
}

class Reader {
  pos = 0;
  constructor(readonly bytes: Uint8Array, readonly where: string) {}
  get done() {
    return this.pos >= this.bytes.length;
  }
  fail(what: string): never {
    throw badRequest(`unable to decode protobuf ${this.where}: ${what}`);
  }
  varint(): bigint {
    let value = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.done) this.fail('truncated varint');
      const byte = this.bytes[this.pos++];
      value |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return value;
    }
    return this.fail('varint too long');
  }
  chunk(): Uint8Array {
    const length = Number(this.varint());
    if (this.pos + length > this.bytes.length) this.fail('truncated field');
    return this.bytes.subarray((this.pos += length) - length, this.pos);
  }
}

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');
const isZero = (v: unknown) => v === '' || v === 0 || v === false;

function scalar(type: Scalar, reader: Reader, wire: number, name: string): unknown {
  const expected = type === 'bool' || type === 'int' ? 0 : 2;
  if (wire !== expected) reader.fail(`field ${name} has wire type ${wire}, not ${expected}`);
  if (type === 'bool') return reader.varint() !== 0n;
  if (type === 'int') return Number(BigInt.asIntN(64, reader.varint()));
  const bytes = reader.chunk();
  if (type === 'string') return text(bytes);
  if (type === 'bytes') return bytes;
  const time = decodeMessage(bytes, { name: 'Time', fields: { 1: f('seconds', 'int'), 2: f('nanos', 'int') } });
  return time.seconds ? new Date(time.seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z') : null;
}

function decodeMessage(bytes: Uint8Array, message: Message): Obj {
  const reader = new Reader(bytes, message.name);
  const out: Obj = {};
  while (!reader.done) {
    const tag = reader.varint();
    const number = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    const field = message.fields[number];
    if (!field) reader.fail(`field ${number} is not decoded by this server`);
    let value: unknown;
    if (field.map) {
      if (wire !== 2) reader.fail(`map ${field.name} has wire type ${wire}`);
      const entry = decodeMessage(reader.chunk(), { name: `${message.name}.${field.name}`, fields: { 1: f('key', 'string', { pointer: true }), 2: f('value', 'string', { pointer: true }) } });
      out[field.name] = { ...out[field.name], [entry.key ?? '']: entry.value ?? '' };
      continue;
    }
    if (typeof field.type === 'object') {
      if (wire !== 2) reader.fail(`message ${field.name} has wire type ${wire}`);
      value = decodeMessage(reader.chunk(), field.type);
    } else value = scalar(field.type, reader, wire, field.name);
    if (field.ignored) continue;
    if (field.repeated) out[field.name] = [...(out[field.name] ?? []), value];
    else if (field.pointer || !isZero(value)) out[field.name] = value;
  }
  return out;
}
