import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { test } from 'node:test';
import {
  DnsFormatError, RCODE, TYPE, encodeResponse, formatErrorResponse, parseQuery, parseResponse,
  type Query, type ResourceRecord,
} from './wire.ts';

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/#.*$/gm, '').replace(/\s+/g, ''), 'hex'));
const NAME = 'web.default.svc.cluster.local';
const NAME_WIRE = '03 776562 07 64656661756c74 03 737663 07 636c7573746572 05 6c6f63616c 00'; // RFC 1035 §3.1
const HEADER_RD_ONE_QUESTION = '1234 0100 0001 0000 0000 0000'; // id, flags (RD), QD=1, AN=NS=AR=0
const A_QUERY = hex(`${HEADER_RD_ONE_QUESTION} ${NAME_WIRE} 0001 0001`); // QTYPE A, QCLASS IN
const OPT_4096 = '00 0029 1000 00000000 0000'; // root owner, type OPT, UDP size 4096, ext-rcode/version/flags 0, no options
const EDNS_QUERY = hex(`1234 0100 0001 0000 0000 0001 ${NAME_WIRE} 0001 0001 ${OPT_4096}`);
const query = (over: Partial<Query> = {}): Query => ({ id: 0x1234, opcode: 0, recursionDesired: true, questions: [{ name: NAME, type: TYPE.A, class: 1 }], ...over });
const aRecords = (n: number, name = NAME): ResourceRecord[] => Array.from({ length: n }, (_, i) => ({ type: 'A', name, ttl: 30, ip: `10.0.${i >> 8}.${i & 0xff}` }));

const knownQueries: { name: string; msg: Uint8Array; want: Query }[] = [
  { name: 'a hand-written RFC 1035 query for web.default.svc.cluster.local A with id 0x1234 and RD parses', msg: A_QUERY, want: query() },
  {
    name: 'a second question compressed as a label plus a pointer into the first is followed',
    msg: hex(`0007 0000 0002 0000 0000 0000 ${NAME_WIRE} 0021 0001 02 6462 c010 001c 0001`), // "db" + pointer to "default..." at 16
    want: { id: 7, opcode: 0, recursionDesired: false, questions: [{ name: NAME, type: TYPE.SRV, class: 1 }, { name: 'db.default.svc.cluster.local', type: TYPE.AAAA, class: 1 }] },
  },
  { name: 'case is kept as sent', msg: hex(`0001 0100 0001 0000 0000 0000 03 576542 00 0001 0001`), want: query({ id: 1, questions: [{ name: 'WeB', type: TYPE.A, class: 1 }] }) },
];
for (const { name, msg, want } of knownQueries) test(name, () => assert.deepEqual(parseQuery(msg), want));

const roundTrips: { name: string; rec: ResourceRecord }[] = [
  { name: 'an A record round-trips', rec: { type: 'A', name: NAME, ttl: 5, ip: '10.96.0.42' } },
  { name: 'an AAAA record round-trips in RFC 5952 form', rec: { type: 'AAAA', name: NAME, ttl: 5, ip: 'fd00:10:96::2a' } },
  { name: 'an AAAA record with no zero run round-trips', rec: { type: 'AAAA', name: NAME, ttl: 5, ip: '2001:db8:1:2:3:4:5:6' } },
  { name: 'a CNAME record round-trips', rec: { type: 'CNAME', name: 'mail.default.svc.cluster.local', ttl: 30, target: 'mail.example.com' } },
  { name: 'an SRV record round-trips', rec: { type: 'SRV', name: '_http._tcp.web.default.svc.cluster.local', ttl: 30, priority: 0, weight: 100, port: 8080, target: NAME } },
  {
    name: 'an SOA record round-trips with 32-bit fields above 2^31',
    rec: { type: 'SOA', name: 'cluster.local', ttl: 5, mname: 'ns.dns.cluster.local', rname: 'hostmaster.cluster.local', serial: 0xfffffffe, refresh: 7200, retry: 1800, expire: 86400, minimum: 5 },
  },
];
for (const { name, rec } of roundTrips) {
  test(name, () => {
    for (const section of ['answers', 'authority', 'additionals'] as const) {
      const got = parseResponse(encodeResponse(query(), { rcode: RCODE.NOERROR, authoritative: true, answers: [], [section]: [rec] }));
      assert.deepEqual(got[section], [rec], section);
      assert.deepEqual({ ...got, [section]: [] }, { id: 0x1234, rcode: 0, authoritative: true, truncated: false, questions: query().questions, answers: [], authority: [], additionals: [] });
    }
  });
}

test('an AAAA address written with an embedded IPv4 tail is decoded to the same address in hex', () => {
  const got = parseResponse(encodeResponse(query(), { rcode: 0, authoritative: true, answers: [{ type: 'AAAA', name: NAME, ttl: 1, ip: '::ffff:10.96.0.42' }] }));
  assert.equal((got.answers[0] as { ip: string }).ip, '::ffff:a60:2a');
});

test('the header echoes opcode, RD and rcode and leaves RA clear', () => {
  const bytes = encodeResponse(query({ recursionDesired: false, opcode: 2 }), { rcode: RCODE.NXDOMAIN, authoritative: false, answers: [] });
  assert.deepEqual([...bytes.subarray(2, 4)], [0x80 | (2 << 3), RCODE.NXDOMAIN]);
});

test('compression shortens a response with repeated names and uses 0xC0 pointers', () => {
  const n = 5, nameLen = NAME.length + 2;
  const uncompressed = 12 + nameLen + 4 + n * (nameLen + 10 + 4);
  const bytes = encodeResponse(query(), { rcode: 0, authoritative: true, answers: aRecords(n) });
  assert.equal(bytes.length, 12 + nameLen + 4 + n * (2 + 10 + 4), `compressed size (uncompressed would be ${uncompressed})`);
  assert.ok(bytes.length < uncompressed);
  assert.equal(bytes[12 + nameLen + 4], 0xc0, 'the first answer name is a pointer');
  assert.equal(bytes[12 + nameLen + 5], 12, 'pointing at the question name');
});

test('a name sharing only a suffix is compressed to its new labels plus a pointer', () => {
  const bytes = encodeResponse(query(), { rcode: 0, authoritative: true, answers: aRecords(1, `db.default.svc.cluster.local`) });
  const at = 12 + NAME.length + 2 + 4;
  assert.deepEqual([...bytes.subarray(at, at + 5)], [2, 0x64, 0x62, 0xc0, 12 + 4]); // "db" then -> "default..." at 16
});

test('an SRV target is never compressed (RFC 2782)', () => {
  const srv: ResourceRecord = { type: 'SRV', name: NAME, ttl: 1, priority: 1, weight: 2, port: 3, target: NAME };
  const bytes = encodeResponse(query(), { rcode: 0, authoritative: true, answers: [srv] });
  assert.equal(bytes.length, 12 + (NAME.length + 2 + 4) + (2 + 10 + 6 + NAME.length + 2));
});

test('a name with or without a trailing dot encodes the same, and the root name is one zero byte', () => {
  const enc = (name: string) => encodeResponse(query({ questions: [{ name, type: TYPE.NS, class: 1 }] }), { rcode: 0, authoritative: true, answers: [] });
  assert.deepEqual(enc(`${NAME}.`), enc(NAME));
  assert.deepEqual(enc('.'), enc(''));
  assert.equal(enc('').length, 12 + 1 + 4);
  assert.equal(parseResponse(enc('')).questions[0]!.name, '');
});

const truncations: { name: string; answers: number; additionals: number; udpSize?: number; maxSize?: number; want: { tc: boolean; answers: number; additionals: number; size: number } }[] = [
  { name: '40 A records at 512 bytes keep the first 29 and set TC', answers: 40, additionals: 0, want: { tc: true, answers: 29, additionals: 0, size: 47 + 29 * 16 } },
  { name: 'additionals are dropped before answers', answers: 20, additionals: 20, want: { tc: true, answers: 20, additionals: 9, size: 47 + 29 * 16 } },
  { name: 'a response that fits is not truncated', answers: 29, additionals: 0, want: { tc: false, answers: 29, additionals: 0, size: 47 + 29 * 16 } },
  { name: 'the EDNS UDP size of the query raises the default limit', answers: 40, additionals: 0, udpSize: 1232, want: { tc: false, answers: 40, additionals: 1, size: 47 + 40 * 16 + 11 } },
  { name: 'the OPT record always stays and counts against the limit', answers: 40, additionals: 0, udpSize: 1232, maxSize: 512, want: { tc: true, answers: 28, additionals: 1, size: 47 + 28 * 16 + 11 } },
  { name: 'an EDNS UDP size below 512 is treated as 512', answers: 40, additionals: 0, udpSize: 100, want: { tc: true, answers: 28, additionals: 1, size: 47 + 28 * 16 + 11 } },
];
for (const t of truncations) {
  test(t.name, () => {
    const records = aRecords(t.answers + t.additionals);
    const bytes = encodeResponse(query({ udpSize: t.udpSize }), { rcode: 0, authoritative: true, answers: records.slice(0, t.answers), additionals: records.slice(t.answers) }, t.maxSize);
    const got = parseResponse(bytes);
    assert.deepEqual({ tc: got.truncated, answers: got.answers.length, additionals: got.additionals.length, size: bytes.length }, t.want);
    assert.deepEqual(got.answers, records.slice(0, t.want.answers), 'the kept records are the first ones');
  });
}

const malformed: { name: string; msg: Uint8Array; error: RegExp }[] = [
  { name: 'a 5-byte message is shorter than the header', msg: hex('1234 0100 00'), error: /5 bytes is shorter than the 12-byte header/ },
  { name: 'a label of length 64 is rejected', msg: hex(`${HEADER_RD_ONE_QUESTION} 40 ${'61'.repeat(64)} 00 0001 0001`), error: /label length 64 at byte 12 exceeds 63/ },
  { name: 'a compression pointer to itself is a loop', msg: hex(`${HEADER_RD_ONE_QUESTION} c00c 0001 0001`), error: /pointer at byte 12 to byte 12 does not point before byte 12 \(loop\)/ },
  { name: 'a label followed by a pointer back to it is a loop', msg: hex(`${HEADER_RD_ONE_QUESTION} 01 61 c00c 0001 0001`), error: /pointer at byte 14 to byte 12 does not point before byte 12/ },
  {
    name: 'a pointer forward to a later name that points back is rejected',
    msg: hex(`1234 0100 0002 0000 0000 0000 01 61 c012 0001 0001 01 62 c00c 0001 0001`),
    error: /pointer at byte 14 to byte 18 does not point before byte 12/,
  },
  { name: 'a message with the QR bit set is not a query', msg: hex(`1234 8100 0001 0000 0000 0000 ${NAME_WIRE} 0001 0001`), error: /QR bit set at byte 2/ },
  { name: 'a question cut short after its name is rejected', msg: hex(`${HEADER_RD_ONE_QUESTION} ${NAME_WIRE} 0001`), error: /question class cut short at byte 45/ },
  { name: 'a question cut short inside a label is rejected', msg: hex(`${HEADER_RD_ONE_QUESTION} 03 7765`), error: /label at byte 12 cut short/ },
  { name: 'a label with a dot in it is rejected since it could not be echoed', msg: hex(`${HEADER_RD_ONE_QUESTION} 03 612e62 00 0001 0001`), error: /label at byte 12 has a dot or a non-ASCII byte/ },
  { name: 'a label with a non-ASCII byte is rejected', msg: hex(`${HEADER_RD_ONE_QUESTION} 02 61e9 00 0001 0001`), error: /label at byte 12 has a dot or a non-ASCII byte/ },
  { name: 'a name longer than 255 bytes is rejected', msg: hex(`${HEADER_RD_ONE_QUESTION} ${`3f ${'61'.repeat(63)} `.repeat(4)} 00 0001 0001`), error: /name exceeds 255 bytes/ },
  { name: 'a question count larger than the questions present is rejected', msg: hex(`1234 0100 0002 0000 0000 0000 ${NAME_WIRE} 0001 0001`), error: /name runs past the end of the message at byte 47/ },
  { name: 'an OPT record with a wrong length is rejected', msg: hex(`1234 0100 0000 0000 0000 0001 00 0029 1000 00000000 0004`), error: /record data cut short at byte 23/ },
  { name: 'two OPT records are rejected', msg: hex(`1234 0100 0000 0000 0000 0002 ${OPT_4096} ${OPT_4096}`), error: /second OPT record at byte 23/ },
];
for (const { name, msg, error } of malformed) {
  test(name, () => {
    assert.throws(() => parseQuery(msg), (e: unknown) => e instanceof DnsFormatError && error.test(e.message));
  });
}

const unencodable: { name: string; rec: ResourceRecord; error: RegExp }[] = [
  { name: 'encoding a 64-byte label throws naming the label', rec: { type: 'A', name: `${'x'.repeat(64)}.local`, ttl: 1, ip: '10.0.0.1' }, error: new RegExp(`label "x{64}" is 64 bytes long`) },
  { name: 'encoding an empty label throws', rec: { type: 'CNAME', name: NAME, ttl: 1, target: 'a..b' }, error: /"a..b" has an empty label/ },
  { name: 'encoding a non-ASCII label throws', rec: { type: 'A', name: 'café.local', ttl: 1, ip: '10.0.0.1' }, error: /label "café" is not ASCII/ },
  { name: 'encoding a bad IPv4 address throws', rec: { type: 'A', name: NAME, ttl: 1, ip: '10.0.0.256' }, error: /not an IPv4 address/ },
  { name: 'encoding a bad IPv6 address throws', rec: { type: 'AAAA', name: NAME, ttl: 1, ip: 'fd00::1::2' }, error: /not an IPv6 address/ },
  { name: 'encoding an SRV port above 65535 throws', rec: { type: 'SRV', name: NAME, ttl: 1, priority: 0, weight: 0, port: 70000, target: NAME }, error: /SRV port 70000 is not an integer between 0 and 65535/ },
  { name: 'encoding a TTL above 2^32 - 1 throws', rec: { type: 'A', name: NAME, ttl: 2 ** 32, ip: '10.0.0.1' }, error: /TTL 4294967296 is not an integer between 0 and 4294967295/ },
];
for (const { name, rec, error } of unencodable) {
  test(name, () => assert.throws(() => encodeResponse(query(), { rcode: 0, authoritative: true, answers: [rec] }), error));
}

const formErrs: { name: string; msg: Uint8Array; want: number[] | undefined }[] = [
  { name: 'a FORMERR response keeps the id, opcode and RD of a 5-byte message', msg: hex('abcd 0900 00'), want: [0xab, 0xcd, 0x89, 1, 0, 0, 0, 0, 0, 0, 0, 0] },
  { name: 'a FORMERR response for a 2-byte message keeps the id', msg: hex('abcd'), want: [0xab, 0xcd, 0x80, 1, 0, 0, 0, 0, 0, 0, 0, 0] },
  { name: 'a 1-byte message gets no response', msg: hex('ab'), want: undefined },
];
for (const { name, msg, want } of formErrs) {
  test(name, () => {
    const got = formatErrorResponse(msg);
    assert.deepEqual(got && [...got], want);
    if (got) assert.deepEqual(parseResponse(got), { id: 0xabcd, rcode: RCODE.FORMERR, authoritative: false, truncated: false, questions: [], answers: [], authority: [], additionals: [] });
  });
}

test('a query with an EDNS0 OPT record yields its UDP size and a response with an OPT record', () => {
  const q = parseQuery(EDNS_QUERY);
  assert.deepEqual(q, query({ udpSize: 4096 }));
  const got = parseResponse(encodeResponse(q, { rcode: 0, authoritative: true, answers: aRecords(1) }));
  assert.deepEqual(got.additionals, [{ type: TYPE.OPT, name: '', ttl: 0, class: 1232, data: new Uint8Array(0) }]);
  assert.deepEqual(got.answers, aRecords(1));
});

test("Node's resolver gets A and SRV answers from a UDP server built on parseQuery and encodeResponse", async () => {
  const srv: ResourceRecord = { type: 'SRV', name: `_http._tcp.${NAME}`, ttl: 5, priority: 10, weight: 60, port: 8080, target: NAME };
  const socket = dgram.createSocket('udp4');
  socket.on('message', (msg, peer) => {
    let reply: Uint8Array | undefined;
    try {
      const q = parseQuery(msg);
      const answers: ResourceRecord[] = q.questions.map((qn) => (qn.type === TYPE.SRV ? { ...srv, name: qn.name } : { type: 'A', name: qn.name, ttl: 5, ip: '10.96.0.42' }));
      reply = encodeResponse(q, { rcode: RCODE.NOERROR, authoritative: true, answers });
    } catch (e) {
      if (!(e instanceof DnsFormatError)) throw e;
      reply = formatErrorResponse(msg);
    }
    if (reply) socket.send(reply, peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  try {
    const { Resolver } = (await import('node:dns')).promises;
    const resolver = new Resolver({ timeout: 2000, tries: 1 });
    resolver.setServers([`127.0.0.1:${socket.address().port}`]);
    assert.deepEqual(await resolver.resolve4(NAME), ['10.96.0.42']);
    assert.deepEqual(await resolver.resolveSrv(srv.name), [{ priority: 10, weight: 60, port: 8080, name: NAME }]);
  } finally {
    socket.close();
  }
});
