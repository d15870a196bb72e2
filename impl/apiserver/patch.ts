// PATCH bodies: JSON merge patch (RFC 7386), strategic merge patch (the merge keys of the kinds
// served here and the $patch / $setElementOrder / $deleteFromPrimitiveList / $retainKeys
// directives) and JSON patch (RFC 6902). Pure: inputs are never mutated. Bad patches throw 400/422.
import { ApiError, badRequest } from './status.ts';
import type { PatchKind } from './decodeBody.ts';

type Json = any;
const isMap = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function mergePatch(target: Json, patch: Json): Json {
  if (!isMap(patch)) return structuredClone(patch);
  const out: Record<string, Json> = isMap(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** Lists merged element-wise, keyed by the field named here (upstream's patchMergeKey tags). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name', initContainers: 'name', ephemeralContainers: 'name', env: 'name', volumes: 'name',
  volumeMounts: 'mountPath', volumeDevices: 'devicePath', imagePullSecrets: 'name', hostAliases: 'ip',
  conditions: 'type', ownerReferences: 'uid', addresses: 'type', topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name', secrets: 'name',
};
/** Port lists: container ports merge on containerPort, service ports on port. */
const portKey = (items: Json[]) => (items.some((p) => isMap(p) && 'containerPort' in p) ? 'containerPort' : 'port');
/** Primitive lists merged as sets. */
const SET_LISTS = new Set(['finalizers']);

export function strategicMergePatch(target: Json, patch: Json): Json {
  if (!isMap(patch)) return structuredClone(patch);
  if (patch.$patch === 'replace') {
    const { $patch: _, ...rest } = patch;
    return structuredClone(rest);
  }
  if (patch.$patch === 'delete') return undefined;
  const out: Record<string, Json> = isMap(target) ? { ...target } : {};
  if (Array.isArray(patch.$retainKeys)) for (const k of Object.keys(out)) if (!patch.$retainKeys.includes(k)) delete out[k];
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys' || k.startsWith('$setElementOrder/') || k.startsWith('$deleteFromPrimitiveList/')) continue;
    if (v === null) delete out[k];
    else if (Array.isArray(v)) out[k] = mergeList(k, out[k], v);
    else if (isMap(v)) {
      const merged = strategicMergePatch(out[k], v);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    } else out[k] = v;
  }
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$deleteFromPrimitiveList/') && Array.isArray(v)) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(out[field])) out[field] = out[field].filter((x: Json) => !v.includes(x));
    }
    if (k.startsWith('$setElementOrder/') && Array.isArray(v)) {
      const field = k.slice('$setElementOrder/'.length);
      if (Array.isArray(out[field])) out[field] = reorder(field, out[field], v);
    }
  }
  return out;
}

function mergeList(field: string, current: Json, patch: Json[]): Json[] {
  const base: Json[] = Array.isArray(current) ? current : [];
  if (SET_LISTS.has(field)) return [...new Set([...base, ...patch])];
  const key = field === 'ports' ? portKey([...base, ...patch]) : MERGE_KEYS[field];
  if (!key || !patch.every(isMap)) return structuredClone(patch.filter((p) => !(isMap(p) && p.$patch)));
  if (patch.some((p) => p.$patch === 'replace')) return structuredClone(patch.filter((p) => p.$patch !== 'replace'));
  const out = [...base];
  for (const item of patch) {
    const at = out.findIndex((o) => isMap(o) && o[key] === item[key]);
    if (item.$patch === 'delete') {
      if (at >= 0) out.splice(at, 1);
    } else if (at >= 0) out[at] = strategicMergePatch(out[at], item);
    else out.push(strategicMergePatch({}, item));
  }
  return out;
}

function reorder(field: string, items: Json[], order: Json[]): Json[] {
  const key = field === 'ports' ? portKey(items) : MERGE_KEYS[field];
  const id = (x: Json) => (key && isMap(x) ? x[key] : x);
  const position = new Map(order.map((o, i) => [JSON.stringify(id(o)), i]));
  const rank = (x: Json) => position.get(JSON.stringify(id(x))) ?? Infinity;
  return [...items].sort((a, b) => rank(a) - rank(b));
}

/** RFC 6902. Failed `test` ops and bad paths answer 422 / 400 like upstream's json-patch errors. */
export function jsonPatch(target: Json, ops: Json): Json {
  if (!Array.isArray(ops)) throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = structuredClone(target);
  for (const op of ops) {
    if (!isMap(op) || typeof op.path !== 'string') throw badRequest('the server rejected our request due to an error in our request');
    const read = (path: string) => walk(doc, path, (parent, k) => (Array.isArray(parent) ? parent[Number(k)] : parent[k]));
    switch (op.op) {
      case 'add': doc = put(doc, op.path, structuredClone(op.value), true); break;
      case 'replace': read(op.path); doc = put(doc, op.path, structuredClone(op.value), false); break;
      case 'remove': read(op.path); doc = remove(doc, op.path); break;
      case 'test': if (JSON.stringify(read(op.path)) !== JSON.stringify(op.value)) throw new ApiError(422, 'Invalid', `the server rejected our request due to an error in our request`); break;
      case 'move': { const v = read(op.from); doc = put(remove(doc, op.from), op.path, v, true); break; }
      case 'copy': doc = put(doc, op.path, structuredClone(read(op.from)), true); break;
      default: throw badRequest(`Unexpected kind: ${String(op.op)}`);
    }
  }
  return doc;
}

const tokens = (path: string) => {
  if (typeof path !== 'string' || (path !== '' && !path.startsWith('/'))) throw badRequest(`invalid JSON pointer: ${String(path)}`);
  return path === '' ? [] : path.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
};

function walk(doc: Json, path: string, at: (parent: Json, key: string) => Json): Json {
  const ts = tokens(path);
  let node = doc;
  for (let i = 0; i < ts.length - 1; i++) {
    node = node?.[ts[i]];
    if (typeof node !== 'object' || node === null) throw badRequest(`jsonpatch: path ${path} not found`);
  }
  if (ts.length === 0) return doc;
  const last = ts[ts.length - 1];
  if (typeof node !== 'object' || node === null || !(last in node || (Array.isArray(node) && last === '-'))) throw badRequest(`jsonpatch: path ${path} not found`);
  return at(node, last);
}

function put(doc: Json, path: string, value: Json, insert: boolean): Json {
  if (tokens(path).length === 0) return value;
  const ts = tokens(path);
  const last = ts.pop()!;
  const parent = ts.reduce((n, t) => (typeof n?.[t] === 'object' && n[t] !== null ? n[t] : (() => { throw badRequest(`jsonpatch: path ${path} not found`); })()), doc);
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(i) || i < 0 || i > parent.length) throw badRequest(`jsonpatch: index out of bounds in ${path}`);
    parent.splice(i, insert ? 0 : 1, value);
  } else parent[last] = value;
  return doc;
}

function remove(doc: Json, path: string): Json {
  const ts = tokens(path);
  const last = ts.pop()!;
  const parent = ts.reduce((n, t) => n?.[t], doc);
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (isMap(parent)) delete parent[last];
  return doc;
}

/** Applies a patch of the given kind to `target`. */
export function applyPatch(kind: PatchKind, target: Json, patch: Json): Json {
  return kind === 'json' ? jsonPatch(target, patch) : kind === 'strategic' ? strategicMergePatch(target, patch) : mergePatch(target, patch);
}
