// The proto2 wire format as Kubernetes' generated messages use it, decoded by table into the JSON
// upstream's encoding gives for the same Go value: zero-valued scalars left out (omitempty) unless
// the field is a pointer or has no omitempty, special types (Time, Quantity, IntOrString, []byte)
// in their JSON form, embedded structs inlined. Fields missing from a table are rejected, never
// dropped. Throws ApiErrors (400) only.
import type { Obj } from '../resourceType.ts';
import { badRequest } from '../status.ts';

/**
 * string, bool, int (any varint integer), bytes (raw, for envelopes), base64 ([]byte, in JSON a
 * base64 string), time (meta/v1 Time: RFC 3339 or null), quantity (resource.Quantity: its string),
 * intOrString (intstr.IntOrString: a number or a string).
 */
export type Scalar = 'string' | 'bool' | 'int' | 'bytes' | 'base64' | 'time' | 'quantity' | 'intOrString';

export interface Field {
  name: string;
  type: Scalar | Message;
  repeated?: boolean;
  /** map<string, type>: entries with key 1 and value 2. */
  map?: boolean;
  /** A Go pointer: a zero value that was sent is kept, not left out. */
  pointer?: boolean;
  /** No omitempty in the JSON tag (or a non-pointer struct): the zero value appears even when not sent. */
  always?: boolean;
  /** An embedded struct (`json:",inline"`): its fields are merged into the enclosing object. */
  inline?: boolean;
  /** Read and dropped: a status the server fills in (clients send it with zero values). */
  ignored?: boolean;
}

export interface Message {
  name: string;
  fields: Record<number, Field>;
}

export const message = (name: string, fields: Record<number, Field>): Message => ({ name, fields });
export const field = (name: string, type: Field['type'], more: Omit<Field, 'name' | 'type'> = {}): Field => ({ name, type, ...more });
/** Shorthands for the field flags. */
export const POINTER = { pointer: true } as const;
export const ALWAYS = { always: true } as const;
export const REPEATED = { repeated: true } as const;
export const MAP = { map: true } as const;
export const INLINE = { inline: true } as const;
export const strings = (name: string) => field(name, 'string', REPEATED);
export const stringMap = (name: string) => field(name, 'string', MAP);

const WIRE_VARINT = 0;
const WIRE_LENGTH = 2;
const VARINT_TYPES = new Set<Scalar>(['bool', 'int']);
const SPECIAL = new Set<Scalar>(['time', 'quantity', 'intOrString']);

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
    const length = this.varint();
    if (BigInt(this.pos) + length > BigInt(this.bytes.length)) this.fail('truncated field');
    const start = this.pos;
    this.pos += Number(length);
    return this.bytes.subarray(start, this.pos);
  }
}

const EMPTY = new Uint8Array();
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');
const isZero = (v: unknown) => v === '' || v === 0 || v === false || (v instanceof Uint8Array && v.length === 0);

const TIME = message('Time', { 1: field('seconds', 'int'), 2: field('nanos', 'int') });
const QUANTITY = message('Quantity', { 1: field('string', 'string') });
const INT_OR_STRING = message('IntOrString', { 1: field('type', 'int'), 2: field('intVal', 'int'), 3: field('strVal', 'string') });

/** The JSON value of a special type's (possibly empty) message. */
function special(type: Scalar, bytes: Uint8Array): unknown {
  if (type === 'time') {
    const { seconds = 0 } = decodeMessage(bytes, TIME);
    const time = new Date(seconds * 1000);
    if (Number.isNaN(time.getTime())) throw badRequest(`unable to decode protobuf Time: ${seconds} seconds is out of range`);
    return seconds ? time.toISOString().replace(/\.\d+Z$/, 'Z') : null;
  }
  if (type === 'quantity') return decodeMessage(bytes, QUANTITY).string ?? '0';
  const { type: kind = 0, intVal = 0, strVal = '' } = decodeMessage(bytes, INT_OR_STRING);
  return kind === 1 ? strVal : intVal;
}

/** One scalar value read from the wire (wire type already checked). */
function scalar(type: Scalar, reader: Reader): unknown {
  if (type === 'bool') return reader.varint() !== 0n;
  if (type === 'int') return Number(BigInt.asIntN(64, reader.varint()));
  const bytes = reader.chunk();
  if (type === 'string') return text(bytes);
  if (type === 'bytes') return bytes;
  if (type === 'base64') return Buffer.from(bytes).toString('base64');
  return special(type, bytes);
}

/** The value a field has in JSON when it was not sent at all (for `always` fields and map entries). */
function zero(f: Field): unknown {
  if (f.repeated || f.map) return null;
  if (typeof f.type === 'object') return decodeMessage(EMPTY, f.type);
  if (SPECIAL.has(f.type)) return special(f.type, EMPTY);
  return f.type === 'bool' ? false : f.type === 'int' ? 0 : '';
}

/** Reads one value of `f` (a single element, for repeated fields). */
function value(f: Field, reader: Reader, wire: number): unknown {
  const type = f.type;
  const expected = typeof type === 'string' && VARINT_TYPES.has(type) ? WIRE_VARINT : WIRE_LENGTH;
  if (wire !== expected) reader.fail(`field ${f.name} has wire type ${wire}, not ${expected}`);
  return typeof type === 'object' ? decodeMessage(reader.chunk(), type) : scalar(type, reader);
}

/** Decodes `bytes` as `msg` into its JSON object; errors name the innermost message. */
export function decodeMessage(bytes: Uint8Array, msg: Message): Obj {
  const reader = new Reader(bytes, msg.name);
  const out: Obj = {};
  while (!reader.done) {
    const tag = reader.varint();
    const number = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    const f = msg.fields[number];
    if (!f) reader.fail(`field ${number} is not decoded by this server`);
    if (f.map) {
      if (wire !== WIRE_LENGTH) reader.fail(`map ${f.name} has wire type ${wire}`);
      const entryType = message(`${msg.name}.${f.name}`, { 1: field('key', 'string'), 2: field('value', f.type) });
      const entry = decodeMessage(reader.chunk(), entryType);
      out[f.name] = { ...out[f.name], [entry.key ?? '']: 'value' in entry ? entry.value : zero(entryType.fields[2]) };
      continue;
    }
    if (f.repeated && wire === WIRE_LENGTH && typeof f.type === 'string' && VARINT_TYPES.has(f.type)) {
      const packed = new Reader(reader.chunk(), msg.name);
      while (!packed.done) (out[f.name] ??= []).push(scalar(f.type, packed));
      continue;
    }
    const v = value(f, reader, wire);
    if (f.ignored) continue;
    if (f.inline) Object.assign(out, v);
    else if (f.repeated) (out[f.name] ??= []).push(v);
    else if (f.pointer || f.always || typeof f.type === 'object' || SPECIAL.has(f.type) || !isZero(v)) out[f.name] = v;
    else delete out[f.name];
  }
  for (const f of Object.values(msg.fields)) if (f.always && !(f.name in out)) out[f.name] = zero(f);
  return out;
}
