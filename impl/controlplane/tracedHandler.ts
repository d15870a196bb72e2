// An ApiHandler that records each request (with its User-Agent, verb and answer code) and each
// watch event it sends, and runs the API server's work as API_SERVER so Store calls made on its
// behalf are attributed to it.
import { resourceRoute, type ApiHandler, type ApiRequest } from '../apiserver/index.ts';
import { API_SERVER, runAs } from './actor.ts';
import type { RequestEntry, Trace } from './Trace.ts';

const header = (r: ApiRequest, name: string) => {
  const v = r.headers?.[name];
  return Array.isArray(v) ? v.join(',') : v;
};

function verbOf(method: string, named: boolean, watch: boolean): string {
  switch (method.toUpperCase()) {
    case 'GET':
    case 'HEAD':
      return named ? 'get' : watch ? 'watch' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return named ? 'delete' : 'deletecollection';
    default:
      return method.toLowerCase();
  }
}

/** The name of an object a create answered with (the request path has none). */
function createdName(body: string): string | undefined {
  try {
    return JSON.parse(body)?.metadata?.name;
  } catch {
    return undefined;
  }
}

export function tracedHandler(handler: ApiHandler, trace: Trace): ApiHandler {
  return {
    resources: handler.resources,
    async handle(request) {
      const actor = header(request, 'user-agent') ?? 'unknown';
      let url: URL | undefined;
      try {
        url = new URL(request.url, 'http://apiserver');
      } catch {
        /* recorded with the raw path below */
      }
      const route = url ? resourceRoute(url.pathname) : undefined;
      const watch = url?.searchParams.get('watch') === 'true' || url?.searchParams.get('watch') === '1';
      const where = route ? { resource: route.type.resource, ...(route.namespace ? { namespace: route.namespace } : {}), ...(route.name ? { name: route.name } : {}), ...(route.subresource ? { subresource: route.subresource } : {}) } : { resource: url?.pathname ?? request.url };
      const entry = trace.record({ kind: 'request', actor, verb: verbOf(request.method, !!route?.name, watch), ...where, code: 0 } as RequestEntry);
      const response = await runAs(API_SERVER, () => handler.handle(request));
      if (entry) {
        entry.code = response.status;
        if (route && !route.name && request.method === 'POST' && 'body' in response && response.status === 201) {
          const name = createdName(response.body);
          if (name) entry.name = name;
        }
      }
      if (!('watch' in response)) return response;
      const stream = response.watch;
      return {
        ...response,
        watch: {
          stop: () => stream.stop(),
          start: (send, end) =>
            runAs(API_SERVER, () =>
              stream.start((event) => {
                const meta = event.object?.metadata ?? {};
                trace.record({ kind: 'watch', actor, type: event.type, resource: where.resource, ...(meta.namespace ? { namespace: meta.namespace } : {}), ...(meta.name ? { name: meta.name } : {}), ...(meta.resourceVersion ? { resourceVersion: meta.resourceVersion } : {}) });
                send(event);
              }, end),
            ),
        },
      };
    },
  };
}
