// What the API server knows about one resource: its REST names, scope, subresources and the
// per-kind behaviour (defaults, validation, field selectors, table columns).
import type { FieldError } from './fieldErrors.ts';

export type Obj = { [key: string]: any };

export interface TableColumn {
  name: string;
  type: 'string' | 'integer' | 'date' | 'number';
  format?: string;
  description: string;
  /** 0: always shown; 1: only with `-o wide`. */
  priority: number;
}

export interface ResourceType {
  group: string;
  version: string;
  /** Plural REST name, e.g. `pods`. */
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  categories?: string[];
  /** Subresources served besides the main resource. */
  subresources: ('status' | 'binding' | 'finalize' | 'log' | 'exec' | 'scale')[];
  /**
   * Upstream's SetDefaults_* for the kind, which decoding applies to every create and update
   * body (so an update that replaces a pod template gets the same defaults as a create).
   * Idempotent; mutates its argument; tolerates malformed input (validation reports it).
   */
  defaults?(object: Obj): void;
  /** Sets server-owned fields on create (e.g. status.phase), after `defaults`; mutates its argument. */
  prepareForCreate?(object: Obj): void;
  /** Field errors for a new object (metadata is validated separately). */
  validate?(object: Obj): FieldError[];
  /** Extra errors for an update, given the stored object. */
  validateUpdate?(object: Obj, old: Obj): FieldError[];
  /** Field selector fields beyond metadata.name and metadata.namespace. */
  fields?: Record<string, (object: Obj) => string | undefined>;
  /** Validates a metadata.name; returns messages (empty when valid). */
  nameMessages?(name: string): string[];
  columns: TableColumn[];
  /** The cells after the name, one per column after the first. */
  cells(object: Obj): unknown[];
}

export const groupVersion = (t: Pick<ResourceType, 'group' | 'version'>) => (t.group ? `${t.group}/${t.version}` : t.version);
