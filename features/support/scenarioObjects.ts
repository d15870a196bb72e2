// The objects one scenario works with through the `objects` capability, under names unique to
// the scenario: the suite may talk to a shared cluster, and one run shares one API server across
// scenarios, so every namespace the scenario writes, every cluster-scoped name and every name in
// a well-known namespace (`default`, `kube-system`...) gets a per-scenario suffix (`team-a` →
// `team-a-k3x9q`). Names in answers and in error messages are mapped back, so scenarios still
// assert the exact upstream text. Names that are not valid DNS labels, or too long to take the
// suffix, are sent as written (the implementation rejects or keeps them as they are).
// Everything created is deleted after the scenario (features/support/scenarioCleanup.ts).
import { randomBytes } from 'node:crypto';
import type { DriverError } from '../../harness/contract/driver.ts';
import type { KubeObject } from '../../harness/contract/methods.ts';
import type { KWorld } from './world.ts';

/** Namespaces every cluster has; never renamed. */
export const WELL_KNOWN_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** Kinds that belong to no namespace (everything else is treated as namespaced). */
const CLUSTER_SCOPED = new Set(['Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'ClusterRole', 'ClusterRoleBinding', 'PriorityClass', 'CustomResourceDefinition']);
export const isClusterScoped = (kind: string) => CLUSTER_SCOPED.has(kind);

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUFFIX_LENGTH = 6;

export interface CreatedRef {
  kind: string;
  namespace?: string;
  name: string;
  /** The object carried finalizers: cleanup must clear them before deleting. */
  finalizers: boolean;
}

/** What the last When step got back. */
export type Outcome =
  | { op: 'create'; created: KubeObject[]; error?: DriverError }
  | { op: 'list'; kind: string; items: KubeObject[]; acrossNamespaces: boolean; error?: DriverError }
  | { op: 'get'; object?: KubeObject; error?: DriverError }
  | { op: 'delete'; error?: DriverError };

export class ScenarioObjects {
  readonly suffix = `-${randomBytes(8).toString('base64url').replace(/[^a-z0-9]/g, '').slice(0, SUFFIX_LENGTH - 1).padEnd(SUFFIX_LENGTH - 1, '0')}`;
  /** Scenario-written name → the name sent to the implementation. */
  private readonly names = new Map<string, string>();
  /** Namespaces the scenario created (scenario-written names). */
  readonly namespaces = new Set<string>();
  readonly created: CreatedRef[] = [];
  outcome?: Outcome;

  /**
   * The name to send for `name`, renamed unless it is well known or cannot take the suffix. A lookup
   * (`existingOnly`) renames only names the scenario already sent: an object the scenario did not create
   * (the kube-dns Service of an add-on, say) keeps its own name.
   */
  private rename(name: string, existingOnly = false): string {
    if (existingOnly) return this.names.get(name) ?? name;
    if (WELL_KNOWN_NAMESPACES.includes(name) || !DNS_LABEL.test(name) || name.length + this.suffix.length > 63) return name;
    if (!this.names.has(name)) this.names.set(name, name + this.suffix);
    return this.names.get(name)!;
  }

  namespace(name: string | undefined): string | undefined {
    return name === undefined ? undefined : this.rename(name);
  }

  /** The name to send for an object of `kind` in `namespace` (undefined: the implementation's default). */
  objectName(kind: string, namespace: string | undefined, name: string, existingOnly = false): string {
    if (kind === 'Namespace') return this.rename(name, existingOnly);
    const shared = isClusterScoped(kind) || namespace === undefined || WELL_KNOWN_NAMESPACES.includes(namespace);
    return shared ? this.rename(name, existingOnly) : name;
  }

  /** A manifest as sent: namespace and name renamed. Never mutates its argument. */
  outbound(o: KubeObject): KubeObject {
    const kind = String(o.kind ?? '');
    const meta = { ...o.metadata };
    if (meta.namespace !== undefined) meta.namespace = this.namespace(meta.namespace);
    if (typeof meta.name === 'string') meta.name = this.objectName(kind, o.metadata.namespace, meta.name);
    return { ...o, metadata: meta };
  }

  /** Text from the implementation with renamed names written back as the scenario wrote them. */
  inbound(text: string): string {
    let out = text;
    for (const [written, sent] of [...this.names].sort((a, b) => b[1].length - a[1].length)) out = out.split(sent).join(written);
    return out;
  }

  /** An object from the implementation with namespace and name written back. */
  inboundObject(o: KubeObject): KubeObject {
    const meta = { ...o.metadata };
    if (typeof meta.namespace === 'string') meta.namespace = this.inbound(meta.namespace);
    if (typeof meta.name === 'string') meta.name = this.inbound(meta.name);
    return { ...o, metadata: meta };
  }

  /** Was this object (as the implementation names it) made by this scenario or in one of its namespaces? */
  owns(o: KubeObject): boolean {
    const ns = o.metadata.namespace;
    if (ns !== undefined && [...this.namespaces].some((n) => this.namespace(n) === ns)) return true;
    return [...this.names.values()].includes(String(o.metadata.name));
  }
}

const states = new WeakMap<KWorld, ScenarioObjects>();

/** The scenario's objects state (created on first use). */
export function scenarioObjects(w: KWorld): ScenarioObjects {
  let s = states.get(w);
  if (!s) states.set(w, (s = new ScenarioObjects()));
  return s;
}

/** The state, only if the scenario used it. */
export const existingScenarioObjects = (w: KWorld) => states.get(w);
