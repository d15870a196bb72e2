// A Transport over HTTP(S) with keep-alive connections; watches read newline-delimited JSON.
import http from 'node:http';
import https from 'node:https';
import { TransportError } from './ApiStatusError.ts';
import type { Transport, TransportRequest } from './Transport.ts';

export interface HttpTransportOptions {
  /** e.g. `http://127.0.0.1:6443` */
  url: string;
  /** Most sockets per host (default 16). */
  maxSockets?: number;
  /** PEM certificate(s) to trust for https URLs (default: the system's). */
  ca?: string;
}

export function httpTransport(options: HttpTransportOptions): Transport & { close(): void } {
  const base = new URL(options.url);
  const module = base.protocol === 'https:' ? https : http;
  const tls = options.ca ? { ca: options.ca } : {};
  const agent = new module.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 16, ...tls });
  const watchAgent = new module.Agent({ keepAlive: false, ...tls });
  /** Content-Length is always sent with a body: node does not chunk GET/DELETE bodies, and the server would misread them. */
  const open = (r: TransportRequest, useAgent: http.Agent) => {
    const headers = r.body !== undefined ? { ...r.headers, 'content-length': String(Buffer.byteLength(r.body)) } : r.headers;
    return module.request({ protocol: base.protocol, hostname: base.hostname, port: base.port, method: r.method, path: r.path, headers, agent: useAgent });
  };

  return {
    request(r) {
      return new Promise((resolve, reject) => {
        const req = open(r, agent);
        req.on('error', (error) => reject(new TransportError(`${r.method} ${base.origin}${r.path}: ${error.message}`, { cause: error })));
        req.on('response', (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (error) => reject(new TransportError(`${r.method} ${base.origin}${r.path}: ${error.message}`, { cause: error })));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              resolve({ status: res.statusCode ?? 0, body: text && String(res.headers['content-type']).includes('json') ? JSON.parse(text) : text || undefined });
            } catch (error) {
              reject(new TransportError(`${r.method} ${base.origin}${r.path}: malformed response body`, { cause: error }));
            }
          });
        });
        req.end(r.body);
      });
    },
    watch(r, onEvent, onEnd) {
      let stopped = false;
      let ended = false;
      const end = (error?: Error) => {
        if (stopped || ended) return;
        ended = true;
        onEnd(error);
      };
      const req = open(r, watchAgent);
      req.on('error', (error) => end(new TransportError(`watch ${base.origin}${r.path}: ${error.message}`, { cause: error })));
      req.on('response', (res) => {
        let buffered = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffered += chunk;
          for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
            const line = buffered.slice(0, nl).trim();
            buffered = buffered.slice(nl + 1);
            if (!line || stopped) continue;
            try {
              const parsed = JSON.parse(line);
              onEvent(res.statusCode === 200 ? parsed : { type: 'ERROR', object: parsed });
            } catch {
              req.destroy();
              return end(new TransportError(`watch ${base.origin}${r.path}: malformed event line`));
            }
          }
        });
        res.on('end', () => {
          if (res.statusCode !== 200 && buffered.trim() && !stopped) {
            try {
              onEvent({ type: 'ERROR', object: JSON.parse(buffered) });
            } catch {
              /* the status line is enough */
            }
          }
          end();
        });
        res.on('error', (error) => end(error));
      });
      req.end();
      return {
        stop() {
          stopped = true;
          req.destroy();
        },
      };
    },
    close() {
      agent.destroy();
      watchAgent.destroy();
    },
  };
}
