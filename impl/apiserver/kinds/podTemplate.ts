// The selector + template rules shared by ReplicaSets and Deployments.
import type { Obj } from '../resourceType.ts';
import { goQuote, invalid, jsonValue, required, type FieldError } from '../fieldErrors.ts';
import { arrayOf, defaultPodSpec, isObject, validatePodSpec } from './podSpec.ts';
import { selectorText } from '../tableColumns.ts';

/** Does a metav1.LabelSelector select these labels? (Unknown operators select nothing.) */
export function labelSelectorMatches(selector: Obj, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of arrayOf(selector.matchExpressions).filter(isObject)) {
    const has = Object.hasOwn(labels, e.key);
    const inValues = has && arrayOf(e.values).includes(labels[e.key]);
    const ok = e.operator === 'In' ? inValues : e.operator === 'NotIn' ? !inValues : e.operator === 'Exists' ? has : e.operator === 'DoesNotExist' ? !has : false;
    if (!ok) return false;
  }
  return true;
}

/** Go's %#v of a map[string]string, the way upstream prints template labels. */
const goMap = (m: Record<string, string>) => ({ quoted: `map[string]string{${Object.keys(m).sort().map((k) => `${goQuote(k)}:${goQuote(m[k])}`).join(', ')}}` });

/** The defaults every workload with `spec.replicas` and a pod template gets (ReplicaSet, Deployment, ReplicationController). */
export function defaultWorkload(object: Obj): void {
  if (!isObject(object.spec)) return;
  object.spec.replicas ??= 1;
  if (isObject(object.spec.template?.spec)) defaultPodSpec(object.spec.template.spec);
}

export function validateWorkload(object: Obj): FieldError[] {
  const spec = object.spec;
  if (!isObject(spec)) return [required('spec', '')];
  const errors: FieldError[] = [];
  if (spec.replicas !== undefined && !(Number.isInteger(spec.replicas) && spec.replicas >= 0))
    errors.push(invalid('spec.replicas', jsonValue(spec.replicas), 'must be greater than or equal to 0'));
  const labels = isObject(spec.template?.metadata?.labels) ? (spec.template.metadata.labels as Record<string, string>) : {};
  if (!isObject(spec.selector)) errors.push(required('spec.selector', ''));
  else if (!labelSelectorMatches(spec.selector, labels))
    errors.push(invalid('spec.template.metadata.labels', goMap(labels), '`selector` does not match template `labels`'));
  if (!isObject(spec.template)) errors.push(required('spec.template', ''));
  else errors.push(...validatePodSpec(spec.template.spec, 'spec.template.spec'));
  return errors;
}

/** The wide columns' cells: containers, images, selector. */
export function templateCells(object: Obj): string[] {
  const containers = arrayOf(object.spec?.template?.spec?.containers).filter(isObject);
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image).join(','), selectorText(object.spec?.selector)];
}
