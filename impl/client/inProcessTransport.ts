// A Transport that calls an ApiHandler in the same process: the same request handling as the HTTP
// server (authentication, validation, Status bodies), without sockets.
import type { ApiHandler } from '../apiserver/index.ts';
import { TransportError } from './ApiStatusError.ts';
import type { Transport, TransportRequest } from './Transport.ts';

const parse = (text: string) => (text ? JSON.parse(text) : undefined);

export function inProcessTransport(handler: ApiHandler): Transport {
  const toApi = (r: TransportRequest) => ({ method: r.method, url: r.path, headers: r.headers, ...(r.body !== undefined ? { body: Buffer.from(r.body) } : {}) });
  return {
    async request(request) {
      const response = await handler.handle(toApi(request));
      if ('watch' in response) {
        void response.watch.stop();
        throw new TransportError(`${request.method} ${request.path}: unexpected watch stream`);
      }
      try {
        return { status: response.status, body: response.contentType.includes('json') ? parse(response.body) : response.body };
      } catch (error) {
        throw new TransportError(`${request.method} ${request.path}: malformed response body`, { cause: error });
      }
    },
    watch(request, onEvent, onEnd) {
      let stopped = false;
      let stop: (() => void) | undefined;
      void handler.handle(toApi(request)).then((response) => {
        if (stopped) return void ('watch' in response && response.watch.stop());
        if (!('watch' in response)) {
          onEvent({ type: 'ERROR', object: parse(response.body) });
          return onEnd();
        }
        stop = () => void response.watch.stop();
        void response.watch.start(
          (event) => void (stopped || onEvent(event)),
          () => void (stopped || onEnd()),
        );
      }, (error) => void (stopped || onEnd(error instanceof Error ? error : new Error(String(error)))));
      return {
        stop() {
          stopped = true;
          stop?.();
        },
      };
    },
  };
}
