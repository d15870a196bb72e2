// A running control plane's components on the ports of a layout (PORT-1): the API server on the
// layout's kube-apiserver port, every other component's health endpoints on its own port, all
// shifted by a base. See serveLayout for what each listener answers.
import type { ControlPlane } from '../../controlplane/index.ts';
import { startApiServer, type ApiHandler, type RunningApiServer } from '../../apiserver/index.ts';
import type { PortLayout } from '../loadLayout.ts';
import { metricsText, serveLayout, ServeLayoutError, type ServingLayout } from './serveLayout.ts';
import { hostedBy } from './hostedBy.ts';

export const API_SERVER_COMPONENT = 'kube-apiserver';

export interface ServePlanePortsOptions {
  layout: PortLayout;
  portBase?: number;
  host?: string;
  tls?: { key: string; cert: string };
  /** The etcd client URL when the plane's store is etcd: listed as where etcd is served. */
  etcd?: string;
}

/** The layout's (master) port of `component`, shifted; throws ServeLayoutError when it has none. */
export function layoutPort(layout: PortLayout, component: string, portBase = 0): number {
  const port = layout.components.find((l) => l.node === 'master' && l.component === component && typeof l.port === 'number')?.port;
  if (typeof port !== 'number') throw new ServeLayoutError(`the ${layout.layout} layout gives ${component} no port`);
  return port + portBase;
}

/** The handler answering /metrics too (the reference API server has none of its own). */
function withMetrics(handler: ApiHandler): ApiHandler {
  const up = [{ name: API_SERVER_COMPONENT, running: () => true }];
  return {
    resources: handler.resources,
    handle: async (request) =>
      new URL(request.url, 'http://x').pathname === '/metrics' ? { status: 200, contentType: 'text/plain; version=0.0.4', body: metricsText(API_SERVER_COMPONENT, up) } : handler.handle(request),
  };
}

/**
 * Serves `plane` on the layout. A plane already serving HTTP must do so on the layout's API server
 * port; a plane without HTTP (in process, virtual time) gets an API server started on that port
 * (answering /metrics as well), closed with the rest. Rejects with ServeLayoutError, leaving nothing open.
 */
export async function servePlanePorts(plane: ControlPlane, options: ServePlanePortsOptions): Promise<ServingLayout> {
  const host = options.host ?? '127.0.0.1';
  const apiPort = layoutPort(options.layout, API_SERVER_COMPONENT, options.portBase);
  let started: RunningApiServer | undefined;
  let apiURL = plane.url;
  if (apiURL === undefined) {
    const handler = withMetrics(plane.handler);
    started = await startApiServer({ store: plane.store, handler, port: apiPort, host, tls: options.tls }).catch((error: NodeJS.ErrnoException) => {
      throw new ServeLayoutError(`${API_SERVER_COMPONENT} cannot listen on ${host}:${apiPort}: ${error.code ?? error.message}`);
    });
    apiURL = started.url;
  } else if (Number(new URL(apiURL).port) !== apiPort) {
    throw new ServeLayoutError(`the API server listens on ${apiURL}, not on the layout's port ${apiPort}`);
  }
  const external: Record<string, string> = { [API_SERVER_COMPONENT]: apiURL, ...(options.etcd ? { etcd: options.etcd } : {}) };
  try {
    const serving = await serveLayout({ layout: options.layout, portBase: options.portBase, host, tls: options.tls, hosted: hostedBy(plane), external });
    return { listeners: serving.listeners, close: async () => (await serving.close(), await started?.close()) };
  } catch (error) {
    await started?.close();
    throw error;
  }
}
