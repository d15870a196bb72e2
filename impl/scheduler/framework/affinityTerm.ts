// A pod (anti-)affinity term compiled once: which namespaces, which pods, which topology key.
import { compileLabelSelector, NOTHING, type Labels, type Selector } from './labelSelector.ts';

/** The labels of a namespace; without Namespace objects, upstream's `kubernetes.io/metadata.name` label. */
export type NamespaceLabels = (namespace: string) => Labels;

const defaultLabels = new Map<string, Labels>();
export const defaultNamespaceLabels: NamespaceLabels = (ns) => {
  let l = defaultLabels.get(ns);
  if (!l) defaultLabels.set(ns, (l = { 'kubernetes.io/metadata.name': ns }));
  return l;
};

/** The part of a pod that terms match against. */
export interface TermTarget {
  readonly namespace: string;
  readonly labels: Labels;
}

export class AffinityTerm {
  constructor(
    readonly namespaces: ReadonlySet<string>,
    readonly namespaceSelector: Selector,
    readonly selector: Selector,
    readonly topologyKey: string,
    readonly weight: number,
  ) {}

  /** Whether `pod` is one of the pods this term selects. */
  matches(pod: TermTarget, nsLabels: NamespaceLabels): boolean {
    if (!this.namespaces.has(pod.namespace) && (this.namespaceSelector === NOTHING || !this.namespaceSelector.matches(nsLabels(pod.namespace)))) {
      return false;
    }
    return this.selector.matches(pod.labels);
  }
}

type RawTerm = { labelSelector?: unknown; namespaces?: string[]; namespaceSelector?: unknown; topologyKey?: string };

/** Compiles `terms` of a pod in `namespace`; no namespaces and no namespaceSelector mean the pod's own. */
export function compileAffinityTerms(raw: unknown, namespace: string, field: string, weighted: boolean): AffinityTerm[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((entry: any, i: number) => {
    const t: RawTerm = weighted ? (entry.podAffinityTerm ?? {}) : entry;
    const f = weighted ? `${field}[${i}].podAffinityTerm` : `${field}[${i}]`;
    const nsList = t.namespaces ?? [];
    const namespaces = new Set(nsList.length === 0 && t.namespaceSelector == null ? [namespace] : nsList);
    return new AffinityTerm(
      namespaces,
      compileLabelSelector(t.namespaceSelector, `${f}.namespaceSelector`),
      compileLabelSelector(t.labelSelector, `${f}.labelSelector`),
      t.topologyKey ?? '',
      weighted ? Number(entry.weight ?? 0) : 1,
    );
  });
}
