// PORT-1's law: no two listeners of one node role share a port.
import { fieldErrors, type FieldError } from '../ipam/fieldError.ts';
import type { Listener, PortLayout } from './loadLayout.ts';

/** A listener's port as an inclusive range. */
export function portRange(port: number | string): [number, number] {
  if (typeof port === 'number') return [port, port];
  const [first, last] = port.split('-').map(Number);
  return [first, last];
}

/**
 * One error per listener that overlaps an earlier one on the same node role and protocol,
 * e.g. `components[4].port: Invalid value: 10250: already used by kubelet (components[3]) on master nodes`.
 * A reversed range (`32767-30000`) is an error too. Empty when the layout is sound.
 */
export function portConflicts(layout: PortLayout): FieldError[] {
  const errors: FieldError[] = [];
  const seen: { listener: Listener; index: number; range: [number, number] }[] = [];
  layout.components.forEach((listener, index) => {
    const range = portRange(listener.port);
    const value = typeof listener.port === 'number' ? listener.port : listener.port;
    if (range[0] > range[1] || range[1] > 65535) {
      errors.push(fieldErrors.invalid(`components[${index}].port`, value, 'must be a range first-last with first <= last <= 65535'));
      return;
    }
    const clash = seen.find(
      (s) => s.listener.node === listener.node && (s.listener.protocol ?? 'TCP') === (listener.protocol ?? 'TCP') && s.range[0] <= range[1] && range[0] <= s.range[1],
    );
    if (clash) {
      errors.push(fieldErrors.invalid(`components[${index}].port`, value, `already used by ${clash.listener.component} (components[${clash.index}]) on ${listener.node} nodes`));
    }
    seen.push({ listener, index, range });
  });
  return errors;
}

/** The layout with every port moved up by `offset`, so that several instances can run side by side. */
export function shiftLayout(layout: PortLayout, offset: number): PortLayout {
  const shift = (port: number | string) => {
    const [first, last] = portRange(port);
    return first === last && typeof port === 'number' ? first + offset : `${first + offset}-${last + offset}`;
  };
  return { ...layout, components: layout.components.map((l) => ({ ...l, port: shift(l.port) })) };
}
