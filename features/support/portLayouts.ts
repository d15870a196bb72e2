// Port layouts as the suite knows them (spec/ports/layout-<name>.yaml), and PORT-1's law: no two
// components of one node listen on the same port. The suite's own check, independent of impl/.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { PortListener } from '../../harness/contract/methods.ts';

export const SHIPPED_LAYOUTS = ['seed', 'upstream'] as const;

/** The listeners of spec/ports/layout-<name>.yaml. */
export function shippedLayout(name: (typeof SHIPPED_LAYOUTS)[number]): PortListener[] {
  const doc = parse(readFileSync(new URL(`../../spec/ports/layout-${name}.yaml`, import.meta.url), 'utf8')) as { components: PortListener[] };
  return doc.components;
}

/** A listener's ports as an inclusive range; undefined when `port` is neither a port nor `first-last`. */
export function portSpan(port: number | string): [number, number] | undefined {
  if (typeof port === 'number') return [port, port];
  const m = /^(\d+)(?:-(\d+))?$/.exec(port.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? m[1])];
}

/** The listeners of `layout` on `node` that cover `port`/`protocol` (TCP when absent). */
export function listenersOn(layout: PortListener[], node: string, port: number, protocol = 'TCP'): PortListener[] {
  return layout.filter((l) => {
    const span = portSpan(l.port);
    return l.node === node && (l.protocol ?? 'TCP') === protocol && !!span && span[0] <= port && port <= span[1];
  });
}

/**
 * Every pair of listeners of one node whose ports overlap (same protocol), as
 * `master 10251: kube-scheduler and kube-controller-manager`. One component may hold several
 * ports, but not share one with another component. Empty when the layout is sound.
 */
export function portClashes(layout: PortListener[]): string[] {
  const out: string[] = [];
  layout.forEach((a, i) => {
    const sa = portSpan(a.port);
    layout.slice(i + 1).forEach((b) => {
      const sb = portSpan(b.port);
      if (!sa || !sb || a.node !== b.node || a.component === b.component || (a.protocol ?? 'TCP') !== (b.protocol ?? 'TCP')) return;
      if (sa[0] <= sb[1] && sb[0] <= sa[1]) out.push(`${a.node} ${Math.max(sa[0], sb[0])}: ${a.component} and ${b.component}`);
    });
  });
  return out;
}

/** A listener as tables show it: `master kube-apiserver 6443`. */
export const showListener = (l: PortListener) => `${l.node} ${l.component} ${l.port}`;
