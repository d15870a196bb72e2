// Everything the plugins read from a pod, computed once when the pod enters the scheduler
// (the incoming pod once per cycle, a placed pod once when it is added to the cache).
import type { KubeObject } from '../types.ts';
import { compileAffinityTerms, type AffinityTerm } from './affinityTerm.ts';
import { compileLabelSelector, selectorFromRequirements, selectorRequirements, NOTHING, type Labels, type Selector } from './labelSelector.ts';
import { compilePreferred, compileTerm, RequiredNodeAffinity, type PreferredTerm } from './nodeSelector.ts';
import { podRequests } from './podRequests.ts';
import type { Resource } from './resource.ts';
import { readTolerations, type Toleration } from './taints.ts';

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: string;
  selector: Selector;
  minDomains: number;
  /** Honor (default): only nodes matching the pod's required node affinity count. */
  nodeAffinityPolicy: string;
  /** Ignore (default) or Honor: whether nodes with untolerated taints count. */
  nodeTaintsPolicy: string;
}

type Raw = Record<string, any>;

/** Upstream's CRI-style image name: a reference without a tag gets `:latest`. */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

function readSpreadConstraints(raw: unknown, podLabels: Labels): SpreadConstraint[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((c: Raw, i: number) => {
    const field = `spec.topologySpreadConstraints[${i}].labelSelector`;
    let selector = compileLabelSelector(c.labelSelector, field);
    const keys: string[] = c.matchLabelKeys ?? [];
    if (selector !== NOTHING && keys.some((k) => k in podLabels)) {
      const reqs = selectorRequirements(c.labelSelector, field);
      for (const k of keys) if (k in podLabels) reqs.push({ key: k, op: 'In', values: [podLabels[k]] });
      selector = selectorFromRequirements(reqs);
    }
    return {
      maxSkew: Number(c.maxSkew ?? 1),
      topologyKey: String(c.topologyKey ?? ''),
      whenUnsatisfiable: String(c.whenUnsatisfiable ?? 'DoNotSchedule'),
      selector,
      minDomains: Number(c.minDomains ?? 1),
      nodeAffinityPolicy: c.nodeAffinityPolicy ?? 'Honor',
      nodeTaintsPolicy: c.nodeTaintsPolicy ?? 'Ignore',
    };
  });
}

export class PodInfo {
  readonly pod: KubeObject;
  readonly key: string;
  readonly name: string;
  readonly namespace: string;
  readonly labels: Labels;
  readonly nodeName: string;
  readonly terminating: boolean;
  /** The uid of the controlling owner (ReplicaSet, StatefulSet...), or ''. */
  readonly controllerUid: string;
  /** Requests as NodeResourcesFit counts them. */
  readonly requests: Resource;
  /** Requests with upstream's non-zero cpu/memory defaults, for NonZeroRequested and scores. */
  readonly nonZeroRequests: Resource;
  readonly hostPorts: HostPort[];
  readonly tolerations: Toleration[];
  readonly requiredNodeAffinity: RequiredNodeAffinity;
  readonly preferredNodeAffinity: PreferredTerm[];
  /** Whether spec.affinity.nodeAffinity.requiredDuringScheduling... is set (NodeAffinity PreFilter). */
  readonly hasRequiredNodeAffinityTerms: boolean;
  readonly rawRequiredNodeTerms: Raw[];
  readonly hasPodAffinity: boolean;
  readonly requiredAffinityTerms: AffinityTerm[];
  readonly requiredAntiAffinityTerms: AffinityTerm[];
  readonly preferredAffinityTerms: AffinityTerm[];
  readonly preferredAntiAffinityTerms: AffinityTerm[];
  readonly spreadConstraints: SpreadConstraint[];
  readonly images: string[];

  /** Throws InvalidObjectError when a quantity or selector cannot be read. */
  constructor(pod: KubeObject) {
    const meta = pod.metadata ?? {};
    const spec: Raw = (pod as Raw).spec ?? {};
    this.pod = pod;
    this.name = meta.name ?? '';
    this.namespace = meta.namespace || 'default';
    this.key = meta.uid || `${this.namespace}/${this.name}`;
    this.labels = meta.labels ?? {};
    this.nodeName = spec.nodeName ?? '';
    this.terminating = meta.deletionTimestamp != null;
    this.controllerUid = meta.ownerReferences?.find((o) => o.controller)?.uid ?? '';
    this.requests = podRequests(pod, false);
    this.nonZeroRequests = podRequests(pod, true);

    this.hostPorts = [];
    for (const c of spec.containers ?? []) {
      for (const p of c.ports ?? []) {
        if (p.hostPort > 0) this.hostPorts.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
      }
    }
    this.tolerations = readTolerations(spec.tolerations);

    const affinity: Raw = spec.affinity ?? {};
    const na: Raw | undefined = affinity.nodeAffinity;
    const required: Raw | undefined = na?.requiredDuringSchedulingIgnoredDuringExecution;
    this.rawRequiredNodeTerms = required?.nodeSelectorTerms ?? [];
    this.hasRequiredNodeAffinityTerms = required != null;
    this.requiredNodeAffinity =
      spec.nodeSelector == null && required == null
        ? RequiredNodeAffinity.NONE
        : new RequiredNodeAffinity(spec.nodeSelector ?? null, required ? this.rawRequiredNodeTerms.map(compileTerm) : null);
    this.preferredNodeAffinity = compilePreferred(na?.preferredDuringSchedulingIgnoredDuringExecution ?? []);

    const pa: Raw | undefined = affinity.podAffinity;
    const paa: Raw | undefined = affinity.podAntiAffinity;
    this.hasPodAffinity = pa != null || paa != null;
    const ns = this.namespace;
    const base = 'spec.affinity';
    this.requiredAffinityTerms = compileAffinityTerms(pa?.requiredDuringSchedulingIgnoredDuringExecution, ns, `${base}.podAffinity.requiredDuringSchedulingIgnoredDuringExecution`, false);
    this.requiredAntiAffinityTerms = compileAffinityTerms(paa?.requiredDuringSchedulingIgnoredDuringExecution, ns, `${base}.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution`, false);
    this.preferredAffinityTerms = compileAffinityTerms(pa?.preferredDuringSchedulingIgnoredDuringExecution, ns, `${base}.podAffinity.preferredDuringSchedulingIgnoredDuringExecution`, true);
    this.preferredAntiAffinityTerms = compileAffinityTerms(paa?.preferredDuringSchedulingIgnoredDuringExecution, ns, `${base}.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution`, true);

    this.spreadConstraints = readSpreadConstraints(spec.topologySpreadConstraints, this.labels);
    this.images = [...(spec.initContainers ?? []), ...(spec.containers ?? [])]
      .filter((c: Raw) => typeof c.image === 'string')
      .map((c: Raw) => normalizedImageName(c.image));
  }

  get hasRequiredAntiAffinity(): boolean {
    return this.requiredAntiAffinityTerms.length > 0;
  }
}
