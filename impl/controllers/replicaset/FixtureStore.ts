// An in-memory stand-in for the API server that controller tests apply actions to: it assigns
// names, uids, resourceVersions, creation timestamps and generations the way the API server
// does, and enforces resourceVersion preconditions. Test support; no component uses it.
import type { KubeObject } from '../../client/index.ts';
import type { Action } from '../actions.ts';
import { clone, deepEqual, timestamp } from './objects.ts';

export class ConflictError extends Error {}

export class FixtureStore {
  private objects: KubeObject[] = [];
  private serial = 0;

  constructor(initial: readonly KubeObject[] = [], public now = Date.UTC(2025, 0, 1)) {
    for (const o of initial) this.objects.push(clone(o));
  }

  all(kind?: string): KubeObject[] {
    return this.objects.filter((o) => !kind || o.kind === kind).map(clone);
  }

  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const o = this.find(kind, namespace, name);
    return o && clone(o);
  }

  /** Adds an object as a user would create it (name required unless generateName is set). */
  add(object: KubeObject): KubeObject {
    const o = clone(object);
    const meta = o.metadata;
    if (!meta.name) meta.name = `${meta.generateName ?? 'obj-'}${(++this.serial).toString(36).padStart(5, '0')}`;
    meta.uid ??= `uid-${++this.serial}`;
    meta.creationTimestamp ??= timestamp(this.now);
    meta.generation ??= 1;
    meta.resourceVersion = String(++this.serial);
    this.objects.push(o);
    return clone(o);
  }

  /** Applies actions in order; a failed precondition throws ConflictError after the earlier ones applied. */
  apply(actions: readonly Action[]): void {
    for (const a of actions) this.applyOne(a);
  }

  private applyOne(a: Action): void {
    if (a.verb === 'create') {
      if (a.object!.metadata.name && this.find(a.kind, a.namespace, a.object!.metadata.name)) throw new ConflictError(`${a.kind} ${a.object!.metadata.name} already exists`);
      this.add(a.object!);
      return;
    }
    const current = this.find(a.kind, a.namespace, String(a.name));
    if (!current) return; // NotFound: upstream controllers ignore it
    if (a.verb === 'delete') {
      const pre = a.preconditions ?? {};
      if ((pre.uid && pre.uid !== current.metadata.uid) || (pre.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion)) throw new ConflictError(`precondition failed on ${a.kind} ${a.name}`);
      if (current.metadata.finalizers?.length) current.metadata.deletionTimestamp ??= timestamp(this.now);
      else this.objects = this.objects.filter((o) => o !== current);
      return;
    }
    const proposed = a.verb === 'patch' ? mergePatch(clone(current), a.patch) : clone(a.object!);
    const rv = proposed.metadata?.resourceVersion;
    if (rv && rv !== current.metadata.resourceVersion) throw new ConflictError(`conflict on ${a.kind} ${a.name}: resourceVersion ${rv} is not ${current.metadata.resourceVersion}`);
    const statusOnly = a.verb === 'updateStatus' || a.subresource === 'status';
    const next: KubeObject = statusOnly ? { ...clone(current), status: clone(proposed.status) } : { ...proposed, status: a.verb === 'update' ? clone(current.status) : proposed.status };
    next.metadata = { ...next.metadata, uid: current.metadata.uid, creationTimestamp: current.metadata.creationTimestamp, resourceVersion: String(++this.serial) };
    if (!statusOnly && !deepEqual(current.spec, next.spec)) next.metadata.generation = (current.metadata.generation ?? 1) + 1;
    else next.metadata.generation = current.metadata.generation;
    if (next.metadata.deletionTimestamp && !next.metadata.finalizers?.length) this.objects = this.objects.filter((o) => o !== current);
    else this.objects[this.objects.indexOf(current)] = next;
  }

  private find(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.objects.find((o) => o.kind === kind && o.metadata.name === name && (o.metadata.namespace ?? '') === (namespace ?? ''));
  }
}

function mergePatch(target: any, patch: any): any {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return clone(patch);
  const out = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (v !== undefined) out[k] = mergePatch(out[k], v);
  }
  return out;
}
