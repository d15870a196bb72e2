// DNS message wire format (RFC 1035 §4) for a small authoritative server: queries in, responses out.
// Also SRV (RFC 2782), AAAA (RFC 3596) and an EDNS0 OPT record (RFC 6891) carrying only the UDP size.
import { isIPv4, isIPv6 } from 'node:net';

export const TYPE = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, TXT: 16, AAAA: 28, SRV: 33, OPT: 41, ANY: 255 } as const;
export const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;

/** `name` is kept as sent (case preserved), without a trailing dot; the root is "". */
export interface Question { name: string; type: number; class: number }
export interface Query { id: number; opcode: number; recursionDesired: boolean; questions: Question[]; /** UDP payload size from an EDNS0 OPT record, if any */ udpSize?: number }

/** A malformed message; the message says what is wrong and at which byte offset. */
export class DnsFormatError extends Error {
  override name = 'DnsFormatError';
}

export type ResourceRecord =
  | { type: 'A'; name: string; ttl: number; ip: string }
  | { type: 'AAAA'; name: string; ttl: number; ip: string }
  | { type: 'CNAME'; name: string; ttl: number; target: string }
  | { type: 'SRV'; name: string; ttl: number; priority: number; weight: number; port: number; target: string }
  | { type: 'SOA'; name: string; ttl: number; mname: string; rname: string; serial: number; refresh: number; retry: number; expire: number; minimum: number };
/** A decoded record: a known type, or any other type (OPT included) with its class and raw RDATA. */
export type ParsedRecord = ResourceRecord | { type: number; name: string; ttl: number; class: number; data: Uint8Array };
export interface Response { rcode: number; authoritative: boolean; answers: ResourceRecord[]; authority?: ResourceRecord[]; additionals?: ResourceRecord[] }

const CLASS_IN = 1;
const HEADER = 12;
const MAX_NAME = 255; // wire length, length octets and root included
const EDNS_UDP_SIZE = 1232;
const OPT_RECORD_SIZE = 11; // root name, type, class, ttl, rdlength = 0
const QR = 0x8000, AA = 0x0400, TC = 0x0200, RD = 0x0100;

/** Bounds-checked reader; every failure is a DnsFormatError naming the byte offset. */
class Reader {
  constructor(readonly msg: Uint8Array, public pos = 0) {}
  need(n: number, what: string): void {
    if (this.pos + n > this.msg.length) throw new DnsFormatError(`${what} cut short at byte ${this.pos}: needs ${n} bytes, ${this.msg.length - this.pos} left`);
  }
  u16(what: string): number {
    this.need(2, what);
    return (this.msg[this.pos++]! << 8) | this.msg[this.pos++]!;
  }
  u32(what: string): number {
    return ((this.u16(what) << 16) | this.u16(what)) >>> 0;
  }
  bytes(n: number, what: string): Uint8Array {
    this.need(n, what);
    return this.msg.slice(this.pos, (this.pos += n));
  }
  /** Reads a possibly compressed name. Each pointer must point before the previous one's target (at first, before
   * the name's start): the targets strictly decrease, which rules out loops. */
  name(): string {
    const labels: string[] = [];
    let pos = this.pos, limit = this.pos, jumped = false, wire = 1;
    for (;;) {
      if (pos >= this.msg.length) throw new DnsFormatError(`name runs past the end of the message at byte ${pos}`);
      const len = this.msg[pos]!;
      if ((len & 0xc0) === 0xc0) {
        if (pos + 1 >= this.msg.length) throw new DnsFormatError(`compression pointer cut short at byte ${pos}`);
        const target = ((len & 0x3f) << 8) | this.msg[pos + 1]!;
        if (target >= limit) throw new DnsFormatError(`compression pointer at byte ${pos} to byte ${target} does not point before byte ${limit} (loop)`);
        if (!jumped) this.pos = pos + 2;
        jumped = true;
        pos = limit = target;
        continue;
      }
      if (len > 63) throw new DnsFormatError(`label length ${len} at byte ${pos} exceeds 63`);
      if (len === 0) break;
      if ((wire += len + 1) > MAX_NAME) throw new DnsFormatError(`name exceeds ${MAX_NAME} bytes at byte ${pos}`);
      if (pos + 1 + len > this.msg.length) throw new DnsFormatError(`label at byte ${pos} cut short: needs ${len} bytes, ${this.msg.length - pos - 1} left`);
      const label = String.fromCharCode(...this.msg.subarray(pos + 1, pos + 1 + len));
      // Such labels could not be echoed back as names written with dots (see splitName).
      if (!/^[\x00-\x2d\x2f-\x7f]*$/.test(label)) throw new DnsFormatError(`label at byte ${pos} has a dot or a non-ASCII byte`);
      labels.push(label);
      pos += len + 1;
    }
    if (!jumped) this.pos = pos + 1;
    return labels.join('.');
  }
  question(): Question {
    return { name: this.name(), type: this.u16('question type'), class: this.u16('question class') };
  }
  record(): ParsedRecord {
    const name = this.name(), type = this.u16('record type'), cls = this.u16('record class'), ttl = this.u32('record TTL');
    const len = this.u16('record length'), start = this.pos;
    this.need(len, 'record data');
    const end = start + len;
    const rec = this.rdata(type, name, ttl, cls, len);
    if (this.pos !== end) throw new DnsFormatError(`record data at byte ${start} is ${len} bytes but its contents take ${this.pos - start}`);
    return rec;
  }
  private rdata(type: number, name: string, ttl: number, cls: number, len: number): ParsedRecord {
    switch (type) {
      case TYPE.A: if (len === 4) return { type: 'A', name, ttl, ip: this.bytes(4, 'A').join('.') }; break;
      case TYPE.AAAA: if (len === 16) return { type: 'AAAA', name, ttl, ip: formatIPv6(this.bytes(16, 'AAAA')) }; break;
      case TYPE.CNAME: return { type: 'CNAME', name, ttl, target: this.name() };
      case TYPE.SRV: return { type: 'SRV', name, ttl, priority: this.u16('SRV'), weight: this.u16('SRV'), port: this.u16('SRV'), target: this.name() };
      case TYPE.SOA: {
        const mname = this.name(), rname = this.name();
        return { type: 'SOA', name, ttl, mname, rname, serial: this.u32('SOA'), refresh: this.u32('SOA'), retry: this.u32('SOA'), expire: this.u32('SOA'), minimum: this.u32('SOA') };
      }
    }
    return { type, name, ttl, class: cls, data: this.bytes(len, 'record data') };
  }
}

function header(r: Reader): { id: number; flags: number; counts: number[] } {
  if (r.msg.length < HEADER) throw new DnsFormatError(`message of ${r.msg.length} bytes is shorter than the ${HEADER}-byte header`);
  const id = r.u16('header'), flags = r.u16('header');
  return { id, flags, counts: [r.u16('header'), r.u16('header'), r.u16('header'), r.u16('header')] };
}

/** Parses a query message; throws DnsFormatError for anything malformed. */
export function parseQuery(msg: Uint8Array): Query {
  const r = new Reader(msg);
  const { id, flags, counts: [qd, an, ns, ar] } = header(r);
  if (flags & QR) throw new DnsFormatError('QR bit set at byte 2: the message is a response, not a query');
  const query: Query = { id, opcode: (flags >> 11) & 0xf, recursionDesired: (flags & RD) !== 0, questions: [] };
  for (let i = 0; i < qd!; i++) query.questions.push(r.question());
  for (let i = 0; i < an! + ns!; i++) r.record();
  for (let i = 0; i < ar!; i++) {
    const at = r.pos, rec = r.record();
    if (rec.type !== TYPE.OPT) continue;
    if (query.udpSize !== undefined) throw new DnsFormatError(`second OPT record at byte ${at}`);
    if (rec.name !== '') throw new DnsFormatError(`OPT record at byte ${at} has owner "${rec.name}", not the root`);
    query.udpSize = (rec as { class: number }).class;
  }
  return query;
}

/** Appends big-endian fields and names, remembering where each name suffix was written for compression. */
class Writer {
  readonly bytes: number[] = [];
  private readonly suffixes = new Map<string, number>();
  get length(): number { return this.bytes.length; }
  u8(v: number): void { this.bytes.push(v); }
  u16(v: number, what = 'value'): void { this.bytes.push(...bigEndian(v, 2, what)); }
  u32(v: number, what = 'value'): void { this.bytes.push(...bigEndian(v, 4, what)); }
  patch16(at: number, v: number): void { this.bytes.splice(at, 2, v >> 8, v & 0xff); }
  /** Writes `name`, as a pointer to an earlier identical suffix when `compress` (RFC 2782 forbids it for SRV targets). */
  name(name: string, compress = true): void {
    const labels = splitName(name);
    for (let i = 0; i < labels.length; i++) {
      const suffix = labels.slice(i).join('.');
      const at = this.suffixes.get(suffix);
      if (compress && at !== undefined) return this.u16(0xc000 | at);
      if (this.length < 0x4000 && at === undefined) this.suffixes.set(suffix, this.length);
      this.u8(labels[i]!.length);
      for (const ch of labels[i]!) this.u8(ch.charCodeAt(0));
    }
    this.u8(0);
  }
  record(rec: ResourceRecord): void {
    this.name(rec.name);
    this.u16(TYPE[rec.type]);
    this.u16(CLASS_IN);
    this.u32(rec.ttl, `${rec.name} TTL`);
    const lengthAt = this.length;
    this.u16(0);
    switch (rec.type) {
      case 'A': this.bytes.push(...ipv4Bytes(rec.ip)); break;
      case 'AAAA': this.bytes.push(...ipv6Bytes(rec.ip)); break;
      case 'CNAME': this.name(rec.target); break;
      case 'SRV': this.u16(rec.priority, 'SRV priority'); this.u16(rec.weight, 'SRV weight'); this.u16(rec.port, 'SRV port'); this.name(rec.target, false); break;
      case 'SOA':
        this.name(rec.mname); this.name(rec.rname);
        for (const f of ['serial', 'refresh', 'retry', 'expire', 'minimum'] as const) this.u32(rec[f], `SOA ${f}`);
    }
    this.patch16(lengthAt, this.length - lengthAt - 2);
  }
}

/** The `size` big-endian bytes of `v`; throws unless `v` is an integer that fits. */
function bigEndian(v: number, size: 2 | 4, what: string): number[] {
  const max = 2 ** (8 * size) - 1;
  if (!Number.isInteger(v) || v < 0 || v > max) throw new Error(`${what} ${v} is not an integer between 0 and ${max}`);
  return Array.from({ length: size }, (_, i) => Math.floor(v / 2 ** (8 * (size - 1 - i))) & 0xff);
}

/** Splits a name into labels; "a.b." and "a.b" are the same, "" and "." are the root. */
function splitName(name: string): string[] {
  const trimmed = name.endsWith('.') ? name.slice(0, -1) : name;
  if (trimmed === '') return [];
  const labels = trimmed.split('.');
  for (const label of labels) {
    if (label === '') throw new Error(`name "${name}" has an empty label`);
    if (label.length > 63) throw new Error(`label "${label}" is ${label.length} bytes long, more than 63`);
    if (!/^[\x00-\x7f]*$/.test(label)) throw new Error(`label "${label}" is not ASCII`);
  }
  if (labels.reduce((n, l) => n + l.length + 1, 1) > MAX_NAME) throw new Error(`name "${name}" is longer than ${MAX_NAME} bytes`);
  return labels;
}

function ipv4Bytes(ip: string): number[] {
  if (!isIPv4(ip)) throw new Error(`"${ip}" is not an IPv4 address`);
  return ip.split('.').map(Number);
}

function ipv6Bytes(ip: string): number[] {
  if (!isIPv6(ip) || ip.includes('%')) throw new Error(`"${ip}" is not an IPv6 address`);
  const v4Groups = ([a, b, c, d]: number[]) => [(a! << 8) | b!, (c! << 8) | d!];
  const groups = (part: string): number[] =>
    part === '' ? [] : part.split(':').flatMap((g) => (g.includes('.') ? v4Groups(ipv4Bytes(g)) : [parseInt(g, 16)]));
  const [head, tail] = ip.split('::') as [string, string | undefined];
  const left = groups(head), right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  return all.flatMap((g) => [g >> 8, g & 0xff]);
}

/** RFC 5952 text form: lower-case hex, the longest run (2+) of zero groups as "::". */
function formatIPv6(b: Uint8Array): string {
  const g = Array.from({ length: 8 }, (_, i) => (b[2 * i]! << 8) | b[2 * i + 1]!);
  let best = -1, bestLen = 1;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
  }
  const hex = (xs: number[]) => xs.map((x) => x.toString(16)).join(':');
  return best < 0 ? hex(g) : `${hex(g.slice(0, best))}::${hex(g.slice(best + bestLen))}`;
}

/**
 * Encodes the response to `query`: same id and opcode, RD copied, QR=1, RA=0, question echoed. Records that do
 * not fit in maxSize are dropped whole from the end and TC is set; the EDNS0 OPT record (sent when the query had
 * one) always stays. Throws a plain Error for records that cannot be encoded (bad label, address or number).
 */
export function encodeResponse(query: Query, response: Response, maxSize = Math.max(512, query.udpSize ?? 0)): Uint8Array {
  const w = new Writer();
  for (let i = 0; i < 6; i++) w.u16(0);
  for (const q of query.questions) { w.name(q.name); w.u16(q.type); w.u16(q.class); }
  const sections = [response.answers, response.authority ?? [], response.additionals ?? []];
  const ends = [w.length];
  for (const rec of sections.flat()) { w.record(rec); ends.push(w.length); }
  const optSize = query.udpSize === undefined ? 0 : OPT_RECORD_SIZE;
  let kept = ends.length - 1;
  while (kept > 0 && ends[kept]! + optSize > maxSize) kept--;
  w.bytes.length = ends[kept]!;
  const truncated = kept < ends.length - 1;
  if (optSize) { w.u8(0); w.u16(TYPE.OPT); w.u16(EDNS_UDP_SIZE); w.u32(0); w.u16(0); }
  const flags = QR | ((query.opcode & 0xf) << 11) | (response.authoritative ? AA : 0) | (truncated ? TC : 0) | (query.recursionDesired ? RD : 0) | (response.rcode & 0xf);
  const counts = sections.map((s) => { const n = Math.min(kept, s.length); kept -= n; return n; });
  [query.id, flags, query.questions.length, counts[0]!, counts[1]!, counts[2]! + (optSize ? 1 : 0)].forEach((v, i) => w.patch16(2 * i, v));
  return Uint8Array.from(w.bytes);
}

/** FORMERR for a message that could not be parsed, keeping its id, opcode and RD; undefined below 2 bytes. */
export function formatErrorResponse(msg: Uint8Array): Uint8Array | undefined {
  if (msg.length < 2) return undefined;
  const out = new Uint8Array(HEADER);
  out.set(msg.subarray(0, 2));
  out[2] = 0x80 | ((msg[2] ?? 0) & 0x79); // QR, opcode, RD
  out[3] = RCODE.FORMERR;
  return out;
}

/** Parses a response message (for tests and clients); throws DnsFormatError when malformed. */
export function parseResponse(msg: Uint8Array): { id: number; rcode: number; authoritative: boolean; truncated: boolean; questions: Question[]; answers: ParsedRecord[]; authority: ParsedRecord[]; additionals: ParsedRecord[] } {
  const r = new Reader(msg);
  const { id, flags, counts: [qd, an, ns, ar] } = header(r);
  const questions = Array.from({ length: qd! }, () => r.question());
  const section = (n: number) => Array.from({ length: n }, () => r.record());
  const answers = section(an!), authority = section(ns!), additionals = section(ar!);
  return { id, rcode: flags & 0xf, authoritative: (flags & AA) !== 0, truncated: (flags & TC) !== 0, questions, answers, authority, additionals };
}
