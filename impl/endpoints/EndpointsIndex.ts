// The endpoints controller's state, kept incrementally: Services and Pods go in as they change,
// and each change returns the keys (`namespace/name`) of the Services whose Endpoints changed.
//
// Cost of a pod change: its label pairs are looked up in a label-pair → services index, and only
// the services it was or is selected by are touched; in each, the addresses sharing the pod's
// address key are re-evaluated and spliced into sorted per-port lists. Reading a changed
// service's Endpoints then copies those lists (no sorting, no selector matching).
import { assembleEndpoints, isLeftUntouched, type EndpointsOptions } from './computeEndpoints.ts';
import { PortAddressSet } from './PortAddressSet.ts';
import { endpointPortKey, namespaceOf, podContribution, selectorMatches, type PodContribution } from './podContribution.ts';
import { comparePorts, makeSubset, subsetOrder } from './repackSubsets.ts';
import { objectKey, type EndpointSubset, type Endpoints, type Labels, type Pod, type Service } from './types.ts';

interface Member extends PodContribution {
  portKeys: Set<string>;
  json: string;
}

interface ServiceState {
  service: Service;
  /** Pods the selector matches, contributing or not. */
  selected: Set<string>;
  members: Map<string, Member>;
  byAddr: Map<string, Set<string>>;
  ports: Map<string, PortAddressSet>;
  cached: Endpoints | undefined;
}

/** A multimap namespace → "key=value" → keys. */
class PairIndex {
  private readonly map = new Map<string, Map<string, Set<string>>>();
  add(ns: string, labels: Labels, key: string, sign: 1 | -1): void {
    let byPair = this.map.get(ns);
    if (!byPair) this.map.set(ns, (byPair = new Map()));
    for (const k in labels) {
      const pair = `${k}=${labels[k]}`;
      let keys = byPair.get(pair);
      if (sign === 1) {
        if (!keys) byPair.set(pair, (keys = new Set()));
        keys.add(key);
      } else if (keys) {
        keys.delete(key);
        if (keys.size === 0) byPair.delete(pair);
      }
    }
  }
  get(ns: string, k: string, v: string): ReadonlySet<string> {
    return this.map.get(ns)?.get(`${k}=${v}`) ?? new Set();
  }
}

const selectorOf = (service: Service): Labels => service.spec?.selector ?? {};

export class EndpointsIndex {
  private readonly options: EndpointsOptions;
  private readonly states = new Map<string, ServiceState>();
  private readonly untouched = new Map<string, Service>();
  private readonly pods = new Map<string, Pod>();
  private readonly podsByNs = new Map<string, Set<string>>();
  private readonly podPairs = new PairIndex();
  private readonly servicePairs = new PairIndex();
  /** Services with the empty selector, per namespace: they select every pod there. */
  private readonly selectAll = new Map<string, Set<string>>();
  private readonly podServices = new Map<string, Set<string>>();

  constructor(options: EndpointsOptions = {}) {
    this.options = options;
  }

  /** A pod was added (old null), updated, or deleted (cur null). Returns the services whose Endpoints changed. */
  onPodChange(old: Pod | null, cur: Pod | null): Set<string> {
    const pod = cur ?? old;
    if (!pod) return new Set();
    const key = objectKey(pod.metadata);
    const ns = namespaceOf(pod.metadata);
    const before = this.podServices.get(key) ?? new Set<string>();
    const after = cur ? this.servicesSelecting(cur) : new Set<string>();
    const stored = this.pods.get(key);
    if (stored) {
      this.podPairs.add(ns, stored.metadata.labels ?? {}, key, -1);
      this.podsByNs.get(ns)?.delete(key);
    }
    if (cur) {
      this.pods.set(key, cur);
      this.podPairs.add(ns, cur.metadata.labels ?? {}, key, 1);
      let inNs = this.podsByNs.get(ns);
      if (!inNs) this.podsByNs.set(ns, (inNs = new Set()));
      inNs.add(key);
      this.podServices.set(key, after);
    } else {
      this.pods.delete(key);
      this.podServices.delete(key);
    }
    const changed = new Set<string>();
    for (const svcKey of new Set([...before, ...after])) {
      const state = this.states.get(svcKey)!;
      if (after.has(svcKey)) state.selected.add(key);
      else state.selected.delete(key);
      if (this.setMember(state, key, after.has(svcKey) ? podContribution(state.service, cur!) : null)) changed.add(svcKey);
    }
    return changed;
  }

  /** A service was added or updated. Returns its key: its Endpoints are recomputed from its pods. */
  onServiceChange(service: Service): Set<string> {
    const key = objectKey(service.metadata);
    this.forgetService(key);
    if (isLeftUntouched(service)) {
      this.untouched.set(key, service);
      return new Set([key]);
    }
    const ns = namespaceOf(service.metadata);
    const selector = selectorOf(service);
    const state: ServiceState = { service, selected: new Set(), members: new Map(), byAddr: new Map(), ports: new Map(), cached: undefined };
    this.states.set(key, state);
    if (Object.keys(selector).length === 0) {
      let all = this.selectAll.get(ns);
      if (!all) this.selectAll.set(ns, (all = new Set()));
      all.add(key);
    } else this.servicePairs.add(ns, selector, key, 1);
    const candidates = [...this.candidatePods(ns, selector)].sort();
    for (const podKey of candidates) {
      const pod = this.pods.get(podKey)!;
      if (!selectorMatches(selector, pod.metadata.labels)) continue;
      state.selected.add(podKey);
      this.podServices.get(podKey)!.add(key);
      this.setMember(state, podKey, podContribution(service, pod));
    }
    return new Set([key]);
  }

  onServiceDelete(namespace: string, name: string): Set<string> {
    const key = `${namespace || 'default'}/${name}`;
    this.forgetService(key);
    return new Set([key]);
  }

  /**
   * The service's Endpoints; null when the controller leaves them untouched; undefined for an
   * unknown service. The object shares its addresses with the index, like an informer cache: copy
   * before modifying it.
   */
  endpoints(serviceKey: string): Endpoints | null | undefined {
    if (this.untouched.has(serviceKey)) return null;
    const state = this.states.get(serviceKey);
    if (!state) return undefined;
    if (!state.cached) state.cached = this.materialise(state);
    return state.cached;
  }

  serviceKeys(): string[] {
    return [...this.states.keys(), ...this.untouched.keys()];
  }

  service(serviceKey: string): Service | undefined {
    return this.states.get(serviceKey)?.service ?? this.untouched.get(serviceKey);
  }

  podsInNamespace(namespace: string): Pod[] {
    return [...(this.podsByNs.get(namespace) ?? [])].map((k) => this.pods.get(k)!);
  }

  private servicesSelecting(pod: Pod): Set<string> {
    const ns = namespaceOf(pod.metadata);
    const labels = pod.metadata.labels ?? {};
    const found = new Set<string>(this.selectAll.get(ns) ?? []);
    for (const k in labels) {
      for (const svcKey of this.servicePairs.get(ns, k, labels[k])) {
        if (!found.has(svcKey) && selectorMatches(selectorOf(this.states.get(svcKey)!.service), labels)) found.add(svcKey);
      }
    }
    return found;
  }

  /** Pods that may match the selector: those holding its rarest label pair. */
  private candidatePods(ns: string, selector: Labels): Iterable<string> {
    let best: ReadonlySet<string> | undefined;
    for (const k in selector) {
      const keys = this.podPairs.get(ns, k, selector[k]);
      if (!best || keys.size < best.size) best = keys;
    }
    return best ?? this.podsByNs.get(ns) ?? [];
  }

  private forgetService(key: string): void {
    this.untouched.delete(key);
    const state = this.states.get(key);
    if (!state) return;
    const ns = namespaceOf(state.service.metadata);
    const selector = selectorOf(state.service);
    if (Object.keys(selector).length === 0) this.selectAll.get(ns)?.delete(key);
    else this.servicePairs.add(ns, selector, key, -1);
    for (const podKey of state.selected) this.podServices.get(podKey)?.delete(key);
    this.states.delete(key);
  }

  /** Replaces one pod's contribution to a service; true when it differs from the previous one. */
  private setMember(state: ServiceState, podKey: string, contribution: PodContribution | null): boolean {
    const old = state.members.get(podKey);
    const json = contribution ? JSON.stringify(contribution) : undefined;
    if (old?.json === json) return false;
    const next: Member | undefined = contribution
      ? { ...contribution, json: json!, portKeys: new Set(contribution.ports.map(endpointPortKey)) }
      : undefined;
    const addrKeys = new Set([old?.addrKey, next?.addrKey].filter((k): k is string => k !== undefined));
    const touched = new Map<string, Member>();
    for (const ak of addrKeys) for (const pk of state.byAddr.get(ak) ?? []) touched.set(pk, state.members.get(pk)!);
    if (next) touched.set(podKey, next);
    if (old) {
      state.members.delete(podKey);
      const peers = state.byAddr.get(old.addrKey)!;
      peers.delete(podKey);
      if (peers.size === 0) state.byAddr.delete(old.addrKey);
    }
    if (next) {
      state.members.set(podKey, next);
      let peers = state.byAddr.get(next.addrKey);
      if (!peers) state.byAddr.set(next.addrKey, (peers = new Set()));
      peers.add(podKey);
    }
    const portKeys = new Map<string, PodContribution['ports'][number]>();
    for (const m of [...touched.values(), ...(old ? [old] : [])]) m.ports.forEach((p) => portKeys.set(endpointPortKey(p), p));
    for (const ak of addrKeys) this.reevaluate(state, ak, portKeys);
    state.cached = undefined;
    return true;
  }

  /**
   * Recomputes the entry of one address key in the given ports, as RepackSubsets would: the
   * address of its first contributor in pod-key order, not ready if any contributor is not ready.
   */
  private reevaluate(state: ServiceState, addrKey: string, portKeys: Map<string, PodContribution['ports'][number]>): void {
    const peers = [...(state.byAddr.get(addrKey) ?? [])].sort().map((k) => state.members.get(k)!);
    for (const [pk, port] of portKeys) {
      const offering = peers.filter((m) => m.portKeys.has(pk));
      let set = state.ports.get(pk);
      if (offering.length === 0) {
        set?.set(addrKey, undefined);
        if (set && set.size === 0) state.ports.delete(pk);
        continue;
      }
      if (!set) state.ports.set(pk, (set = new PortAddressSet(port)));
      set.set(addrKey, { address: peers[0].address, ready: offering.every((m) => m.ready) });
    }
  }

  private materialise(state: ServiceState): Endpoints {
    const groups = new Map<string, PortAddressSet[]>();
    for (const set of state.ports.values()) {
      const group = groups.get(set.signature);
      if (group) group.push(set);
      else groups.set(set.signature, [set]);
    }
    const subsets: EndpointSubset[] = [];
    for (const sets of groups.values()) {
      const ports = sets.map((s) => s.port).sort(comparePorts);
      subsets.push(makeSubset(sets[0].ready.slice(), sets[0].notReady.slice(), ports));
    }
    return assembleEndpoints(state.service, subsets.sort(subsetOrder), this.options);
  }
}
