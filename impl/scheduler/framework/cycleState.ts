// Per-cycle data shared by a plugin's extension points (PreFilter → Filter, PreScore → Score),
// plus the snapshot of the cluster the cycle reads. One CycleState per scheduling attempt.
import type { NamespaceLabels } from './affinityTerm.ts';
import type { Selector } from './labelSelector.ts';
import type { NodeInfo } from './nodeInfo.ts';
import type { PodInfo } from './podInfo.ts';

/** The cluster as one cycle sees it. The cycle never mutates it. */
export interface Snapshot {
  /** Nodes (with a Node object) in upstream's zone-interleaved order. */
  readonly nodes: readonly NodeInfo[];
  get(name: string): NodeInfo | undefined;
  readonly havePodsWithAffinity: readonly NodeInfo[];
  readonly havePodsWithRequiredAntiAffinity: readonly NodeInfo[];
  readonly namespaceLabels: NamespaceLabels;
  /** The selector of the controller owning `pod`, for default spreading; NOTHING when none. */
  defaultSpreadSelector(pod: PodInfo): Selector;
}

export class CycleState {
  readonly snapshot: Snapshot;
  private readonly data = new Map<string, unknown>();

  constructor(snapshot: Snapshot) {
    this.snapshot = snapshot;
  }

  write(key: string, value: unknown): void {
    this.data.set(key, value);
  }

  /** The value written under `key`, or undefined when the writing extension point did not run. */
  read<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }
}
