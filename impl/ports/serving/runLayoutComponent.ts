// One process of the port layout (PORT-1) as upstream runs it: kube-scheduler, kube-controller-manager,
// kubelet or kube-proxy started on its own against a remote API server, serving its listeners of the
// layout (shifted by a base). The kubelet's API port also answers the kubelet API the API server calls
// for pods/log and pods/exec (see impl/apiserver/kubeletHttp.ts).
import { COMPONENT_NAMES, connectComponents, type ConnectedComponents, type RemoteApiServer, type RunningComponent } from '../../controlplane/index.ts';
import { serveKubeletApi } from '../../apiserver/index.ts';
import type { PortLayout } from '../loadLayout.ts';
import { serveLayout, ServeLayoutError, type ServedListener } from './serveLayout.ts';
import { hostedBy, layoutComponentOf } from './hostedBy.ts';

/** The layout components the reference runs as processes of their own, in registry order. */
export function layoutProcesses(): string[] {
  return [...new Set(COMPONENT_NAMES.map(layoutComponentOf))];
}

export const API_SERVER_COMPONENT = 'kube-apiserver';

/** The layout's (master) port of `component`, shifted; throws ServeLayoutError when it has none. */
export function layoutPort(layout: PortLayout, component: string, portBase = 0): number {
  const port = layout.components.find((l) => l.node === 'master' && l.component === component && typeof l.port === 'number')?.port;
  if (typeof port !== 'number') throw new ServeLayoutError(`the ${layout.layout} layout gives ${component} no port`);
  return port + portBase;
}

/** The layout's port of the kubelet API (the kubelet's https listener), unshifted. */
export function kubeletApiPort(layout: PortLayout): number {
  const port = layout.components.find((l) => l.node === 'master' && l.component === 'kubelet' && l.scheme === 'https')?.port;
  if (typeof port !== 'number') throw new ServeLayoutError(`the ${layout.layout} layout gives the kubelet API no port`);
  return port;
}

export interface RunLayoutComponentOptions {
  /** A layout component of layoutProcesses(). */
  name: string;
  layout: PortLayout;
  server: RemoteApiServer;
  portBase?: number;
  host?: string;
  tls?: { key: string; cert: string };
  onError(component: string, message: string): void;
}

export interface RunningLayoutComponent {
  /** The reference components it runs. */
  components: string[];
  listeners: ServedListener[];
  close(): Promise<void>;
}

/** Starts the components `name` hosts, then its listeners; rejects (ServeLayoutError for ports) leaving nothing running. */
export async function runLayoutComponent(options: RunLayoutComponentOptions): Promise<RunningLayoutComponent> {
  const processes = layoutProcesses();
  if (!processes.includes(options.name)) throw new ServeLayoutError(`the reference runs no ${options.name}; it runs ${processes.join(', ')}`);
  const names = COMPONENT_NAMES.filter((n) => layoutComponentOf(n) === options.name);
  const running: ConnectedComponents = await connectComponents(options.server, names, options.onError);
  const kubelets = (node: string) => running.components.map((n) => running.component<RunningComponent>(n)?.kubeletApi?.(node)).find(Boolean);
  try {
    const serving = await serveLayout({
      layout: options.layout,
      portBase: options.portBase,
      host: options.host,
      tls: options.tls,
      hosted: hostedBy(running),
      only: options.name,
      ...(options.name === 'kubelet' ? { api: { component: 'kubelet', port: kubeletApiPort(options.layout), handle: serveKubeletApi(kubelets, options.server.token) } } : {}),
    });
    return { components: running.components, listeners: serving.listeners, close: async () => (await serving.close(), await running.stop()) };
  } catch (error) {
    await running.stop();
    throw error;
  }
}
