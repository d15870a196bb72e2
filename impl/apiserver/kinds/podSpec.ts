// Pod spec defaults and validation, shared by pods and pod templates (replicasets, deployments).
import type { Obj } from '../resourceType.ts';
import { invalid, isDNS1123Label, isDNS1123Subdomain, jsonValue, notSupported, required, stringValue, type FieldError } from '../fieldErrors.ts';
import { QUANTITY_DETAIL, quantityMilliValue } from '../../scheduler/quantity/parseQuantity.ts';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** Upstream's pod spec defaults (SetDefaults_PodSpec / _Container / _ContainerPort); mutates. */
export function defaultPodSpec(spec: Obj): void {
  spec.restartPolicy ??= 'Always';
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
  for (const c of [...arrayOf(spec.initContainers), ...arrayOf(spec.containers)]) {
    if (!isObject(c)) continue;
    if (typeof c.image === 'string' && c.imagePullPolicy === undefined) {
      const tag = c.image.includes('@') ? 'digest' : c.image.split('/').pop()!.split(':')[1];
      c.imagePullPolicy = tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent';
    }
    c.terminationMessagePath ??= '/dev/termination-log';
    c.terminationMessagePolicy ??= 'File';
    c.resources ??= {};
    for (const p of arrayOf(c.ports)) if (isObject(p)) p.protocol ??= 'TCP';
  }
}

/** ValidatePodSpec's rules for containers (names, images, port ranges, protocols), runtimeClassName and overhead. */
export function validatePodSpec(spec: unknown, path: string): FieldError[] {
  if (!isObject(spec)) return [required(path, '')];
  const errors: FieldError[] = [];
  const containers = arrayOf(spec.containers);
  if (containers.length === 0) errors.push(required(`${path}.containers`, ''));
  const names = new Set<string>();
  const check = (list: unknown[], field: string) =>
    list.forEach((c, i) => {
      const at = `${path}.${field}[${i}]`;
      if (!isObject(c)) return void errors.push(required(at, ''));
      if (!c.name) errors.push(required(`${at}.name`, ''));
      else {
        for (const msg of isDNS1123Label(String(c.name))) errors.push(invalid(`${at}.name`, stringValue(String(c.name)), msg));
        if (names.has(c.name)) errors.push({ field: `${at}.name`, type: 'Duplicate value', message: `Duplicate value: ${stringValue(String(c.name)).quoted}` });
        names.add(c.name);
      }
      if (!c.image) errors.push(required(`${at}.image`, ''));
      arrayOf(c.ports).forEach((p, j) => errors.push(...validatePort(p, `${at}.ports[${j}]`)));
    });
  check(arrayOf(spec.initContainers), 'initContainers');
  check(containers, 'containers');
  if (spec.restartPolicy !== undefined && !['Always', 'OnFailure', 'Never'].includes(spec.restartPolicy))
    errors.push(notSupported(`${path}.restartPolicy`, stringValue(String(spec.restartPolicy)), ['Always', 'OnFailure', 'Never']));
  if (spec.runtimeClassName !== undefined && spec.runtimeClassName !== null) {
    const name = String(spec.runtimeClassName);
    for (const msg of isDNS1123Subdomain(name)) errors.push(invalid(`${path}.runtimeClassName`, stringValue(name), msg));
  }
  errors.push(...validateOverhead(spec.overhead, `${path}.overhead`));
  return errors;
}

/** Resource names a container (and so an overhead) may list without a domain prefix. */
const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

/** Milli-units of a quantity, or undefined when it does not parse. */
export function milliValue(value: unknown): number | undefined {
  try {
    return quantityMilliValue(value, '');
  } catch {
    return undefined;
  }
}

/**
 * ValidateContainerResourceRequirements on `{limits: overhead}`, as upstream checks a pod's or a
 * RuntimeClass's overhead (hence `.limits` in the paths, as upstream reports them).
 */
export function validateOverhead(overhead: unknown, path: string): FieldError[] {
  if (overhead === undefined || overhead === null) return [];
  if (!isObject(overhead)) return [invalid(path, stringValue(JSON.stringify(overhead)), 'must be a map of resource names to quantities')];
  const errors: FieldError[] = [];
  for (const [name, quantity] of Object.entries(overhead)) {
    const at = `${path}.limits[${name}]`;
    if (!name.includes('/') && !STANDARD_CONTAINER_RESOURCES.has(name) && !name.startsWith('hugepages-'))
      errors.push(invalid(at, stringValue(name), 'must be a standard resource for containers'));
    const milli = milliValue(quantity);
    if (milli === undefined) errors.push(invalid(at, stringValue(String(quantity)), QUANTITY_DETAIL));
    else if (milli < 0) errors.push(invalid(at, stringValue(String(quantity)), 'must be greater than or equal to 0'));
  }
  return errors;
}

function validatePort(port: unknown, at: string): FieldError[] {
  if (!isObject(port)) return [required(at, '')];
  const errors: FieldError[] = [];
  if (!port.containerPort) errors.push(required(`${at}.containerPort`, ''));
  else errors.push(...portNumber(port.containerPort, `${at}.containerPort`));
  if (port.hostPort) errors.push(...portNumber(port.hostPort, `${at}.hostPort`));
  if (port.protocol === undefined || port.protocol === '') errors.push(required(`${at}.protocol`, ''));
  else if (!PROTOCOLS.includes(port.protocol)) errors.push(notSupported(`${at}.protocol`, stringValue(String(port.protocol)), PROTOCOLS));
  return errors;
}

/** validation.IsValidPortNum as a field error. */
export function portNumber(value: unknown, at: string): FieldError[] {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535
    ? []
    : [invalid(at, jsonValue(value), 'must be between 1 and 65535, inclusive')];
}

export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const arrayOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
