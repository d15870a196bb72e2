// Request bodies → JSON values: size and media type checks, JSON or YAML parsing, nesting depth,
// and the object shape checks upstream's typed decoding would make. Throws ApiErrors only.
import { parse as parseYaml } from 'yaml';
import type { Obj, ResourceType } from './resourceType.ts';
import { groupVersion } from './resourceType.ts';
import { badRequest, tooLarge, unsupportedMediaType } from './status.ts';
import { decodeProtobuf, PROTOBUF_MEDIA_TYPE } from './protobuf.ts';

/** The largest body accepted, like etcd's default request limit (1.5 MiB). */
export const MAX_BODY_BYTES = 1.5 * 1024 * 1024;
const MAX_DEPTH = 100;

export type PatchKind = 'merge' | 'strategic' | 'json';
const PATCH_TYPES: Record<string, PatchKind> = {
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/json-patch+json': 'json',
};

const mediaType = (contentType: string | undefined) => (contentType ?? '').split(';')[0].trim().toLowerCase();

/** Parses a POST/PUT body (JSON, YAML, or protobuf for the kinds protobuf.ts decodes) or, with `patch`, a PATCH body of a supported patch type. */
export function decodeBody(body: Buffer | undefined, contentType: string | undefined, patch = false): { value: unknown; patchKind?: PatchKind } {
  if (body && body.length > MAX_BODY_BYTES) throw tooLarge(MAX_BODY_BYTES);
  const media = mediaType(contentType);
  let patchKind: PatchKind | undefined;
  let yaml = false;
  if (patch) {
    patchKind = PATCH_TYPES[media];
    if (!patchKind) throw unsupportedMediaType(media);
  } else if (media === PROTOBUF_MEDIA_TYPE) return { value: decodeProtobuf(body ?? Buffer.alloc(0)) };
  else if (media === 'application/yaml' || media === 'application/x-yaml' || media === 'text/yaml') yaml = true;
  else if (media !== 'application/json' && media !== '' && media !== '*/*') throw unsupportedMediaType(media);
  const text = body?.toString('utf8') ?? '';
  if (text.trim() === '') throw badRequest('the request body is empty');
  let value: unknown;
  try {
    value = yaml ? parseYaml(text, { maxAliasCount: 100 }) : JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw badRequest(yaml ? `error converting YAML to JSON: ${message}` : `couldn't get version/kind; json parse error: ${message}`);
  }
  if (depth(value) > MAX_DEPTH) throw badRequest(`the request body is nested more than ${MAX_DEPTH} levels deep`);
  return { value, patchKind };
}

/** The nesting depth of a JSON value, computed without recursion. */
function depth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d > max) max = d;
    if (max > MAX_DEPTH) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

const jsType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v);

const STRING_FIELDS = ['name', 'generateName', 'namespace', 'uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp'];

/** Checks a decoded body is an object of this type with well-typed metadata; returns it. */
export function asObject(type: Pick<ResourceType, 'group' | 'version' | 'kind'>, value: unknown, expectedKind = type.kind, expectedVersion = groupVersion(type)): Obj {
  const fail = (found: string, field: string, goType: string) =>
    badRequest(`${expectedKind} in version "${type.version}" cannot be handled as a ${expectedKind}: json: cannot unmarshal ${found} into Go struct field ${field} of type ${goType}`);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw badRequest(`couldn't get version/kind; json parse error: json: cannot unmarshal ${jsType(value)} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`);
  const object = value as Obj;
  if (object.kind !== undefined && object.kind !== expectedKind)
    throw badRequest(`the object provided is unrecognized (must be of type ${expectedKind}): ${String(object.kind)} in version "${String(object.apiVersion ?? '')}"`);
  if (object.apiVersion !== undefined && object.apiVersion !== expectedVersion)
    throw badRequest(`the API version in the data (${String(object.apiVersion)}) does not match the expected API version (${expectedVersion})`);
  const meta = object.metadata ?? {};
  if (typeof meta !== 'object' || Array.isArray(meta)) throw fail(jsType(meta), `${expectedKind}.metadata`, 'v1.ObjectMeta');
  for (const field of STRING_FIELDS) if (meta[field] !== undefined && meta[field] !== null && typeof meta[field] !== 'string') throw fail(jsType(meta[field]), `ObjectMeta.metadata.${field}`, 'string');
  for (const field of ['labels', 'annotations']) {
    const map = meta[field];
    if (map === undefined || map === null) continue;
    if (typeof map !== 'object' || Array.isArray(map)) throw fail(jsType(map), `ObjectMeta.metadata.${field}`, 'map[string]string');
    for (const v of Object.values(map)) if (typeof v !== 'string') throw fail(jsType(v), `ObjectMeta.metadata.${field}`, 'string');
  }
  if (meta.finalizers != null && (!Array.isArray(meta.finalizers) || meta.finalizers.some((f: unknown) => typeof f !== 'string')))
    throw fail(jsType(meta.finalizers), 'ObjectMeta.metadata.finalizers', '[]string');
  if (meta.generation != null && !Number.isInteger(meta.generation)) throw fail(jsType(meta.generation), 'ObjectMeta.metadata.generation', 'int64');
  for (const field of ['spec', 'status']) if (object[field] != null && (typeof object[field] !== 'object' || Array.isArray(object[field]))) throw fail(jsType(object[field]), `${expectedKind}.${field}`, `v1.${expectedKind}${field === 'spec' ? 'Spec' : 'Status'}`);
  const clean: Obj = { ...object, metadata: { ...meta } };
  for (const [k, v] of Object.entries(clean.metadata)) if (v === null) delete clean.metadata[k];
  return clean;
}
