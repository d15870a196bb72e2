// Which process of the port layout hosts each reference component. Upstream runs kube-scheduler,
// kubelet and kube-proxy as processes of those names, and the controllers in
// kube-controller-manager; the reference's add-ons (the DNS Service) go there too.
import type { HostedComponent } from './serveLayout.ts';

const OWN_PROCESS = new Set(['kube-scheduler', 'kubelet', 'kube-proxy']);
export const CONTROLLER_MANAGER = 'kube-controller-manager';

/** The layout component a reference component runs in. */
export function layoutComponentOf(component: string): string {
  return OWN_PROCESS.has(component) ? component : CONTROLLER_MANAGER;
}

/** What serveLayout needs of a running control plane. */
export interface RunningComponents {
  readonly components: string[];
  component(name: string): object | undefined;
}

/**
 * For serveLayout's `hosted`: the components of `plane` running when it started, by layout
 * component. A component counts as running while the plane still lists it; its `metrics()`, if the
 * running component has one, is served on /metrics.
 */
export function hostedBy(plane: RunningComponents): (layoutComponent: string) => HostedComponent[] {
  const names = [...plane.components];
  return (layoutComponent) =>
    names
      .filter((name) => layoutComponentOf(name) === layoutComponent)
      .map((name) => {
        const running = plane.component(name) as { metrics?: () => Record<string, number> } | undefined;
        return {
          name,
          running: () => plane.components.includes(name),
          ...(typeof running?.metrics === 'function' ? { metrics: () => running.metrics!() } : {}),
        };
      });
}
