// Discovery documents: /version, /api, /apis, resource lists per group-version, and a minimal
// OpenAPI v3 index whose operations declare the fieldValidation parameter (kubectl then leaves
// validation to the server instead of downloading schemas).
import { GROUP_VERSIONS, RESOURCES } from './registry.ts';
import type { ResourceType } from './resourceType.ts';
import { SCALE } from './scale.ts';
import { REVIEWS } from './accessReviews.ts';

export const VERSION = {
  major: '1', minor: '32', gitVersion: 'v1.32.0-kconform', gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean', buildDate: '2025-01-01T00:00:00Z', goVersion: 'go1.23', compiler: 'gc', platform: 'linux/amd64',
};

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const SUBRESOURCE_VERBS: Record<string, string[]> = { status: ['get', 'patch', 'update'], binding: ['create'], finalize: ['update'], log: ['get'], exec: ['create', 'get'], scale: ['get', 'patch', 'update'] };
/** The kind a subresource serves when it is not the parent's (scale: in another group-version too). */
const SUBRESOURCE_KINDS: Record<string, { kind: string; group?: string; version?: string }> = {
  binding: { kind: 'Binding' }, log: { kind: 'Pod' }, exec: { kind: 'PodExecOptions' }, scale: SCALE,
};

const gvString = (group: string, version: string) => (group ? `${group}/${version}` : version);

export function coreVersions() {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] };
}

function groupDoc(group: string) {
  const versions = GROUP_VERSIONS.filter((gv) => gv.group === group).map((gv) => ({ groupVersion: gvString(group, gv.version), version: gv.version }));
  return { name: group, versions, preferredVersion: versions[0] };
}

export const apiGroups = () => ({ kind: 'APIGroupList', apiVersion: 'v1', groups: [...new Set(GROUP_VERSIONS.map((gv) => gv.group).filter(Boolean))].map(groupDoc) });

export const apiGroup = (group: string) => (GROUP_VERSIONS.some((gv) => gv.group === group && group) ? { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(group) } : undefined);

export function resourceList(group: string, version: string) {
  const types = RESOURCES.filter((r) => r.group === group && r.version === version);
  const reviews = REVIEWS.filter((r) => r.group === group && r.version === version)
    .map((r) => ({ name: r.resource, singularName: r.singular, namespaced: false, kind: r.kind, verbs: ['create'] }));
  if (types.length === 0 && reviews.length === 0) return undefined;
  const entry = (r: ResourceType) => ({
    name: r.resource, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: VERBS,
    ...(r.shortNames.length ? { shortNames: r.shortNames } : {}), ...(r.categories ? { categories: r.categories } : {}),
  });
  const subresources = (r: ResourceType) =>
    r.subresources.map((s) => ({ name: `${r.resource}/${s}`, singularName: '', namespaced: r.namespaced, ...(SUBRESOURCE_KINDS[s] ?? { kind: r.kind }), verbs: SUBRESOURCE_VERBS[s] }));
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gvString(group, version), resources: [...types.flatMap((r) => [entry(r), ...subresources(r)]), ...reviews] };
}

const gvPath = (group: string, version: string) => (group ? `apis/${group}/${version}` : `api/${version}`);

export function openApiV3Index() {
  const paths = Object.fromEntries(GROUP_VERSIONS.map(({ group, version }) => [gvPath(group, version), { serverRelativeURL: `/openapi/v3/${gvPath(group, version)}?hash=kconform` }]));
  return { paths };
}

/** A skeletal OpenAPI v3 document for one group-version: paths and parameters only, no schemas. */
export function openApiV3(path: string) {
  const gv = GROUP_VERSIONS.find(({ group, version }) => gvPath(group, version) === path);
  if (!gv) return undefined;
  const fieldValidation = { name: 'fieldValidation', in: 'query', schema: { type: 'string' } };
  const paths: Record<string, unknown> = {};
  for (const r of RESOURCES.filter((t) => t.group === gv.group && t.version === gv.version)) {
    const op = { parameters: [fieldValidation], responses: {}, 'x-kubernetes-group-version-kind': { group: r.group, version: r.version, kind: r.kind } };
    const base = `/${gvPath(gv.group, gv.version)}${r.namespaced ? '/namespaces/{namespace}' : ''}/${r.resource}`;
    paths[base] = { post: op, get: { responses: {} } };
    paths[`${base}/{name}`] = { put: op, patch: op, get: { responses: {} }, delete: { responses: {} } };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: VERSION.gitVersion }, paths, components: { schemas: {} } };
}
