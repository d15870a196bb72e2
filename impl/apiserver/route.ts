// Request paths → what they address. Pure; never throws.
import { resourceFor } from './registry.ts';
import type { ResourceType } from './resourceType.ts';

export interface ResourceRoute {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
}

const SEGMENT = /^[^/]+$/;

/** The resource a path names, or undefined when it names none (unknown group, kind or shape). */
export function resourceRoute(pathname: string): ResourceRoute | undefined {
  const parts = pathname.split('/').filter((p, i) => i > 0 || p !== '');
  if (parts[parts.length - 1] === '') parts.pop();
  let group: string;
  let rest: string[];
  if (parts[0] === 'api' && parts[1]) [group, rest] = ['', parts.slice(1)];
  else if (parts[0] === 'apis' && parts[1] && parts[2]) [group, rest] = [parts[1], parts.slice(2)];
  else return undefined;
  let segments: string[];
  try {
    segments = rest.map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
  if (!segments.every((s) => SEGMENT.test(s))) return undefined;
  const [version, ...tail] = segments;
  let namespace: string | undefined;
  let path = tail;
  if (tail[0] === 'namespaces' && tail.length >= 3) {
    const inner = resourceFor(group, version, tail[2]);
    if (inner?.namespaced) [namespace, path] = [tail[1], tail.slice(2)];
  }
  const type = path[0] ? resourceFor(group, version, path[0]) : undefined;
  if (!type || path.length > 3) return undefined;
  if (type.namespaced && namespace === undefined && path.length > 1) return undefined;
  const subresource = path[2];
  if (subresource !== undefined && !(type.subresources as string[]).includes(subresource)) return undefined;
  return { type, namespace, name: path[1], subresource };
}
