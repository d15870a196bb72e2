// REST paths of kinds, from the API server's resource table.
import { groupVersion, resourceForKind, type ResourceType } from '../apiserver/index.ts';
import { ApiStatusError } from './ApiStatusError.ts';

export function resourceType(kind: string): ResourceType {
  const type = resourceForKind(kind);
  if (!type) throw new ApiStatusError(404, 'NotFound', `the server doesn't have a resource type "${kind}"`, undefined);
  return type;
}

/**
 * The path of a collection (name undefined) or object. Namespaced kinds: namespace undefined
 * means all namespaces for a collection and `default` for an object.
 */
export function resourcePath(type: ResourceType, namespace: string | undefined, name?: string, subresource?: string): string {
  const base = type.group ? `/apis/${type.group}/${type.version}` : `/api/${type.version}`;
  const ns = type.namespaced && (namespace !== undefined || name !== undefined) ? `/namespaces/${encodeURIComponent(namespace || 'default')}` : '';
  return `${base}${ns}/${type.resource}${name !== undefined ? `/${encodeURIComponent(name)}` : ''}${subresource ? `/${subresource}` : ''}`;
}

export const apiVersionOf = (type: ResourceType) => groupVersion(type);

export function queryString(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}
