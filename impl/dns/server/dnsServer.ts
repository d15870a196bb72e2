// Cluster DNS on the wire: an authoritative server for the cluster zone over UDP and TCP (RFC 1035;
// TCP messages carry a 2-byte length prefix), answering from whatever zone `zone()` returns at the
// time of the query, so `dig @127.0.0.1 -p <port> web.default.svc.cluster.local` works.
//
// Answers, as CoreDNS's kubernetes plugin gives them (TTL 5 s, authoritative):
//   A / AAAA   the name's addresses of that family; a CNAME name answers with the CNAME
//   SRV        the SRV records, with the targets' addresses as additional records
//   CNAME, ANY the records of that type, or all of them
// A name the zone holds with no record of the type is NOERROR with no answer (NODATA); a name it
// does not hold is NXDOMAIN; both carry the zone's SOA. Names outside the zone are REFUSED (this
// server forwards nothing), other opcodes NOTIMP, other classes than IN and not one question
// exactly FORMERR / REFUSED, and a message that cannot be parsed FORMERR.
import { createSocket } from 'node:dgram';
import { createServer, isIPv6, type Socket } from 'node:net';
import type { ClusterDnsZone, DnsRecord } from '../ClusterDnsZone.ts';
import { normaliseName } from '../ClusterDnsZone.ts';
import { DnsFormatError, RCODE, TYPE, encodeResponse, formatErrorResponse, parseQuery, type ResourceRecord } from './wire.ts';

export const DNS_TTL = 5;
const CLASS_IN = 1;

function toWire(r: DnsRecord): ResourceRecord {
  if (r.type === 'A') return { type: isIPv6(r.ip) ? 'AAAA' : 'A', name: r.name, ttl: DNS_TTL, ip: r.ip };
  if (r.type === 'CNAME') return { type: 'CNAME', name: r.name, ttl: DNS_TTL, target: r.target };
  return { ...r, ttl: DNS_TTL };
}

function soa(zone: ClusterDnsZone): ResourceRecord {
  return { type: 'SOA', name: zone.domain, ttl: DNS_TTL, mname: `ns.dns.${zone.domain}`, rname: `hostmaster.${zone.domain}`, serial: 1, refresh: 7200, retry: 1800, expire: 86400, minimum: DNS_TTL };
}

/** The answer records for one question (empty: none of that type). */
function recordsFor(zone: ClusterDnsZone, name: string, type: number): { answers: ResourceRecord[]; additionals: ResourceRecord[] } {
  const all = (['A', 'CNAME', 'SRV'] as const).flatMap((t) => zone.lookup(name, t)).map(toWire);
  switch (type) {
    case TYPE.A:
    case TYPE.AAAA: {
      const want = type === TYPE.A ? 'A' : 'AAAA';
      const addresses = all.filter((r) => r.type === want);
      return { answers: addresses.length ? addresses : all.filter((r) => r.type === 'CNAME'), additionals: [] };
    }
    case TYPE.SRV: {
      const srv = all.filter((r) => r.type === 'SRV');
      const targets = [...new Set(srv.map((r) => (r.type === 'SRV' ? r.target : '')))];
      return { answers: srv, additionals: targets.flatMap((t) => zone.lookup(t, 'A').map(toWire)) };
    }
    case TYPE.CNAME:
      return { answers: all.filter((r) => r.type === 'CNAME'), additionals: [] };
    case TYPE.ANY:
      return { answers: all, additionals: [] };
    default:
      return { answers: [], additionals: [] };
  }
}

const inZone = (name: string, domain: string) => name === domain || name.endsWith(`.${domain}`);

/** The response to one DNS message, or undefined when there is nothing to answer (fewer than 2 bytes). */
export function answerMessage(zone: ClusterDnsZone, message: Uint8Array, maxSize?: number): Uint8Array | undefined {
  let query;
  try {
    query = parseQuery(message);
  } catch (error) {
    if (error instanceof DnsFormatError) return formatErrorResponse(message);
    throw error;
  }
  const reply = (rcode: number, rest: { answers?: ResourceRecord[]; authority?: ResourceRecord[]; additionals?: ResourceRecord[]; authoritative?: boolean } = {}) =>
    encodeResponse(query, { rcode, authoritative: rest.authoritative ?? false, answers: rest.answers ?? [], authority: rest.authority, additionals: rest.additionals }, maxSize);
  if (query.opcode !== 0) return reply(RCODE.NOTIMP);
  if (query.questions.length !== 1) return reply(RCODE.FORMERR);
  const [question] = query.questions;
  if (question.class !== CLASS_IN) return reply(RCODE.REFUSED);
  const name = normaliseName(question.name);
  if (!inZone(name, zone.domain)) return reply(RCODE.REFUSED);
  if (!zone.has(name)) return reply(RCODE.NXDOMAIN, { authority: [soa(zone)], authoritative: true });
  const { answers, additionals } = recordsFor(zone, name, question.type);
  return reply(RCODE.NOERROR, { answers, additionals, authority: answers.length ? undefined : [soa(zone)], authoritative: true });
}

export interface ServedDns {
  /** The port, the same for UDP and TCP. */
  port: number;
  close(): Promise<void>;
}

/** Serves `zone()` on host:port over UDP and TCP (port 0: a free one, the same for both). */
export async function serveDns(zone: () => ClusterDnsZone, options: { host?: string; port?: number } = {}): Promise<ServedDns> {
  const host = options.host ?? '127.0.0.1';
  const tcp = createServer((socket) => serveTcpConnection(socket, zone));
  await new Promise<void>((resolve, reject) => tcp.once('error', reject).listen(options.port ?? 0, host, () => resolve()));
  const port = (tcp.address() as { port: number }).port;
  const udp = createSocket(isIPv6(host) ? 'udp6' : 'udp4');
  udp.on('message', (message, from) => {
    const response = answerMessage(zone(), message);
    if (response) udp.send(response, from.port, from.address);
  });
  try {
    await new Promise<void>((resolve, reject) => udp.once('error', reject).bind(port, host, () => resolve()));
  } catch (error) {
    await new Promise((r) => tcp.close(r));
    throw error;
  }
  const connections = new Set<Socket>();
  tcp.on('connection', (s) => (connections.add(s), s.on('close', () => connections.delete(s))));
  return {
    port,
    close: async () => {
      connections.forEach((s) => s.destroy());
      await Promise.all([new Promise((r) => tcp.close(r)), new Promise<void>((r) => udp.close(() => r()))]);
    },
  };
}

/** Reads length-prefixed messages from one TCP connection and answers each (no size limit but 65535). */
function serveTcpConnection(socket: Socket, zone: () => ClusterDnsZone): void {
  let buffered = Buffer.alloc(0);
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) {
      const length = buffered.readUInt16BE(0);
      const response = answerMessage(zone(), buffered.subarray(2, 2 + length), 65535);
      buffered = buffered.subarray(2 + length);
      if (!response) return void socket.destroy();
      const framed = Buffer.alloc(2 + response.length);
      framed.writeUInt16BE(response.length, 0);
      framed.set(response, 2);
      socket.write(framed);
    }
  });
}
