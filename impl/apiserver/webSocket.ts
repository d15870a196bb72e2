// The server side of WebSocket (RFC 6455): the opening handshake's checks and answer, and the
// framing (encoding frames, decoding a byte stream into messages). It knows nothing of what the
// messages carry; execStream.ts speaks the exec channel protocol on top of it.
import { createHash } from 'node:crypto';

/** RFC 6455 1.3: appended to Sec-WebSocket-Key before hashing. */
const ACCEPT_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export const Opcode = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

/** Close codes (RFC 6455 7.4.1) this server sends. */
export const CloseCode = { normal: 1000, protocolError: 1002, tooBig: 1009 } as const;

export type Headers = Record<string, string | string[] | undefined>;

const headerOf = (headers: Headers, name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
};

/** Sec-WebSocket-Accept for a Sec-WebSocket-Key: base64(sha1(key + GUID)). */
export function acceptKey(key: string): string {
  return createHash('sha1').update(key + ACCEPT_GUID).digest('base64');
}

/** The subprotocols the client offers in Sec-WebSocket-Protocol, in its order. */
export function offeredProtocols(headers: Headers): string[] {
  return (headerOf(headers, 'sec-websocket-protocol') ?? '').split(',').map((p) => p.trim()).filter(Boolean);
}

/** Why a request with `Upgrade: websocket` is not a valid opening handshake (RFC 6455 4.2.1), or undefined. */
export function handshakeProblem(method: string, headers: Headers): string | undefined {
  if (method.toUpperCase() !== 'GET') return `a WebSocket handshake must use GET, not ${method}`;
  const version = headerOf(headers, 'sec-websocket-version');
  if (version?.trim() !== '13') return `unsupported Sec-WebSocket-Version "${version ?? ''}": this server speaks version 13`;
  const key = headerOf(headers, 'sec-websocket-key')?.trim() ?? '';
  if (!/^[A-Za-z0-9+/]{22}==$/.test(key)) return `invalid Sec-WebSocket-Key "${key}": must be 16 bytes in base64`;
  return undefined;
}

/** The 101 answer's head for a handshake handshakeProblem accepted. */
export function handshakeResponse(key: string, protocol?: string): string {
  const lines = ['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${acceptKey(key.trim())}`];
  if (protocol) lines.push(`Sec-WebSocket-Protocol: ${protocol}`);
  return lines.join('\r\n') + '\r\n\r\n';
}

/** One frame; `mask` (4 bytes) is for a client's frames, a server's are never masked. */
export function encodeFrame(opcode: number, payload: Buffer = Buffer.alloc(0), options: { fin?: boolean; mask?: Buffer } = {}): Buffer {
  const { fin = true, mask } = options;
  const length = payload.length;
  const lengthBytes = length < 126 ? 0 : length < 0x10000 ? 2 : 8;
  const head = Buffer.alloc(2 + lengthBytes + (mask ? 4 : 0));
  head[0] = (fin ? 0x80 : 0) | opcode;
  head[1] = (mask ? 0x80 : 0) | (lengthBytes === 0 ? length : lengthBytes === 2 ? 126 : 127);
  if (lengthBytes === 2) head.writeUInt16BE(length, 2);
  if (lengthBytes === 8) head.writeBigUInt64BE(BigInt(length), 2);
  if (!mask) return Buffer.concat([head, payload]);
  mask.copy(head, 2 + lengthBytes, 0, 4);
  return Buffer.concat([head, unmask(payload, mask)]);
}

/** A close frame's payload: the code, then the UTF-8 reason. */
export function closePayload(code: number, reason = ''): Buffer {
  const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
  payload.writeUInt16BE(code, 0);
  payload.write(reason, 2);
  return payload;
}

/** A violation that ends the connection: send a close frame with `code`, then close. */
export class WebSocketProtocolError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
    this.name = 'WebSocketProtocolError';
  }
}

/** A whole data message (fragments joined) or a control frame. */
export interface Message {
  type: 'text' | 'binary' | 'close' | 'ping' | 'pong';
  data: Buffer;
}

const TYPES: Record<number, Message['type']> = { [Opcode.text]: 'text', [Opcode.binary]: 'binary', [Opcode.close]: 'close', [Opcode.ping]: 'ping', [Opcode.pong]: 'pong' };

function unmask(payload: Buffer, mask: Buffer): Buffer {
  const out = Buffer.allocUnsafe(payload.length);
  for (let i = 0; i < payload.length; i++) out[i] = payload[i] ^ mask[i & 3];
  return out;
}

export interface FrameDecoderOptions {
  /** A server must refuse unmasked frames (RFC 6455 5.1). Default true. */
  requireMask?: boolean;
  /** Longest data message accepted (1009 past it). Default 1 MiB. */
  maxMessageBytes?: number;
}

/** Turns the bytes read from a connection, split anywhere, into messages. */
export class FrameDecoder {
  private pending: Buffer = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  private fragmentType: Message['type'] | undefined;
  private fragmentBytes = 0;
  private readonly requireMask: boolean;
  private readonly maxMessageBytes: number;

  constructor(options: FrameDecoderOptions = {}) {
    this.requireMask = options.requireMask ?? true;
    this.maxMessageBytes = options.maxMessageBytes ?? 1 << 20;
  }

  /** The messages `chunk` completes, in order; throws WebSocketProtocolError on a violation. */
  push(chunk: Buffer): Message[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const messages: Message[] = [];
    for (let frame = this.nextFrame(); frame; frame = this.nextFrame()) {
      const message = this.assemble(frame.fin, frame.opcode, frame.payload);
      if (message) messages.push(message);
    }
    return messages;
  }

  /** The next whole frame in `pending` (consumed), or undefined when more bytes are needed. */
  private nextFrame(): { fin: boolean; opcode: number; payload: Buffer } | undefined {
    const buf = this.pending;
    if (buf.length < 2) return undefined;
    if (buf[0] & 0x70) throw new WebSocketProtocolError(CloseCode.protocolError, 'reserved bits set without a negotiated extension');
    const masked = (buf[1] & 0x80) !== 0;
    if (this.requireMask && !masked) throw new WebSocketProtocolError(CloseCode.protocolError, 'a client frame must be masked');
    let length = buf[1] & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (buf.length < 4) return undefined;
      length = buf.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (buf.length < 10) return undefined;
      const long = buf.readBigUInt64BE(2);
      if (long > BigInt(this.maxMessageBytes)) throw new WebSocketProtocolError(CloseCode.tooBig, `frame of ${long} bytes is over the limit of ${this.maxMessageBytes}`);
      length = Number(long);
      offset = 10;
    }
    if (length > this.maxMessageBytes) throw new WebSocketProtocolError(CloseCode.tooBig, `frame of ${length} bytes is over the limit of ${this.maxMessageBytes}`);
    const maskAt = offset;
    if (masked) offset += 4;
    if (buf.length < offset + length) return undefined;
    const raw = buf.subarray(offset, offset + length);
    const payload = masked ? unmask(raw, buf.subarray(maskAt, maskAt + 4)) : Buffer.from(raw);
    this.pending = buf.subarray(offset + length);
    return { fin: (buf[0] & 0x80) !== 0, opcode: buf[0] & 0x0f, payload };
  }

  private assemble(fin: boolean, opcode: number, payload: Buffer): Message | undefined {
    if (opcode >= 0x8) {
      const type = TYPES[opcode];
      if (!type) throw new WebSocketProtocolError(CloseCode.protocolError, `unknown control opcode ${opcode}`);
      if (!fin || payload.length > 125) throw new WebSocketProtocolError(CloseCode.protocolError, 'a control frame must be whole and at most 125 bytes');
      if (type === 'close' && payload.length === 1) throw new WebSocketProtocolError(CloseCode.protocolError, 'a close frame cannot carry a 1-byte payload');
      return { type, data: payload };
    }
    if (opcode === Opcode.continuation) {
      if (!this.fragmentType) throw new WebSocketProtocolError(CloseCode.protocolError, 'continuation frame without a message to continue');
    } else {
      if (!TYPES[opcode]) throw new WebSocketProtocolError(CloseCode.protocolError, `unknown data opcode ${opcode}`);
      if (this.fragmentType) throw new WebSocketProtocolError(CloseCode.protocolError, 'new message before the previous one ended');
      this.fragmentType = TYPES[opcode];
    }
    this.fragmentBytes += payload.length;
    if (this.fragmentBytes > this.maxMessageBytes) throw new WebSocketProtocolError(CloseCode.tooBig, `message over the limit of ${this.maxMessageBytes} bytes`);
    this.fragments.push(payload);
    if (!fin) return undefined;
    const message: Message = { type: this.fragmentType!, data: this.fragments.length === 1 ? this.fragments[0] : Buffer.concat(this.fragments) };
    this.fragments = [];
    this.fragmentType = undefined;
    this.fragmentBytes = 0;
    return message;
  }
}
