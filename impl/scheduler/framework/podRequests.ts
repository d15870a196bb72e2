// A pod's effective requests as upstream's resource.PodRequests computes them:
// max(sum(regular containers + sidecars), max over init containers of (init + sidecars started
// before it)), pod-level requests (cpu, memory, hugepages) replacing the container sum, plus overhead.
import { Resource } from './resource.ts';

/** Upstream's non-zero defaults for a container that requests no cpu or memory (scoring only). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

type Raw = Record<string, any>;

function maxInto(into: Resource, other: Resource): void {
  into.milliCPU = Math.max(into.milliCPU, other.milliCPU);
  into.memory = Math.max(into.memory, other.memory);
  into.ephemeralStorage = Math.max(into.ephemeralStorage, other.ephemeralStorage);
  if (other.scalar) for (const [k, v] of other.scalar) into.setScalar(k, Math.max(into.scalarOf(k), v));
}

function containerRequests(c: Raw, field: string, nonZero: boolean): Resource {
  const list = c?.resources?.requests;
  const r = Resource.fromList(list, `${field}.resources.requests`);
  if (nonZero) {
    if (!list || !('cpu' in list)) r.milliCPU += DEFAULT_MILLI_CPU_REQUEST;
    if (!list || !('memory' in list)) r.memory += DEFAULT_MEMORY_REQUEST;
  }
  return r;
}

/**
 * The pod's requests. With `nonZero`, containers that do not request cpu/memory count upstream's
 * defaults (used by NonZeroRequested and the resource scores); with pod-level requests, only for
 * a resource that neither the pod level, a container nor the overhead lists.
 * Throws InvalidObjectError on a malformed quantity.
 */
export function podRequests(pod: Raw, nonZero: boolean): Resource {
  const spec: Raw = pod.spec ?? {};
  const podLevel = spec.resources?.requests;
  const podLevelSet = !!podLevel && Object.keys(podLevel).some((k) => k === 'cpu' || k === 'memory' || k.startsWith('hugepages-'));
  const useDefaults = nonZero && !podLevelSet;

  const result = new Resource();
  (spec.containers ?? []).forEach((c: Raw, i: number) => result.addResource(containerRequests(c, `spec.containers[${i}]`, useDefaults), 1));

  const sidecars = new Resource();
  const initMax = new Resource();
  (spec.initContainers ?? []).forEach((c: Raw, i: number) => {
    const r = containerRequests(c, `spec.initContainers[${i}]`, useDefaults);
    if (c?.restartPolicy === 'Always') {
      result.addResource(r, 1);
      sidecars.addResource(r, 1);
      maxInto(initMax, sidecars);
    } else {
      r.addResource(sidecars, 1);
      maxInto(initMax, r);
    }
  });
  maxInto(result, initMax);

  if (podLevelSet) {
    const p = Resource.fromList(podLevel, 'spec.resources.requests');
    if ('cpu' in podLevel) result.milliCPU = p.milliCPU;
    if ('memory' in podLevel) result.memory = p.memory;
    if (p.scalar) for (const [k, v] of p.scalar) if (k.startsWith('hugepages-')) result.setScalar(k, v);
    if (nonZero) {
      // Upstream gives every container the cpu (memory) default only when neither the pod level, a container nor the overhead lists cpu (memory).
      const listed = (k: string): boolean =>
        k in podLevel ||
        (spec.overhead != null && k in spec.overhead) ||
        [spec.containers, spec.initContainers].flat().some((c: Raw) => c?.resources?.requests != null && k in c.resources.requests);
      const defaults = podRequests({ spec: { containers: spec.containers, initContainers: spec.initContainers } }, true);
      if (!listed('cpu')) result.milliCPU = defaults.milliCPU;
      if (!listed('memory')) result.memory = defaults.memory;
    }
  }
  if (spec.overhead) result.addResource(Resource.fromList(spec.overhead, 'spec.overhead'), 1);
  result.allowedPodNumber = 0;
  return result;
}
