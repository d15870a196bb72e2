// pods/exec over a WebSocket, as upstream's API server serves kubectl ≥ 1.30: the remote-command
// channel protocol (v5.channel.k8s.io, or v4.channel.k8s.io) where every binary message starts
// with its channel: 0 stdin, 1 stdout, 2 stderr, 3 error (a metav1.Status once the command
// ends), 4 resize, and in v5 255 (CLOSE: the client half-closes one of its streams).
//
// The command has already run when the stream opens (the kubelet answers its whole output at
// once), so a session sends the 101 answer, the output, the status and a close frame, then
// waits for the client's close. What the client sends (stdin, resize, CLOSE) is read and
// ignored; pings get their pong.
import type { Duplex } from 'node:stream';
import type { ExecOutput } from './nodeProxy.ts';
import { CloseCode, closePayload, encodeFrame, FrameDecoder, handshakeProblem, handshakeResponse, offeredProtocols, Opcode, WebSocketProtocolError, type Headers } from './webSocket.ts';

/** The channel protocols served, newest first. */
export const EXEC_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'] as const;

export const Channel = { stdin: 0, stdout: 1, stderr: 2, error: 3, resize: 4, close: 255 } as const;

/** Output is sent in messages of at most this many bytes (client-go reads 32 KiB at a time). */
const CHUNK_BYTES = 32 * 1024;
/** How long a session waits for the client's close frame after sending its own. */
const CLOSE_WAIT_MS = 10_000;

/** The protocol to answer with: the newest served one the client offers, or undefined. */
export function execProtocol(headers: Headers): string | undefined {
  const offered = offeredProtocols(headers);
  return EXEC_PROTOCOLS.find((p) => offered.includes(p));
}

/** Why an exec request with `Upgrade: websocket` cannot become a stream, or undefined; checked before the command runs. */
export function execHandshakeProblem(method: string, headers: Headers): string | undefined {
  const bad = handshakeProblem(method, headers);
  if (bad) return bad;
  if (!execProtocol(headers)) return `requested protocol(s) are not supported: [${offeredProtocols(headers).join(' ')}]; supports [${EXEC_PROTOCOLS.join(' ')}]`;
  return undefined;
}

/** The refusal of an exec request upgrading to anything but a WebSocket (SPDY, which kubectl before 1.30 asks for). */
export const unsupportedUpgrade = (upgrade: string) =>
  `upgrading pods/exec to "${upgrade}" is not supported by this server: use a WebSocket with one of the protocols ${EXEC_PROTOCOLS.join(', ')}`;

/** What the error channel carries when the command exits with `exitCode`, as upstream's stream translator writes it. */
export function exitStatus(exitCode: number): object {
  if (exitCode === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: command terminated with exit code ${exitCode}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
  };
}

const TRUE = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);

/** The binary messages of a session after the 101, before the close frame: the channel byte, then the data. */
export function execMessages(query: URLSearchParams, output: ExecOutput): Buffer[] {
  const wants = (name: string) => TRUE.has(query.get(name) ?? '');
  const [stdout, stderr, tty] = [wants('stdout'), wants('stderr'), wants('tty')];
  const message = (channel: number, data: Buffer) => Buffer.concat([Buffer.from([channel]), data]);
  // An empty message on the lowest channel the client reads tells it the stream is up.
  const messages = [message(stdout ? Channel.stdout : stderr ? Channel.stderr : Channel.error, Buffer.alloc(0))];
  const send = (channel: number, text: string) => {
    const data = Buffer.from(text);
    for (let at = 0; at < data.length; at += CHUNK_BYTES) messages.push(message(channel, data.subarray(at, at + CHUNK_BYTES)));
  };
  // A terminal has one output, stdout and stderr together, and turns each newline into CR LF.
  if (stdout) send(Channel.stdout, tty ? (output.stdout + output.stderr).replace(/\n/g, '\r\n') : output.stdout);
  if (stderr && !tty) send(Channel.stderr, output.stderr);
  messages.push(message(Channel.error, Buffer.from(JSON.stringify(exitStatus(output.exitCode)))));
  return messages;
}

export interface ExecSession {
  /** Resolves once the connection has closed; never rejects. */
  done: Promise<void>;
  /** Ends the connection at once. */
  stop(): void;
}

/**
 * Serves one exec session on a socket whose request passed execHandshakeProblem: answers 101,
 * sends `output` and its status, then closes the WebSocket. `head` is what the client sent
 * after its request, already read off the socket.
 */
export function streamExec(socket: Duplex, head: Buffer, request: { url: string; headers: Headers }, output: ExecOutput): ExecSession {
  const done = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const decoder = new FrameDecoder();
  let closeSent = false;
  let closeTimer: NodeJS.Timeout | undefined;
  const send = (opcode: number, payload?: Buffer) => void (socket.writable && socket.write(encodeFrame(opcode, payload)));
  const close = (code: number, reason = '') => {
    if (closeSent) return;
    closeSent = true;
    send(Opcode.close, closePayload(code, reason));
    closeTimer = setTimeout(() => socket.destroy(), CLOSE_WAIT_MS);
    closeTimer.unref();
  };
  const received = (chunk: Buffer) => {
    try {
      for (const message of decoder.push(chunk)) {
        if (message.type === 'ping') send(Opcode.pong, message.data);
        if (message.type === 'close') {
          close(CloseCode.normal);
          socket.end();
        }
      }
    } catch (error) {
      socket.off('data', received);
      close(error instanceof WebSocketProtocolError ? error.code : CloseCode.protocolError, error instanceof Error ? error.message.slice(0, 120) : '');
      socket.end();
    }
  };
  socket.on('data', received);
  socket.on('end', () => socket.end());
  socket.on('error', () => socket.destroy());
  socket.once('close', () => clearTimeout(closeTimer));

  const query = new URL(request.url, 'http://apiserver').searchParams;
  const key = String(request.headers['sec-websocket-key']);
  socket.write(handshakeResponse(key, execProtocol(request.headers)));
  if (head.length) received(head);
  for (const message of execMessages(query, output)) send(Opcode.binary, message);
  close(CloseCode.normal);
  return { done, stop: () => socket.destroy() };
}
