// Message tables for k8s.io/apimachinery: the runtime.Unknown envelope and meta/v1 (ObjectMeta,
// LabelSelector, DeleteOptions), with field numbers from upstream's generated.proto.
import { ALWAYS, field, message, POINTER, REPEATED, stringMap, strings, type Field, type Message } from './wire.ts';

export const TYPE_META = message('TypeMeta', { 1: field('apiVersion', 'string'), 2: field('kind', 'string') });
export const UNKNOWN = message('Unknown', { 1: field('typeMeta', TYPE_META), 2: field('raw', 'bytes'), 3: field('contentEncoding', 'string'), 4: field('contentType', 'string') });

const OWNER_REFERENCE = message('OwnerReference', {
  1: field('kind', 'string', ALWAYS), 3: field('name', 'string', ALWAYS), 4: field('uid', 'string', ALWAYS), 5: field('apiVersion', 'string', ALWAYS),
  6: field('controller', 'bool', POINTER), 7: field('blockOwnerDeletion', 'bool', POINTER),
});

export const OBJECT_META = message('ObjectMeta', {
  1: field('name', 'string'), 2: field('generateName', 'string'), 3: field('namespace', 'string'), 4: field('selfLink', 'string'), 5: field('uid', 'string'),
  6: field('resourceVersion', 'string'), 7: field('generation', 'int'), 8: field('creationTimestamp', 'time', ALWAYS), 9: field('deletionTimestamp', 'time'),
  10: field('deletionGracePeriodSeconds', 'int', POINTER), 11: stringMap('labels'), 12: stringMap('annotations'),
  13: field('ownerReferences', OWNER_REFERENCE, REPEATED), 14: strings('finalizers'),
});

const LABEL_SELECTOR_REQUIREMENT = message('LabelSelectorRequirement', { 1: field('key', 'string', ALWAYS), 2: field('operator', 'string', ALWAYS), 3: strings('values') });
export const LABEL_SELECTOR = message('LabelSelector', { 1: stringMap('matchLabels'), 2: field('matchExpressions', LABEL_SELECTOR_REQUIREMENT, REPEATED) });

const PRECONDITIONS = message('Preconditions', { 1: field('uid', 'string', POINTER), 2: field('resourceVersion', 'string', POINTER) });
export const DELETE_OPTIONS = message('DeleteOptions', {
  1: field('gracePeriodSeconds', 'int', POINTER), 2: field('preconditions', PRECONDITIONS), 3: field('orphanDependents', 'bool', POINTER),
  4: field('propagationPolicy', 'string', POINTER), 5: strings('dryRun'), 6: field('ignoreStoreReadErrorWithClusterBreakingPotential', 'bool', POINTER),
});

/** A status: read, then dropped (the server sets status itself; clients send it with zero values). */
export const STATUS = field('status', 'bytes', { ignored: true });

/** A top-level kind: ObjectMeta at 1, then `more`. The message's name is the kind. */
export const object = (kind: string, more: Record<number, Field>): Message => message(kind, { 1: field('metadata', OBJECT_META, ALWAYS), ...more });
