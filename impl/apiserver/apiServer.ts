// The API server over node:http: bodies capped at MAX_BODY_BYTES, watch streamed as
// newline-delimited JSON, pods/exec upgraded to a WebSocket (execStream.ts), every other answer
// from the shared ApiHandler.
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { Store } from '../store/index.ts';
import { createApiHandler, type ApiHandler, type ApiHandlerOptions } from './apiHandler.ts';
import { MAX_BODY_BYTES } from './decodeBody.ts';
import { badRequest, tooLarge } from './status.ts';
import { streamExec } from './execStream.ts';

export interface ApiServerOptions extends ApiHandlerOptions {
  store: Store;
  /** Serve this handler instead of creating one on `store` (e.g. one wrapped for tracing). */
  handler?: ApiHandler;
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Serve HTTPS with this key and certificate (PEM). */
  tls?: { key: string; cert: string };
}

export interface RunningApiServer {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  handler: ApiHandler;
  /** Ends open watches and stops listening (the store stays open). */
  close(): Promise<void>;
}

export async function startApiServer(options: ApiServerOptions): Promise<RunningApiServer> {
  const handler = options.handler ?? (await createApiHandler(options.store, options));
  const closers = new Set<() => Promise<void>>();
  const listener = (req: IncomingMessage, res: ServerResponse) => void serve(handler, req, res, closers);
  const server = options.tls ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }, listener) : createServer(listener);
  server.keepAliveTimeout = 30_000;
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => answerUnparsable(error, socket));
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => void serveUpgrade(handler, req, socket, head, closers));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `${options.tls ? 'https' : 'http'}://${host}:${address.port}`,
    handler,
    async close() {
      await Promise.all([...closers].map((stop) => stop()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const internalError = (message: string) => JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'InternalError', code: 500 });

/** Writes a whole answer on a socket node:http no longer manages, then closes the connection. */
function answerRaw(socket: Duplex, status: number, contentType: string, body: string): void {
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\ncontent-type: ${contentType}\r\ncontent-length: ${Buffer.byteLength(body)}\r\ncache-control: no-cache, private\r\nconnection: close\r\n\r\n${body}`);
}

/** A request node:http could not parse (e.g. an unknown method): 400 with a Status body, then the connection closes. */
function answerUnparsable(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
  answerRaw(socket, 400, 'application/json', JSON.stringify(badRequest(`the request could not be parsed: ${error.code ?? error.message}`).body));
}

/** A request to switch protocols: a pods/exec WebSocket the handler accepted (101) is streamed; any other answer is sent as is and the connection closes. */
async function serveUpgrade(handler: ApiHandler, req: IncomingMessage, socket: Duplex, head: Buffer, closers: Set<() => Promise<void>>): Promise<void> {
  socket.on('error', () => socket.destroy());
  try {
    const request = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers };
    const response = await handler.handle(request);
    if ('watch' in response) {
      await response.watch.stop();
      return answerRaw(socket, 500, 'application/json', internalError('a watch cannot be upgraded'));
    }
    if (response.status !== 101) return answerRaw(socket, response.status, response.contentType, req.method === 'HEAD' ? '' : response.body);
    const session = streamExec(socket, head, request, JSON.parse(response.body));
    const stop = async () => session.stop();
    closers.add(stop);
    await session.done;
    closers.delete(stop);
  } catch (error) {
    if (socket.writable) answerRaw(socket, 500, 'application/json', internalError(String(error)));
    else socket.destroy();
  }
}

/** The request body, or undefined when it passed the limit (the rest is drained). */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? undefined : Buffer.concat(chunks)));
    req.on('error', () => resolve(undefined));
  });
}

async function serve(handler: ApiHandler, req: IncomingMessage, res: ServerResponse, closers: Set<() => Promise<void>>): Promise<void> {
  try {
    const declared = Number(req.headers['content-length'] ?? 0);
    const body = declared > MAX_BODY_BYTES ? undefined : await readBody(req);
    if (body === undefined) {
      const error = tooLarge(MAX_BODY_BYTES);
      res.writeHead(413, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify(error.body));
      return;
    }
    const response = await handler.handle({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body });
    if (!('watch' in response)) {
      res.writeHead(response.status, { 'content-type': response.contentType, 'cache-control': 'no-cache, private' });
      res.end(req.method === 'HEAD' ? undefined : response.body);
      return;
    }
    res.writeHead(200, { 'content-type': response.contentType, 'cache-control': 'no-cache, private', 'transfer-encoding': 'chunked' });
    res.flushHeaders();
    const stop = () => response.watch.stop();
    closers.add(stop);
    const finish = () => {
      closers.delete(stop);
      void stop();
    };
    res.on('close', finish);
    let first = true;
    await response.watch.start(
      (event) => {
        const object = response.table && event.type !== 'ERROR' && event.type !== 'BOOKMARK' ? response.table(event.object, first) : event.object;
        first = false;
        res.write(JSON.stringify({ type: event.type, object }) + '\n');
      },
      () => {
        finish();
        res.end();
      },
    );
  } catch (error) {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
    res.end(internalError(String(error)));
  }
}
