// PORT-1 served for real: every listener a layout gives one node role is opened on its port plus
// a base, and answers the layout's paths: /healthz, /livez and /readyz with `ok` while one of the
// components it hosts runs (503 otherwise), /metrics with Prometheus text. Any other path is 404.
//
// A listener is opened only when something hosts its component and the layout gives it paths.
// Listeners of a component nothing hosts (cloud-controller-manager in the reference) and those
// without paths (the NodePort range) are reported not served, with why. `only` serves one
// component's listeners (a component process), `api` adds the kubelet API to the kubelet's port.
// Nothing is opened when the shifted layout has a clash or a port past 65535.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { NodeRole, PortLayout } from '../loadLayout.ts';
import { portConflicts, portRange, shiftLayout } from '../portConflicts.ts';
import { formatFieldError } from '../../ipam/fieldError.ts';

/** A running component as a listener reports it. */
export interface HostedComponent {
  name: string;
  running(): boolean;
  metrics?(): Record<string, number>;
}

export interface ServeLayoutOptions {
  layout: PortLayout;
  /** Added to every port (default 0). */
  portBase?: number;
  /** Whose listeners to serve (default master). */
  node?: NodeRole;
  host?: string;
  /** For `https` listeners; without it they serve plain HTTP. */
  tls?: { key: string; cert: string };
  /** The components each layout component hosts; none: that component is not served. */
  hosted(layoutComponent: string): HostedComponent[];
  /** Only this layout component's listeners (a process serving its own ports); default: all of the role's. */
  only?: string;
  /**
   * More paths on one listener (the kubelet API on the kubelet's port): asked first for a path the
   * layout does not list; false lets the listener answer 404.
   */
  api?: { component: string; port: number; handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> };
}

export type ServedListener = {
  node: NodeRole;
  component: string;
  /** The shifted port or range. */
  port: number | string;
  scheme: 'http' | 'https' | 'none';
  purpose: string;
  paths: string[];
} & ({ served: true; url: string } | { served: false; reason: string });

export interface ServingLayout {
  listeners: ServedListener[];
  close(): Promise<void>;
}

/** Thrown when the shifted layout cannot be served; nothing is left open. */
export class ServeLayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServeLayoutError';
  }
}

const HEALTH = new Set(['/healthz', '/livez', '/readyz']);

/** Prometheus text for the hosted components: `up` per component, then each one's own metrics. */
export function metricsText(layoutComponent: string, hosted: readonly HostedComponent[]): string {
  const lines = ['# TYPE kconform_component_up gauge'];
  for (const h of hosted) lines.push(`kconform_component_up{component="${h.name}",process="${layoutComponent}"} ${h.running() ? 1 : 0}`);
  for (const h of hosted) for (const [name, value] of Object.entries(h.metrics?.() ?? {})) lines.push(`${name}{component="${h.name}"} ${value}`);
  return `${lines.join('\n')}\n`;
}

function answer(paths: readonly string[], layoutComponent: string, hosted: readonly HostedComponent[], api?: ServeLayoutOptions['api']) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const reply = (status: number, body: string, type = 'text/plain; charset=utf-8') => res.writeHead(status, { 'content-type': type }).end(body);
    if (!paths.includes(path) && api && (await api.handle(req, res))) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(405, 'method not allowed\n');
    if (!paths.includes(path)) return reply(404, `404 page not found: ${layoutComponent} serves ${paths.join(', ')}\n`);
    if (path === '/metrics') return reply(200, metricsText(layoutComponent, hosted), 'text/plain; version=0.0.4; charset=utf-8');
    if (HEALTH.has(path)) {
      const down = hosted.filter((h) => !h.running()).map((h) => h.name);
      return down.length ? reply(503, `not running: ${down.join(', ')}\n`) : reply(200, 'ok');
    }
    return reply(200, `${layoutComponent}\n`);
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => (server.off('error', reject), resolve()));
  });
}

/** Opens the node role's listeners of `layout` shifted by `portBase`. Rejects with ServeLayoutError. */
export async function serveLayout(options: ServeLayoutOptions): Promise<ServingLayout> {
  const base = options.portBase ?? 0;
  const role = options.node ?? 'master';
  const host = options.host ?? '127.0.0.1';
  const shifted = shiftLayout({ ...options.layout, components: options.layout.components.filter((l) => l.node === role && (options.only === undefined || l.component === options.only)) }, base);
  const tooHigh = shifted.components.find((l) => portRange(l.port)[1] > 65535);
  if (tooHigh) throw new ServeLayoutError(`port base ${base} moves ${tooHigh.component}'s port ${tooHigh.port} past 65535`);
  const clashes = portConflicts(shifted);
  if (clashes.length) throw new ServeLayoutError(`the ${options.layout.layout} layout has clashes: ${clashes.map(formatFieldError).join('; ')}`);

  const servers: Server[] = [];
  const close = async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => (s.closeAllConnections?.(), s.close(() => resolve())))));
  };
  const listeners: ServedListener[] = [];
  try {
    for (const l of shifted.components) {
      const scheme = l.scheme ?? 'none';
      const common = { node: l.node, component: l.component, port: l.port, scheme, purpose: l.purpose, paths: l.paths ?? [] };
      const hosted = options.hosted(l.component);
      if (!hosted.length) listeners.push({ ...common, served: false, reason: `the implementation runs no ${l.component}` });
      else if (!l.paths?.length || typeof l.port !== 'number') listeners.push({ ...common, served: false, reason: 'the layout gives it no paths to serve' });
      else {
        const https = scheme === 'https' && options.tls !== undefined;
        const api = options.api?.component === l.component && options.api.port + base === l.port ? options.api : undefined;
        const handle = answer(l.paths, l.component, hosted, api);
        const server = https ? createHttpsServer({ key: options.tls!.key, cert: options.tls!.cert }, handle) : createHttpServer(handle);
        await listen(server, l.port, host).catch((error: NodeJS.ErrnoException) => {
          throw new ServeLayoutError(`${l.component} (${l.purpose}) cannot listen on ${host}:${l.port}: ${error.code ?? error.message}`);
        });
        servers.push(server);
        listeners.push({ ...common, scheme: https ? 'https' : 'http', served: true, url: `${https ? 'https' : 'http'}://${host}:${l.port}` });
      }
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { listeners, close };
}
