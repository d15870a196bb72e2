// Server-owned object fields: resourceVersion from the store's revision, uid, timestamps,
// generated names and the TypeMeta of a resource.
import { randomBytes, randomUUID } from 'node:crypto';
import type { StoreRecord } from '../store/index.ts';
import type { Obj, ResourceType } from './resourceType.ts';
import { groupVersion } from './resourceType.ts';

/**
 * The stored value as served: metadata.resourceVersion set from the record's revision. Revision 0
 * (an object never stored: a dry-run create) serves without a resourceVersion.
 */
export function served(record: Pick<StoreRecord, 'value' | 'revision'>): Obj {
  const value = record.value as Obj;
  const { resourceVersion: _, ...metadata } = value.metadata ?? {};
  return { ...value, metadata: record.revision === 0 ? metadata : { ...metadata, resourceVersion: String(record.revision) } };
}

/** `apiVersion` and `kind` first, as upstream serializes them. */
export const withTypeMeta = (type: ResourceType, object: Obj): Obj => ({ apiVersion: groupVersion(type), kind: type.kind, ...object });

/** RFC 3339 at second precision, the way metav1.Time serializes. */
export const now = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * Where the server gets time and identifiers. The default is the wall clock and crypto; a
 * simulation passes a virtual clock and a seeded source so that runs replay exactly.
 */
export interface ServerEnv {
  /** The current time as metav1.Time (RFC 3339, seconds). */
  now(): string;
  uid(): string;
  /** `n` random bytes (for generated names). */
  randomBytes(n: number): Uint8Array;
}

export const REAL_ENV: ServerEnv = { now, uid: randomUUID, randomBytes };

/** A ServerEnv on the given clock and [0, 1) random source. */
export function simulatedEnv(clockNow: () => number, random: () => number): ServerEnv {
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
  const hex = (n: number) => [...bytes(n)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return {
    now: () => new Date(clockNow()).toISOString().replace(/\.\d+Z$/, 'Z'),
    uid: () => `${hex(4)}-${hex(2)}-4${hex(2).slice(1)}-${((random() * 4) | 8).toString(16)}${hex(2).slice(1)}-${hex(6)}`,
    randomBytes: bytes,
  };
}

const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** names.SimpleNameGenerator: the prefix (cut to leave room) plus 5 random characters. */
export function generateName(prefix: string, env: ServerEnv = REAL_ENV): string {
  const bytes = env.randomBytes(5);
  const suffix = [...bytes].map((b) => NAME_ALPHABET[b % NAME_ALPHABET.length]).join('');
  return prefix.slice(0, 63 - 5) + suffix;
}

/** Sets uid, creationTimestamp and generation on a new object; drops what clients may not set. */
export function stampNew(object: Obj, env: ServerEnv = REAL_ENV): void {
  const meta = object.metadata;
  meta.uid = env.uid();
  meta.creationTimestamp = env.now();
  meta.generation = 1;
  delete meta.resourceVersion;
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.selfLink;
}

/** Keeps the fields clients may not change on update and bumps generation when spec changed. */
export function carryOver(object: Obj, old: Obj): void {
  const meta = object.metadata;
  const oldMeta = old.metadata;
  meta.uid ||= oldMeta.uid;
  meta.creationTimestamp = oldMeta.creationTimestamp;
  meta.generation = oldMeta.generation;
  if (oldMeta.deletionTimestamp) meta.deletionTimestamp = oldMeta.deletionTimestamp;
  else delete meta.deletionTimestamp;
  if (oldMeta.deletionGracePeriodSeconds !== undefined) meta.deletionGracePeriodSeconds = oldMeta.deletionGracePeriodSeconds;
  else delete meta.deletionGracePeriodSeconds;
  delete meta.resourceVersion;
  if (JSON.stringify(object.spec) !== JSON.stringify(old.spec)) meta.generation = (Number(oldMeta.generation) || 0) + 1;
}
