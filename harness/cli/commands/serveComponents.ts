// `kconform serve --components`: the reference control plane with each component on its own port
// of the layout the reference follows (spec/ports/layout-upstream.yaml), every port shifted by
// --port-base, each answering /healthz (and /metrics where the layout says so).
import { referenceLayout, REFERENCE_LAYOUT, layoutPort, portRange, servePlanePorts, API_SERVER_COMPONENT, type PortLayout, type ServedListener, type ServingLayout } from '../../../impl/ports/index.ts';
import { selfSignedCertificate } from '../../../impl/apiserver/index.ts';
import type { ControlPlane } from '../../../impl/controlplane/index.ts';

export { referenceLayout, REFERENCE_LAYOUT };

/** --port-base as a number; throws naming the flag. */
export function parsePortBase(value: unknown): number {
  const base = Number(value ?? 0);
  if (!Number.isInteger(base) || base < 0 || base > 65535) throw new Error(`--port-base: must be an integer between 0 and 65535, not "${value}"`);
  return base;
}

export interface ComponentPlan {
  layout: PortLayout;
  portBase: number;
  /** Where the API server must listen. */
  apiPort: number;
  /** For https listeners (and the API server); undefined with --insecure-http. */
  tls?: { key: string; cert: string };
}

export async function planComponents(portBase: number, host: string, insecureHttp: boolean): Promise<ComponentPlan> {
  const layout = referenceLayout();
  const tooHigh = layout.components.find((l) => l.node === 'master' && portRange(l.port)[1] + portBase > 65535);
  if (tooHigh) throw new Error(`--port-base: port base ${portBase} moves ${tooHigh.component}'s port ${tooHigh.port} past 65535`);
  const apiPort = layoutPort(layout, API_SERVER_COMPONENT, portBase);
  return { layout, portBase, apiPort, tls: insecureHttp ? undefined : await selfSignedCertificate([host, '127.0.0.1', 'localhost']) };
}

export function startComponentPorts(plane: ControlPlane, plan: ComponentPlan, host: string, etcd?: string): Promise<ServingLayout> {
  return servePlanePorts(plane, { layout: plan.layout, portBase: plan.portBase, host, tls: plan.tls, etcd });
}

/** One line per listener: `kube-scheduler  https://127.0.0.1:10259  /healthz /metrics` or why it is not served. */
export function describeListeners(listeners: readonly ServedListener[]): string[] {
  const width = Math.max(...listeners.map((l) => l.component.length));
  return listeners.map((l) => `  ${l.component.padEnd(width)}  ${String(l.port).padEnd(11)} ${l.served ? `${l.url}  ${l.paths.join(' ')}` : `not served: ${l.reason}`}`);
}
