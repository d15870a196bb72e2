// RuntimeClasses (node.k8s.io/v1): cluster-scoped names for a container runtime configuration
// (`handler`), with the fixed per-pod overhead that pods using them pay. What they do to pods is
// admission's business (../runtimeClassAdmission.ts).
import type { Obj, ResourceType } from '../resourceType.ts';
import { invalid, isDNS1123Label, stringValue, type FieldError } from '../fieldErrors.ts';
import { age, ageOf, column, nameColumn } from '../tableColumns.ts';
import { isObject, validateOverhead } from './podSpec.ts';

function validateRuntimeClass(rc: Obj): FieldError[] {
  const handler = typeof rc.handler === 'string' ? rc.handler : '';
  const errors = isDNS1123Label(handler).map((msg) => invalid('handler', stringValue(handler), msg));
  if (rc.overhead !== undefined && rc.overhead !== null) {
    if (!isObject(rc.overhead)) errors.push(invalid('overhead', stringValue(JSON.stringify(rc.overhead)), 'must be an object'));
    else errors.push(...validateOverhead(rc.overhead.podFixed, 'overhead'));
  }
  return errors;
}

export const runtimeclasses: ResourceType = {
  group: 'node.k8s.io', version: 'v1', resource: 'runtimeclasses', singular: 'runtimeclass', kind: 'RuntimeClass', namespaced: false,
  shortNames: [], subresources: [],
  validate: validateRuntimeClass,
  validateUpdate: (rc, old) => (rc.handler === old.handler ? [] : [invalid('handler', stringValue(String(rc.handler ?? '')), 'field is immutable')]),
  columns: [nameColumn, column('Handler', 'string', 'handler specifies the underlying runtime and configuration that the CRI implementation will use to handle pods of this class.'), age],
  cells: (rc) => [rc.handler ?? '', ageOf(rc.metadata.creationTimestamp)],
};
