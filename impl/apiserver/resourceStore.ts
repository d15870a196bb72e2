// The generic registry: create/get/list/update/delete of any ResourceType on a Store, with
// server-owned fields, validation, preconditions, finalizers and namespace admission.
// Every failure is an ApiError; stored data changes only on success.
import type { Store, StoreRecord } from '../store/index.ts';
import { isStoreError } from '../store/index.ts';
import type { Obj, ResourceType } from './resourceType.ts';
import { namespaces } from './kinds/namespaces.ts';
import { pods } from './kinds/pods.ts';
import { admitRuntimeClass } from './runtimeClassAdmission.ts';
import { carryOver, generateName, REAL_ENV, served, stampNew, type ServerEnv } from './objectMeta.ts';
import { validateMeta, validateMetaUpdate } from './validateMeta.ts';
import { ApiError, alreadyExists, badRequest, conflict, expired, forbidden, invalid, notFound, timeout } from './status.ts';
import type { Predicate } from './selectors.ts';
import { dryRunStore } from './dryRun.ts';

export const objectKey = (type: ResourceType, namespace: string | undefined, name: string) =>
  type.namespaced ? `/${type.resource}/${namespace}/${name}` : `/${type.resource}/${name}`;

export const collectionKey = (type: ResourceType, namespace: string | undefined) =>
  type.namespaced && namespace ? `/${type.resource}/${namespace}/` : `/${type.resource}/`;

/** Namespaces that may never be deleted. */
const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public'];

export interface ListPage {
  items: Obj[];
  revision: number;
  /** The key to continue from, when the page was cut by the limit. */
  nextKey?: string;
}

export interface Preconditions {
  uid?: string;
  resourceVersion?: string;
}

export interface ResourceStoreHooks {
  /** Sets server-allocated fields on a new object (a Service's cluster IP); with `dryRun` it must commit no allocation. */
  beforeCreate?: (type: ResourceType, object: Obj, dryRun: boolean) => void;
  /** Time and identifiers (default: wall clock and crypto). */
  env?: ServerEnv;
}

export class ResourceStore {
  readonly env: ServerEnv;
  /** Ends each open watch stream (as when the server goes away); see endWatches. */
  readonly openWatches = new Set<() => void>();

  /** `dryRun`: `store` is a dryRunStore view, so writes are checked and answered but never applied. */
  constructor(readonly store: Store, private readonly hooks: ResourceStoreHooks = {}, readonly dryRun = false) {
    this.env = hooks.env ?? REAL_ENV;
  }

  /** This registry for `dryRun=All` requests: every check, default and hook runs; nothing is written. */
  asDryRun(): ResourceStore {
    return this.dryRun ? this : new ResourceStore(dryRunStore(this.store), this.hooks, true);
  }

  /** Ends every open watch stream, as an API server restart does; clients watch again. Returns how many ended. */
  endWatches(): number {
    const ends = [...this.openWatches];
    for (const end of ends) end();
    return ends.length;
  }

  async get(type: ResourceType, namespace: string | undefined, name: string): Promise<Obj> {
    return served(await this.record(type, namespace, name));
  }

  async list(type: ResourceType, namespace: string | undefined, match: Predicate, page: { limit?: number; startKey?: string; revision?: number } = {}): Promise<ListPage> {
    const result = await storeCall(() =>
      this.store.list(collectionKey(type, namespace), { ...page, filter: (value) => match(value as Obj) }),
    );
    return { items: result.items.map(served), revision: result.revision, nextKey: result.nextKey };
  }

  async create(type: ResourceType, namespace: string | undefined, body: Obj): Promise<Obj> {
    const object = structuredClone(body);
    const meta = object.metadata;
    const requestedName = String(meta.name ?? '');
    if (!meta.name && meta.generateName) meta.name = generateName(String(meta.generateName), this.env);
    if (type.namespaced) meta.namespace = namespace;
    else delete meta.namespace;
    if (type.namespaced) await this.admitNamespace(type, namespace!, meta.name ?? '');
    const validateAdmission = type === pods ? await admitRuntimeClass(this, object, requestedName) : undefined;
    stampNew(object, this.env);
    type.defaults?.(object);
    type.prepareForCreate?.(object);
    this.validate(type, object);
    validateAdmission?.();
    this.hooks.beforeCreate?.(type, object, this.dryRun);
    try {
      return served(await this.store.create(objectKey(type, namespace, meta.name), object));
    } catch (error) {
      if (isStoreError(error, 'AlreadyExists')) throw alreadyExists(type, meta.name);
      throw translate(error);
    }
  }

  /**
   * Replaces an object through `change`, which gets the current object and returns the new one.
   * A resourceVersion in the result must match the current one (Conflict otherwise); without one,
   * lost races are retried. `subresource` `status` changes only status; `finalize` only spec.finalizers.
   */
  async update(type: ResourceType, namespace: string | undefined, name: string, change: (current: Obj) => Obj, subresource?: string): Promise<Obj> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const record = await this.record(type, namespace, name);
      const current = served(record);
      const proposed = change(current);
      const wanted = proposed.metadata?.resourceVersion;
      if (wanted !== undefined && wanted !== '' && String(wanted) !== String(record.revision)) throw conflict(type, name);
      const next = this.merge(type, current, proposed, subresource);
      type.defaults?.(next);
      if (next.metadata.name !== name) throw badRequest(`the name of the object (${next.metadata.name}) does not match the name on the URL (${name})`);
      carryOver(next, current);
      if (type.namespaced) next.metadata.namespace = namespace;
      this.validate(type, next, current);
      try {
        if (next.metadata.deletionTimestamp && !hasFinalizers(type, next)) {
          const deleted = await this.store.delete(objectKey(type, namespace, name), record.revision);
          return served({ value: next, revision: deleted.revision });
        }
        return served(await this.store.update(objectKey(type, namespace, name), next, record.revision));
      } catch (error) {
        if (!isStoreError(error, 'Conflict')) throw translate(error, type, name);
        if (wanted) throw conflict(type, name);
      }
    }
    throw timeout(`too many conflicting updates on ${type.resource} "${name}"`);
  }

  /** Deletes now, or marks deletion when finalizers remain (namespaces: phase Terminating). */
  async delete(type: ResourceType, namespace: string | undefined, name: string, pre: Preconditions = {}): Promise<Obj> {
    if (type === namespaces && IMMORTAL_NAMESPACES.includes(name)) throw forbidden(type, name, 'this namespace may not be deleted');
    for (let attempt = 0; attempt < 100; attempt++) {
      const record = await this.record(type, namespace, name);
      const current = served(record);
      if (pre.uid && pre.uid !== current.metadata.uid)
        throw conflict(type, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid}`);
      if (pre.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion)
        throw conflict(type, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`);
      const key = objectKey(type, namespace, name);
      try {
        if (!hasFinalizers(type, current)) return served(await this.store.delete(key, record.revision));
        if (current.metadata.deletionTimestamp) return current;
        const marked = structuredClone(record.value) as Obj;
        marked.metadata.deletionTimestamp = this.env.now();
        marked.metadata.deletionGracePeriodSeconds = 0;
        if (type === namespaces) marked.status = { ...marked.status, phase: 'Terminating' };
        return served(await this.store.update(key, marked, record.revision));
      } catch (error) {
        if (!isStoreError(error, 'Conflict')) throw translate(error, type, name);
      }
    }
    throw timeout(`too many conflicting updates on ${type.resource} "${name}"`);
  }

  async record(type: ResourceType, namespace: string | undefined, name: string): Promise<StoreRecord> {
    const record = await storeCall(() => this.store.get(objectKey(type, namespace, name)));
    if (!record) throw notFound(type, name);
    return record;
  }

  /** NamespaceLifecycle admission: the namespace must exist and not be terminating. */
  private async admitNamespace(type: ResourceType, namespace: string, name: string): Promise<void> {
    const record = await storeCall(() => this.store.get(objectKey(namespaces, undefined, namespace)));
    if (!record) throw notFound(namespaces, namespace);
    const ns = record.value as Obj;
    if (ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating')
      throw forbidden(type, name, `unable to create new content in namespace ${namespace} because it is being terminated`, [
        { reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' },
      ]);
  }

  /** The object to store: the whole proposal, or only the part a subresource may change. */
  private merge(type: ResourceType, current: Obj, proposed: Obj, subresource?: string): Obj {
    if (subresource === 'status') return { ...structuredClone(current), status: structuredClone(proposed.status) };
    if (subresource === 'finalize') return { ...structuredClone(current), spec: { ...current.spec, finalizers: structuredClone(proposed.spec?.finalizers ?? []) } };
    const next = structuredClone(proposed);
    delete next.apiVersion;
    delete next.kind;
    if (type.subresources.includes('status')) {
      if (current.status === undefined) delete next.status;
      else next.status = structuredClone(current.status);
    }
    if (type === namespaces) next.spec = structuredClone(current.spec);
    return next;
  }

  private validate(type: ResourceType, object: Obj, old?: Obj): void {
    const errors = [...validateMeta(type, object), ...(type.validate?.(object) ?? []), ...(old ? validateMetaUpdate(object, old) : []), ...(old && type.validateUpdate ? type.validateUpdate(object, old) : [])];
    if (errors.length) throw invalid(type.kind, type.group, String(object.metadata.name ?? ''), errors);
  }
}

function hasFinalizers(type: ResourceType, object: Obj): boolean {
  return (object.metadata.finalizers?.length ?? 0) > 0 || (type === namespaces && (object.spec?.finalizers?.length ?? 0) > 0);
}

async function storeCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw translate(error);
  }
}

/** A failure as the Status a client gets; anything unexpected becomes 500 InternalError. */
export function translate(error: unknown, type?: ResourceType, name = ''): ApiError {
  if (error instanceof ApiError) return error;
  if (isStoreError(error, 'Gone')) return expired(error.message);
  if (isStoreError(error, 'NotFound') && type) return notFound(type, name);
  if (isStoreError(error, 'Conflict') && type) return conflict(type, name);
  return new ApiError(500, 'InternalError', `Internal error occurred: ${error instanceof Error ? error.message : String(error)}`);
}
