// Small helpers over plain Kubernetes JSON shared by the workload controllers: copies, semantic
// equality, metav1.Time, owner references and label selectors.
import type { KubeObject, OwnerReference } from '../../client/index.ts';
import { rfc3339 } from '../../clock/index.ts';
import { labelSelectorAsSelector, type LabelSelectorObject, type Labels } from '../../labels/index.ts';

export type { OwnerReference };

export const clone = <T>(value: T): T => structuredClone(value);

/** Deep equality of JSON values where object key order does not matter. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => deepEqual(x, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as any)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as any)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as any)[k], (b as any)[k]));
}

/** metav1.Time as milliseconds; 0 for the zero (absent or unparsable) time. */
export function timeOf(value: unknown): number {
  if (typeof value !== 'string') return 0;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? 0 : ms;
}

/** metav1.Now() as it is serialized: RFC 3339 at second precision. */
export const timestamp = (ms: number): string => rfc3339(ms);

export const ownerReferences = (o: KubeObject): OwnerReference[] => o.metadata.ownerReferences ?? [];

/** metav1.GetControllerOf: the owner reference with controller: true, if any. */
export const controllerOf = (o: KubeObject): OwnerReference | undefined => ownerReferences(o).find((r) => r.controller === true);

/** metav1.NewControllerRef. */
export function newControllerRef(owner: KubeObject, apiVersion: string, kind: string): OwnerReference {
  return { apiVersion, kind, name: String(owner.metadata.name), uid: String(owner.metadata.uid), controller: true, blockOwnerDeletion: true };
}

export type Matcher = (labels: Labels) => boolean;

/**
 * metav1.LabelSelectorAsSelector as a predicate: undefined for an invalid selector (upstream's
 * controllers then skip the object), a null selector matches nothing, `{}` everything.
 */
export function selectorMatcher(selector: LabelSelectorObject | null | undefined): Matcher | undefined {
  const r = labelSelectorAsSelector(selector);
  if (!r.ok) return undefined;
  const s = r.selector;
  return s === 'nothing' ? () => false : (labels) => s.matches(labels);
}

export const labelsOf = (o: KubeObject): Labels => o.metadata.labels ?? {};

/** Sort key `namespace/name`, the key a work queue uses. */
export const keyOf = (o: KubeObject): string => (o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : String(o.metadata.name));
