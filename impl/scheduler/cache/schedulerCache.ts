// The scheduler's view of the cluster, updated incrementally: one NodeInfo per node with its
// pods' aggregates, the zone-interleaved node order, the nodes holding pods with affinity, and
// which nodes hold each image. It is the Snapshot a cycle reads; a cycle never changes it.
import { InvalidObjectError } from '../errors.ts';
import { defaultNamespaceLabels, type NamespaceLabels } from '../framework/affinityTerm.ts';
import type { Snapshot } from '../framework/cycleState.ts';
import { NOTHING, type Selector } from '../framework/labelSelector.ts';
import { NodeInfo, type ImageStateSummary } from '../framework/nodeInfo.ts';
import { PodInfo } from '../framework/podInfo.ts';
import type { KubeObject } from '../types.ts';
import { NodeTree } from './nodeTree.ts';

type Raw = Record<string, any>;

export interface CacheOptions {
  namespaceLabels?: NamespaceLabels;
  defaultSpreadSelector?: (pod: PodInfo) => Selector;
}

export class SchedulerCache implements Snapshot {
  private readonly infos = new Map<string, NodeInfo>();
  private readonly podNode = new Map<string, string>();
  private readonly tree = new NodeTree();
  private readonly images = new Map<string, ImageStateSummary>();
  private nodeList: NodeInfo[] | null = null;
  private affinityLists: { any: NodeInfo[]; anti: NodeInfo[] } | null = null;
  readonly namespaceLabels: NamespaceLabels;
  private readonly spreadSelector: (pod: PodInfo) => Selector;

  constructor(opts: CacheOptions = {}) {
    this.namespaceLabels = opts.namespaceLabels ?? defaultNamespaceLabels;
    this.spreadSelector = opts.defaultSpreadSelector ?? (() => NOTHING);
  }

  get nodes(): readonly NodeInfo[] {
    return (this.nodeList ??= this.tree.list().map((n) => this.infos.get(n)!));
  }

  get(name: string): NodeInfo | undefined {
    const info = this.infos.get(name);
    return info?.node ? info : undefined;
  }

  get havePodsWithAffinity(): readonly NodeInfo[] {
    return this.lists().any;
  }

  get havePodsWithRequiredAntiAffinity(): readonly NodeInfo[] {
    return this.lists().anti;
  }

  defaultSpreadSelector(pod: PodInfo): Selector {
    return this.spreadSelector(pod);
  }

  /** Adds or replaces a node. Throws InvalidObjectError for a nameless node or a bad quantity. */
  setNode(node: KubeObject): void {
    const name = node.metadata?.name;
    if (!name) throw InvalidObjectError.required('metadata.name');
    let info = this.infos.get(name);
    const fresh = new NodeInfo(name);
    fresh.setNode(node); // parse before touching the cache
    if (!info) this.infos.set(name, (info = fresh));
    else info.setNode(node);
    this.setImages(info, (node.status as Raw | undefined)?.images);
    if (this.tree.set(name, info.labels)) this.nodeList = null;
    this.affinityLists = null;
  }

  removeNode(name: string): boolean {
    const info = this.infos.get(name);
    if (!info?.node) return false;
    this.setImages(info, []);
    info.node = null;
    if (info.pods.length === 0) this.infos.delete(name);
    this.tree.remove(name);
    this.nodeList = null;
    this.affinityLists = null;
    return true;
  }

  /** Adds a pod placed on spec.nodeName (replacing one with the same key); false for an unplaced pod. */
  addPod(pod: KubeObject): boolean {
    const p = new PodInfo(pod);
    if (p.nodeName === '') return false;
    this.removePod(p.key);
    let info = this.infos.get(p.nodeName);
    if (!info) this.infos.set(p.nodeName, (info = new NodeInfo(p.nodeName)));
    info.addPod(p);
    this.podNode.set(p.key, p.nodeName);
    if (p.hasPodAffinity) this.affinityLists = null;
    return true;
  }

  /** Removes the pod with `key` (uid, else namespace/name); false when it is not cached. */
  removePod(key: string): boolean {
    const nodeName = this.podNode.get(key);
    if (nodeName === undefined) return false;
    this.podNode.delete(key);
    const info = this.infos.get(nodeName)!;
    const p = info.removePod(key);
    if (p?.hasPodAffinity) this.affinityLists = null;
    if (!info.node && info.pods.length === 0) this.infos.delete(nodeName);
    return true;
  }

  private lists(): { any: NodeInfo[]; anti: NodeInfo[] } {
    if (!this.affinityLists) {
      const nodes = this.nodes;
      this.affinityLists = {
        any: nodes.filter((n) => n.podsWithAffinity.length > 0),
        anti: nodes.filter((n) => n.podsWithRequiredAntiAffinity.length > 0),
      };
    }
    return this.affinityLists;
  }

  private setImages(info: NodeInfo, raw: unknown): void {
    for (const [name, s] of info.imageStates) {
      s.nodes.delete(info.name);
      if (s.nodes.size === 0) this.images.delete(name);
    }
    const states = new Map<string, ImageStateSummary>();
    for (const image of Array.isArray(raw) ? (raw as Raw[]) : []) {
      for (const name of Array.isArray(image?.names) ? (image.names as string[]) : []) {
        let s = this.images.get(name);
        // the size is the one reported when the entry was created, as upstream's imageStates keeps it
        if (!s) this.images.set(name, (s = { size: Number(image.sizeBytes ?? 0), nodes: new Set() }));
        s.nodes.add(info.name);
        states.set(name, s);
      }
    }
    info.imageStates = states;
  }
}
