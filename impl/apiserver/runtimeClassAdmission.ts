// The RuntimeClass admission plugin, for new pods only (as upstream's, which handles Create): a pod
// naming a RuntimeClass gets the class's overhead as spec.overhead, and spec.overhead is accepted
// only when it equals the overhead of the pod's RuntimeClass; a pod can never bring its own.
// Not done: the class's `scheduling` (nodeSelector and tolerations merged into the pod).
import type { Obj } from './resourceType.ts';
import type { ResourceStore } from './resourceStore.ts';
import { ApiError } from './status.ts';
import { goQuote } from './fieldErrors.ts';
import { isObject, milliValue } from './kinds/podSpec.ts';
import { runtimeclasses } from './kinds/runtimeClasses.ts';

/** Forbidden as admission words it: `pods "web" is forbidden: …` (`pods is forbidden: …` without a name). */
function rejected(name: string, why: string): ApiError {
  const subject = name ? `pods "${name}"` : 'pods';
  return new ApiError(403, 'Forbidden', `${subject} is forbidden: ${why}`, { ...(name ? { name } : {}), kind: 'pods' });
}

const MISMATCH = "pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead";
const WITHOUT_CLASS = 'pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead';

const isEmpty = (list: unknown) => !isObject(list) || Object.keys(list).length === 0;

/** Same resource names with equal quantities (apimachinery's semantic equality of ResourceLists). */
function sameResources(a: unknown, b: unknown): boolean {
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => k in b && milliValue(a[k]) !== undefined && milliValue(a[k]) === milliValue(b[k]));
}

/**
 * Admits a new pod (`name` as the request gave it, '' with generateName): sets spec.overhead
 * from the pod's RuntimeClass, and throws Forbidden when that class does not exist or the pod
 * already asks for a different overhead. Returns the validating half, to call after the pod's
 * field validation: it throws Forbidden for an overhead no RuntimeClass defined.
 */
export async function admitRuntimeClass(rs: ResourceStore, pod: Obj, name: string): Promise<() => void> {
  const spec = isObject(pod.spec) ? pod.spec : undefined;
  const className = spec?.runtimeClassName;
  let rc: Obj | undefined;
  if (typeof className === 'string' && className !== '') {
    rc = await rs.get(runtimeclasses, undefined, className).catch((error: unknown) => {
      if (error instanceof ApiError && error.reason === 'NotFound') throw rejected(name, `pod rejected: RuntimeClass ${goQuote(className)} not found`);
      throw error;
    });
  }
  // The class's `overhead` (its podFixed may still be absent), when it defines one.
  const overhead = rc && isObject(rc.overhead) ? rc.overhead : undefined;
  if (spec && overhead) {
    if (!isEmpty(spec.overhead) && !sameResources(overhead.podFixed, spec.overhead)) throw rejected(name, MISMATCH);
    if (overhead.podFixed === undefined || overhead.podFixed === null) delete spec.overhead;
    else spec.overhead = structuredClone(overhead.podFixed);
  }
  return () => {
    if (!spec || isEmpty(spec.overhead)) return;
    if (!overhead) throw rejected(name, WITHOUT_CLASS);
    if (!sameResources(overhead.podFixed, spec.overhead)) throw rejected(name, MISMATCH);
  };
}
