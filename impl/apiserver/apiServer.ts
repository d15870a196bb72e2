// The API server over node:http: bodies capped at MAX_BODY_BYTES, watch streamed as
// newline-delimited JSON, every other answer from the shared ApiHandler.
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { Store } from '../store/index.ts';
import { createApiHandler, type ApiHandler, type ApiHandlerOptions } from './apiHandler.ts';
import { MAX_BODY_BYTES } from './decodeBody.ts';
import { badRequest, tooLarge } from './status.ts';

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

/** A request node:http could not parse (e.g. an unknown method): 400 with a Status body, then the connection closes. */
function answerUnparsable(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
  const body = JSON.stringify(badRequest(`the request could not be parsed: ${error.code ?? error.message}`).body);
  socket.end(`HTTP/1.1 400 ${STATUS_CODES[400]}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
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
    res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: String(error), reason: 'InternalError', code: 500 }));
  }
}
