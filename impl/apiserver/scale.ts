// The scale subresource (`<workload>/scale`, an autoscaling/v1 Scale) of the kinds that declare
// it: GET reads spec.replicas, status.replicas and the selector as a string; PUT and PATCH change
// only spec.replicas of the parent. Errors follow upstream's ScaleREST: a missing parent is
// `<resource>.<group> "x" not found` on GET and `<resource>/scale.<group> "x" not found` on update,
// a stale metadata.resourceVersion is the parent's Conflict, a foreign metadata.uid is a
// `<resource>/scale` Conflict, a negative spec.replicas is `Scale.autoscaling "x" is invalid`.
import type { Obj, ResourceType } from './resourceType.ts';
import type { ResourceStore } from './resourceStore.ts';
import { asObject, type PatchKind } from './decodeBody.ts';
import { applyPatch } from './patch.ts';
import { invalid as invalidField, jsonValue, labelSelectorAsSelector } from './fieldErrors.ts';
import { ApiError, badRequest, conflict, invalid, notFound } from './status.ts';
import { isObject } from './kinds/podSpec.ts';

export const SCALE = { group: 'autoscaling', version: 'v1', kind: 'Scale' } as const;
const SCALE_VERSION = `${SCALE.group}/${SCALE.version}`;

/** The parent's selector as labels.Selector.String() prints it (a ReplicationController's is a plain map). */
function selectorString(type: ResourceType, object: Obj): string {
  const selector = object.spec?.selector;
  const asLabelSelector = type.group === '' ? { matchLabels: isObject(selector) ? selector : {} } : selector;
  const result = labelSelectorAsSelector(asLabelSelector);
  if (!result.ok) throw badRequest(result.errors.map((e) => `${e.field}: ${e.message}`).join(', '));
  return result.selector === 'nothing' ? '' : result.selector.toString();
}

/** The Scale of a stored workload (scaleFromDeployment and its siblings). */
export function scaleOf(type: ResourceType, object: Obj): Obj {
  const meta = object.metadata;
  return {
    kind: SCALE.kind,
    apiVersion: SCALE_VERSION,
    metadata: { name: meta.name, namespace: meta.namespace, uid: meta.uid, resourceVersion: meta.resourceVersion, creationTimestamp: meta.creationTimestamp },
    spec: { replicas: object.spec?.replicas ?? 0 },
    status: { replicas: object.status?.replicas ?? 0, selector: selectorString(type, object) },
  };
}

export type ScaleRequest =
  | { method: 'GET' }
  | { method: 'PUT'; body: unknown }
  | { method: 'PATCH'; body: unknown; patchKind: PatchKind };

/** Serves GET, PUT or PATCH on `<type>/<name>/scale`; answers with the (new) Scale. */
export async function serveScale(rs: ResourceStore, type: ResourceType, namespace: string | undefined, name: string, request: ScaleRequest): Promise<Obj> {
  if (request.method === 'GET') return scaleOf(type, await rs.get(type, namespace, name));
  const scaleName = { resource: `${type.resource}/scale`, group: type.group };
  const updated = await rs.update(type, namespace, name, (current) => {
    const old = scaleOf(type, current);
    const scale = request.method === 'PUT' ? decodeScale(type, request.body) : patchScale(type, old, request.body, request.patchKind);
    if (scale.metadata.name !== name) throw badRequest(`the name of the object (${scale.metadata.name ?? ''}) does not match the name on the URL (${name})`);
    if (type.namespaced && scale.metadata.namespace && scale.metadata.namespace !== namespace)
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    const replicas = scale.spec?.replicas ?? 0;
    if (replicas < 0) throw invalid(SCALE.kind, SCALE.group, name, [invalidField('spec.replicas', jsonValue(replicas), 'must be greater than or equal to 0')]);
    if (scale.metadata.uid && scale.metadata.uid !== current.metadata.uid)
      throw conflict(scaleName, name, `Precondition failed: UID in precondition: ${scale.metadata.uid}, UID in object meta: ${current.metadata.uid}`);
    const metadata = { ...current.metadata };
    if (scale.metadata.resourceVersion) metadata.resourceVersion = scale.metadata.resourceVersion;
    else delete metadata.resourceVersion;
    return { ...current, metadata, spec: { ...current.spec, replicas } };
  }).catch((error: unknown) => {
    throw error instanceof ApiError && error.code === 404 ? notFound(scaleName, name) : error;
  });
  return scaleOf(type, updated);
}

/** A PUT body as a Scale: kind, apiVersion and metadata checked; spec.replicas an int32 (absent: 0). */
function decodeScale(type: ResourceType, body: unknown): Obj {
  const scale = asObject(type, body, SCALE.kind, SCALE_VERSION);
  const replicas = scale.spec?.replicas;
  if (replicas !== undefined && replicas !== null && !(Number.isInteger(replicas) && Math.abs(replicas) < 2 ** 31)) {
    const found = typeof replicas === 'number' ? `number ${replicas}` : Array.isArray(replicas) ? 'array' : typeof replicas;
    throw badRequest(`Scale in version "${SCALE.version}" cannot be handled as a Scale: json: cannot unmarshal ${found} into Go struct field ScaleSpec.spec.replicas of type int32`);
  }
  return scale;
}

/** The patched Scale; a resourceVersion the patch left as it was does not make the update conditional. */
function patchScale(type: ResourceType, old: Obj, patch: unknown, kind: PatchKind): Obj {
  const scale = decodeScale(type, applyPatch(kind, old, patch));
  if (scale.metadata.resourceVersion === old.metadata.resourceVersion) delete scale.metadata.resourceVersion;
  return scale;
}
