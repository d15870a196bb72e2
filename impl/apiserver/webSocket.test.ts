// WebSocket framing and handshake against RFC 6455's own examples (sections 1.3 and 5.7), lengths
// at each encoding's edges, frames split across and packed into chunks, and the violations a
// server must refuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptKey, encodeFrame, FrameDecoder, handshakeProblem, handshakeResponse, Opcode, WebSocketProtocolError, type Message } from './webSocket.ts';

const bytes = (...values: number[]) => Buffer.from(values);
const MASK = bytes(0x37, 0xfa, 0x21, 0x3d);
const HELLO = Buffer.from('Hello');
/** RFC 6455 5.7: a single-frame masked text message "Hello". */
const MASKED_HELLO = bytes(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58);
const masked = (opcode: number, payload: Buffer, fin = true) => encodeFrame(opcode, payload, { mask: MASK, fin });
const decodeAll = (chunks: Buffer[], requireMask = true): Message[] => {
  const decoder = new FrameDecoder({ requireMask, maxMessageBytes: 100_000 });
  return chunks.flatMap((chunk) => decoder.push(chunk));
};
const splitEvery = (buf: Buffer, size: number) => Array.from({ length: Math.ceil(buf.length / size) }, (_, i) => buf.subarray(i * size, (i + 1) * size));

test('the accept key of RFC 6455\'s example handshake is the one the RFC gives', () => {
  assert.equal(acceptKey('dGhlIHNhbXBsZSBub25jZQ=='), 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  assert.equal(
    handshakeResponse('dGhlIHNhbXBsZSBub25jZQ==', 'v5.channel.k8s.io'),
    'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nSec-WebSocket-Protocol: v5.channel.k8s.io\r\n\r\n',
  );
});

test('an opening handshake is checked for its method, version and key', () => {
  const good = { 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' };
  const cases: [string, string, Record<string, string>, string | undefined][] = [
    ['a GET with version 13 and a 16-byte key passes', 'GET', good, undefined],
    ['POST is refused', 'POST', good, 'a WebSocket handshake must use GET, not POST'],
    ['version 8 is refused', 'GET', { ...good, 'sec-websocket-version': '8' }, 'unsupported Sec-WebSocket-Version "8": this server speaks version 13'],
    ['a missing key is refused', 'GET', { 'sec-websocket-version': '13' }, 'invalid Sec-WebSocket-Key "": must be 16 bytes in base64'],
    ['a key of the wrong length is refused', 'GET', { ...good, 'sec-websocket-key': 'c2hvcnQ=' }, 'invalid Sec-WebSocket-Key "c2hvcnQ=": must be 16 bytes in base64'],
  ];
  for (const [name, method, headers, want] of cases) assert.equal(handshakeProblem(method, headers), want, name);
});

test('frames encode with a 7-bit, 16-bit or 64-bit length and decode back', () => {
  const cases: [string, number, number[]][] = [
    ['an empty payload has a 2-byte header', 0, [0x82, 0x00]],
    ['125 bytes still fit in 7 bits', 125, [0x82, 125]],
    ['126 bytes take a 16-bit length', 126, [0x82, 126, 0x00, 126]],
    ['RFC 6455\'s 256-byte example takes a 16-bit length', 256, [0x82, 126, 0x01, 0x00]],
    ['65535 bytes are the largest 16-bit length', 65535, [0x82, 126, 0xff, 0xff]],
    ['RFC 6455\'s 64 KiB example takes a 64-bit length', 65536, [0x82, 127, 0, 0, 0, 0, 0, 0x01, 0x00, 0x00]],
  ];
  for (const [name, size, header] of cases) {
    const payload = Buffer.alloc(size, 7);
    const frame = encodeFrame(Opcode.binary, payload);
    assert.deepEqual([...frame.subarray(0, header.length)], header, name);
    assert.equal(frame.length, header.length + size, name);
    const [decoded] = decodeAll([encodeFrame(Opcode.binary, payload, { mask: MASK })]);
    assert.deepEqual(decoded, { type: 'binary', data: payload }, `${name}: a masked copy decodes to the payload`);
  }
});

test('decoding follows RFC 6455\'s examples and any split of the bytes', () => {
  const fragmented = Buffer.concat([masked(Opcode.text, Buffer.from('Hel'), false), masked(Opcode.ping, HELLO), masked(Opcode.continuation, Buffer.from('lo'))]);
  const big = Buffer.alloc(70_000, 9);
  const cases: [string, Buffer[], Message[]][] = [
    ['RFC 6455\'s masked "Hello" decodes', [MASKED_HELLO], [{ type: 'text', data: HELLO }]],
    ['encoding with the RFC\'s mask gives its bytes', [masked(Opcode.text, HELLO)], [{ type: 'text', data: HELLO }]],
    ['a frame split byte by byte decodes once whole', splitEvery(MASKED_HELLO, 1), [{ type: 'text', data: HELLO }]],
    ['a 64-bit-length frame split in 1000-byte chunks decodes', splitEvery(masked(Opcode.binary, big), 1000), [{ type: 'binary', data: big }]],
    ['two frames in one chunk are two messages', [Buffer.concat([MASKED_HELLO, masked(Opcode.binary, bytes(0, 1))])], [{ type: 'text', data: HELLO }, { type: 'binary', data: bytes(0, 1) }]],
    ['a fragmented message is joined, a ping between its fragments comes first', [fragmented], [{ type: 'ping', data: HELLO }, { type: 'text', data: HELLO }]],
    ['a close frame carries its code and reason', [masked(Opcode.close, Buffer.concat([bytes(0x03, 0xe8), Buffer.from('bye')]))], [{ type: 'close', data: Buffer.concat([bytes(0x03, 0xe8), Buffer.from('bye')]) }]],
    ['a close frame may be empty', [masked(Opcode.close, Buffer.alloc(0))], [{ type: 'close', data: Buffer.alloc(0) }]],
    ['RFC 6455\'s masked pong decodes', [bytes(0x8a, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58)], [{ type: 'pong', data: HELLO }]],
    ['an incomplete frame yields nothing yet', [MASKED_HELLO.subarray(0, 8)], []],
  ];
  for (const [name, chunks, want] of cases) assert.deepEqual(decodeAll(chunks), want, name);
  assert.deepEqual(decodeAll([bytes(0x81, 0x05, ...HELLO), bytes(0x89, 0x05, ...HELLO)], false), [{ type: 'text', data: HELLO }, { type: 'ping', data: HELLO }], 'RFC 6455\'s unmasked text and ping decode when masks are not required');
  assert.deepEqual(encodeFrame(Opcode.ping, HELLO), bytes(0x89, 0x05, ...HELLO), 'a server\'s ping is RFC 6455\'s unmasked example');
});

test('protocol violations throw with the close code to send', () => {
  const cases: [string, Buffer, number, RegExp][] = [
    ['an unmasked client frame', bytes(0x81, 0x05, ...HELLO), 1002, /must be masked/],
    ['reserved bits without an extension', Buffer.concat([bytes(0xc1), MASKED_HELLO.subarray(1)]), 1002, /reserved bits/],
    ['a fragmented ping', masked(Opcode.ping, HELLO, false), 1002, /control frame/],
    ['a ping over 125 bytes', masked(Opcode.ping, Buffer.alloc(126)), 1002, /control frame/],
    ['a close frame with one byte', masked(Opcode.close, bytes(3)), 1002, /1-byte/],
    ['a continuation with nothing to continue', masked(Opcode.continuation, HELLO), 1002, /continuation/],
    ['a new message inside a fragmented one', Buffer.concat([masked(Opcode.text, HELLO, false), masked(Opcode.binary, HELLO)]), 1002, /previous one/],
    ['an unknown opcode', masked(0x3, HELLO), 1002, /unknown data opcode 3/],
    ['a 64-bit length over the limit, refused before its payload arrives', bytes(0x82, 0xff, 0, 0, 0, 1, 0, 0, 0, 0), 1009, /over the limit/],
    ['fragments adding up past the limit', Buffer.concat([masked(Opcode.binary, Buffer.alloc(60_000), false), masked(Opcode.continuation, Buffer.alloc(60_000))]), 1009, /over the limit/],
  ];
  for (const [name, chunk, code, message] of cases) {
    assert.throws(() => decodeAll([chunk]), (error: unknown) => error instanceof WebSocketProtocolError && error.code === code && message.test(error.message), name);
  }
});
