// The model of the namespace model-based test, and the real side it is compared with.
// Objects are ConfigMaps; every one carries the label `kconform-run=<run>` so that the lists and
// watches of the test see only its own objects, even on a shared cluster.
import { randomBytes } from 'node:crypto';
import { DriverError, type Driver } from '../../../harness/contract/driver.ts';
import type { KubeObject } from '../../../harness/contract/methods.ts';
import { Mismatch } from '../../support/expect.ts';

export const RUN_LABEL = 'kconform-run';

export interface ModelObject {
  labels: Record<string, string>;
  /** Every resourceVersion the object had, oldest first; the last is current. */
  versions: string[];
}

export interface HistoryEntry {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  name: string;
  /** The event's resourceVersion when the write's answer told it (create, update); deletions' are unknown. */
  rv?: string;
}

export interface ModelNamespace {
  state: 'Active' | 'Deleted';
  /** The namespace's own resourceVersion: a point before every event in it. */
  createdAt: string;
  objects: Map<string, ModelObject>;
  history: HistoryEntry[];
}

export class Model {
  readonly namespaces = new Map<string, ModelNamespace>();

  active(ns: string): ModelNamespace | undefined {
    const n = this.namespaces.get(ns);
    return n?.state === 'Active' ? n : undefined;
  }
}

/** The implementation side: the driver and this run's real names. */
export class Real {
  readonly run = randomBytes(4).toString('hex');
  private readonly created = new Set<string>();

  constructor(readonly driver: Driver) {}

  /** The real name of model namespace `ns` (unique to the run). */
  ns(ns: string): string {
    return `kconform-${this.run}-${ns}`;
  }

  /** Text from the implementation with real namespace names written back as model names. */
  unmap(text: string): string {
    return text.split(`kconform-${this.run}-`).join('');
  }

  noteNamespace(ns: string): void {
    this.created.add(this.ns(ns));
  }

  configMap(ns: string, name: string, labels: Record<string, string>, resourceVersion?: string): KubeObject {
    return {
      apiVersion: 'v1', kind: 'ConfigMap',
      metadata: { name, namespace: this.ns(ns), labels: { ...labels, [RUN_LABEL]: this.run }, ...(resourceVersion ? { resourceVersion } : {}) },
      data: {},
    };
  }

  /** The labels the model knows about (the run label removed). */
  labelsOf(o: KubeObject): Record<string, string> {
    const { [RUN_LABEL]: _, ...rest } = o.metadata.labels ?? {};
    return rest;
  }

  selector(text: string): string {
    return [`${RUN_LABEL}=${this.run}`, text].filter(Boolean).join(',');
  }

  /** Deletes the run's namespaces; errors are ignored. */
  async cleanup(): Promise<void> {
    await Promise.all([...this.created].map((name) => this.driver.call('objects.delete', { kind: 'Namespace', name }).catch(() => undefined)));
  }
}

/** The call's error, which must be one of `messages` (model names), or a Mismatch. */
export async function expectFailure(real: Real, what: string, call: Promise<unknown>, messages: string[]): Promise<DriverError> {
  let outcome: unknown;
  try {
    outcome = await call;
  } catch (e) {
    if (!(e instanceof DriverError) || e.kind !== 'answer') throw e;
    const message = real.unmap(e.message);
    if (!messages.includes(message)) throw new Mismatch(`${what}: wrong error`, messages.length === 1 ? messages[0] : messages, `${e.code}: ${message}`);
    return e;
  }
  throw new Mismatch(`${what}: expected a failure`, messages, outcome);
}

export const CONFLICT = (name: string) =>
  `Operation cannot be fulfilled on configmaps "${name}": the object has been modified; please apply your changes to the latest version and try again`;
export const NOT_FOUND = (name: string) => `configmaps "${name}" not found`;
export const ALREADY_EXISTS = (name: string) => `configmaps "${name}" already exists`;
export const NAMESPACE_NOT_FOUND = (ns: string) => `namespaces "${ns}" not found`;
export const TERMINATING = (name: string, ns: string) => `configmaps "${name}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`;

/** A command's `-l` flag, as kubectl writes it. */
export const labelFlag = (labels: Record<string, string>) => {
  const text = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');
  return text ? ` -l ${text}` : '';
};
