// ObjectMeta validation on create and update (apimachinery's ValidateObjectMeta[Update]).
import type { Obj, ResourceType } from './resourceType.ts';
import { forbidden, invalid, isDNS1123Subdomain, jsonValue, required, stringValue, validateAnnotations, validateLabels, type FieldError } from './fieldErrors.ts';

/** Errors in metadata of an object about to be stored (name already generated, namespace set). */
export function validateMeta(type: ResourceType, object: Obj): FieldError[] {
  const meta = object.metadata as Obj;
  const errors: FieldError[] = [];
  const name = meta.name as string | undefined;
  if (!name) errors.push(required('metadata.name', 'name or generateName is required'));
  else for (const msg of (type.nameMessages ?? isDNS1123Subdomain)(name)) errors.push(invalid('metadata.name', stringValue(name), msg));
  if (type.namespaced && !meta.namespace) errors.push(required('metadata.namespace', ''));
  if (!type.namespaced && meta.namespace) errors.push(forbidden('metadata.namespace', 'not allowed on this type'));
  if (meta.labels) errors.push(...validateLabels(meta.labels));
  if (meta.annotations) errors.push(...validateAnnotations(meta.annotations));
  if (meta.generation !== undefined && meta.generation < 0) errors.push(invalid('metadata.generation', jsonValue(meta.generation), 'must be greater than or equal to 0'));
  return errors;
}

/** Errors for changing immutable metadata. */
export function validateMetaUpdate(object: Obj, old: Obj): FieldError[] {
  const errors: FieldError[] = [];
  if (object.metadata.uid !== old.metadata.uid) errors.push(invalid('metadata.uid', stringValue(String(object.metadata.uid)), 'field is immutable'));
  return errors;
}
