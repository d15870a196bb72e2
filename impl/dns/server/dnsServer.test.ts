// The cluster DNS server: what it answers for each kind of question (table), and that real clients
// get those answers over UDP (Node's resolver, as a pod's stub resolver would ask) and over TCP.
import assert from 'node:assert/strict';
import { Resolver } from 'node:dns/promises';
import { connect } from 'node:net';
import { test } from 'node:test';
import { pod, service } from '../../endpoints/_fixtures.ts';
import { computeEndpoints } from '../../endpoints/computeEndpoints.ts';
import { ClusterDnsZone } from '../ClusterDnsZone.ts';
import { answerMessage, serveDns } from './dnsServer.ts';
import { RCODE, TYPE, encodeResponse, parseResponse, type Query } from './wire.ts';

const web = service('web', { ns: 'shop', clusterIP: '10.96.0.20', ports: [{ name: 'http', port: 80, targetPort: 8080 }] });
const web6 = service('web6', { ns: 'shop', clusterIP: 'fd00::20', ports: [{ port: 80 }] });
const db = service('db', { ns: 'shop', selector: { app: 'db' }, clusterIP: 'None', ports: [{ name: 'pg', port: 5432 }] });
const dbPods = [pod('db-0', { ns: 'shop', ip: '10.1.0.7', labels: { app: 'db' }, hostname: 'db-0', subdomain: 'db' })];
const mail = service('mail', { ns: 'shop', type: 'ExternalName', externalName: 'mail.example.com', selector: null });
const zone = new ClusterDnsZone([web, web6, db, mail], [computeEndpoints(db, dbPods)!]);

/** A query message for one question (class IN unless given). */
function queryBytes(name: string, type: number, over: Partial<Query> = {}, klass = 1): Uint8Array {
  const q: Query = { id: 42, opcode: 0, recursionDesired: true, questions: [{ name, type, class: klass }], ...over };
  // a response encodes the question section as a query does; clear QR (byte 2, top bit) to make it one
  const bytes = encodeResponse(q, { rcode: 0, authoritative: false, answers: [] });
  bytes[2] &= 0x7f;
  return bytes;
}

/** The answer as `RCODE aa? answers | additionals | authority types`. */
function ask(name: string, type: number, over: Partial<Query> = {}, klass = 1): string {
  const r = parseResponse(answerMessage(zone, queryBytes(name, type, over, klass))!);
  const show = (list: readonly unknown[]) => list.map((x) => {
    const rec = x as { type: string | number; ip?: string; target?: string; port?: number };
    return rec.ip ? `${rec.type} ${rec.ip}` : rec.port ? `SRV ${rec.port} ${rec.target}` : rec.target ? `${rec.type} ${rec.target}` : String(rec.type);
  }).join(', ');
  const rcode = Object.entries(RCODE).find(([, v]) => v === r.rcode)?.[0];
  return `${rcode}${r.authoritative ? ' aa' : ''} | ${show(r.answers)} | ${show(r.additionals)} | ${show(r.authority)}`;
}

const cases: { name: string; ask: Parameters<typeof ask>; want: string }[] = [
  { name: 'A for a service gives its cluster IP, authoritatively', ask: ['web.shop.svc.cluster.local', TYPE.A], want: 'NOERROR aa | A 10.96.0.20 |  | ' },
  { name: 'names are matched without regard to case or a trailing dot', ask: ['WEB.Shop.svc.cluster.local.', TYPE.A], want: 'NOERROR aa | A 10.96.0.20 |  | ' },
  { name: 'AAAA for an IPv6 service gives its cluster IP', ask: ['web6.shop.svc.cluster.local', TYPE.AAAA], want: 'NOERROR aa | AAAA fd00::20 |  | ' },
  { name: 'AAAA for an IPv4-only service is NODATA with the SOA', ask: ['web.shop.svc.cluster.local', TYPE.AAAA], want: 'NOERROR aa |  |  | SOA' },
  { name: 'a headless service gives its ready pods', ask: ['db.shop.svc.cluster.local', TYPE.A], want: 'NOERROR aa | A 10.1.0.7 |  | ' },
  { name: 'SRV gives the port and target, with the target address as additional', ask: ['_pg._tcp.db.shop.svc.cluster.local', TYPE.SRV], want: 'NOERROR aa | SRV 5432 db-0.db.shop.svc.cluster.local | A 10.1.0.7 | ' },
  { name: 'A for an ExternalName service gives the CNAME', ask: ['mail.shop.svc.cluster.local', TYPE.A], want: 'NOERROR aa | CNAME mail.example.com |  | ' },
  { name: 'an unknown name in the zone is NXDOMAIN with the SOA', ask: ['nope.shop.svc.cluster.local', TYPE.A], want: 'NXDOMAIN aa |  |  | SOA' },
  { name: 'a name outside the zone is refused (nothing is forwarded)', ask: ['example.com', TYPE.A], want: 'REFUSED |  |  | ' },
  { name: 'a class other than IN is refused', ask: ['web.shop.svc.cluster.local', TYPE.A, {}, 3], want: 'REFUSED |  |  | ' },
  { name: 'an opcode other than QUERY is not implemented', ask: ['web.shop.svc.cluster.local', TYPE.A, { opcode: 2 }], want: 'NOTIMP |  |  | ' },
  { name: 'two questions in one message are a format error', ask: ['web.shop.svc.cluster.local', TYPE.A, { questions: [{ name: 'a.cluster.local', type: 1, class: 1 }, { name: 'b.cluster.local', type: 1, class: 1 }] }], want: 'FORMERR |  |  | ' },
];
for (const c of cases) test(c.name, () => assert.equal(ask(...c.ask), c.want));

test('a message that cannot be parsed gets FORMERR with its id; one under 2 bytes gets nothing', () => {
  const r = parseResponse(answerMessage(zone, Uint8Array.from([0xab, 0xcd, 0x01]))!);
  assert.deepEqual([r.id, r.rcode], [0xabcd, RCODE.FORMERR]);
  assert.equal(answerMessage(zone, Uint8Array.from([1])), undefined);
});

test('real clients get the answers over UDP (Node\'s resolver) and TCP, from the zone of the moment', async () => {
  let current = zone;
  const served = await serveDns(() => current);
  try {
    const resolver = new Resolver({ timeout: 2000, tries: 1 });
    resolver.setServers([`127.0.0.1:${served.port}`]);
    assert.deepEqual(await resolver.resolve4('web.shop.svc.cluster.local'), ['10.96.0.20']);
    assert.deepEqual(await resolver.resolveSrv('_pg._tcp.db.shop.svc.cluster.local'), [{ name: 'db-0.db.shop.svc.cluster.local', port: 5432, priority: 0, weight: 100 }]);
    await assert.rejects(resolver.resolve4('nope.shop.svc.cluster.local'), { code: 'ENOTFOUND' });
    current = new ClusterDnsZone([], []);
    await assert.rejects(resolver.resolve4('web.shop.svc.cluster.local'), { code: 'ENOTFOUND' }, 'a Service gone from the zone is gone from the answers');
    current = zone;

    // two length-prefixed queries in one TCP write, answered in order
    const framed = (m: Uint8Array) => Buffer.concat([Buffer.from([m.length >> 8, m.length & 0xff]), m]);
    const socket = connect(served.port, '127.0.0.1');
    socket.write(Buffer.concat([framed(queryBytes('web.shop.svc.cluster.local', TYPE.A)), framed(queryBytes('db.shop.svc.cluster.local', TYPE.A))]));
    const replies: string[] = [];
    let buffered = Buffer.alloc(0);
    await new Promise<void>((resolve, reject) => {
      socket.on('error', reject).on('data', (chunk) => {
        buffered = Buffer.concat([buffered, chunk]);
        while (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) {
          const r = parseResponse(buffered.subarray(2, 2 + buffered.readUInt16BE(0)));
          replies.push((r.answers[0] as { ip: string }).ip);
          buffered = buffered.subarray(2 + buffered.readUInt16BE(0));
        }
        if (replies.length === 2) resolve();
      });
    });
    socket.destroy();
    assert.deepEqual(replies, ['10.96.0.20', '10.1.0.7']);
  } finally {
    await served.close();
  }
});

test('serving on a port that is taken fails, leaving nothing listening', async () => {
  const first = await serveDns(() => zone);
  try {
    await assert.rejects(serveDns(() => zone, { port: first.port }), { code: 'EADDRINUSE' });
  } finally {
    await first.close();
  }
});
