// Table column definitions and cell helpers, as upstream's printers declare them.
import type { TableColumn } from './resourceType.ts';

export const column = (name: string, type: TableColumn['type'], description: string, priority = 0, format?: string): TableColumn =>
  ({ name, type, ...(format ? { format } : {}), description, priority });

export const nameColumn = column('Name', 'string', 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names', 0, 'name');
export const age = column('Age', 'string', 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata');

/** The age of a timestamp as `kubectl get` shows it (duration.HumanDuration); `<unknown>` when absent. */
export function ageOf(timestamp: unknown, now = Date.now()): string {
  if (typeof timestamp !== 'string') return '<unknown>';
  const then = Date.parse(timestamp);
  if (Number.isNaN(then)) return '<unknown>';
  return humanDuration((now - then) / 1000);
}

export function humanDuration(seconds: number): string {
  if (seconds < -1) return '<invalid>';
  const s = Math.max(0, Math.floor(seconds));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (h < 24 * 8) return h % 24 === 0 ? `${d}d` : `${d}d${h % 24}h`;
  if (h < 24 * 365 * 2) return `${d}d`;
  const y = Math.floor(d / 365);
  if (y < 8) return d % 365 === 0 ? `${y}y` : `${y}y${d % 365}d`;
  return `${y}y`;
}

/** Comma-joined, or `<none>` when empty. */
export const listOrNone = (values: unknown[]): string => (values.length ? values.join(',') : '<none>');

/** A label selector ({matchLabels, matchExpressions}) as `kubectl get -o wide` prints it. */
export function selectorText(selector: any): string {
  if (!selector) return '<none>';
  const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of selector.matchExpressions ?? []) {
    const op = String(e.operator);
    parts.push(op === 'Exists' ? e.key : op === 'DoesNotExist' ? `!${e.key}` : `${e.key} ${op.toLowerCase()} (${(e.values ?? []).join(',')})`);
  }
  return parts.length ? parts.join(',') : '<none>';
}
