// Fixture builders for the workload controllers' tests: plain Kubernetes JSON with only the
// fields a case is about. Test support.
import type { KubeObject } from '../../client/index.ts';
import { timestamp } from './objects.ts';

export const T0 = Date.UTC(2025, 0, 1);
export const at = (seconds: number): string => timestamp(T0 + seconds * 1000);

export interface PodFixture {
  labels?: Record<string, string>;
  owner?: KubeObject | { uid: string; kind?: string; name?: string };
  node?: string;
  phase?: string;
  ready?: boolean;
  /** Seconds after T0 the Ready condition last changed. */
  readySince?: number;
  created?: number;
  restarts?: number;
  deleting?: boolean;
  annotations?: Record<string, string>;
  namespace?: string;
  tolerations?: readonly unknown[];
}

export function pod(name: string, f: PodFixture = {}): KubeObject {
  const owner = f.owner && ('metadata' in f.owner ? { uid: f.owner.metadata.uid, kind: f.owner.kind, name: f.owner.metadata.name } : f.owner);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: f.namespace ?? 'default',
      uid: `uid-${name}`,
      resourceVersion: '1',
      creationTimestamp: at(f.created ?? 0),
      labels: f.labels ?? { app: 'web' },
      ...(f.annotations && { annotations: f.annotations }),
      ...(owner && { ownerReferences: [{ apiVersion: 'apps/v1', kind: owner.kind ?? 'ReplicaSet', name: owner.name ?? 'other', uid: owner.uid, controller: true, blockOwnerDeletion: true }] }),
      ...(f.deleting && { deletionTimestamp: at(100), finalizers: ['test/hold'] }),
    },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...(f.node && { nodeName: f.node }), ...(f.tolerations && { tolerations: f.tolerations }) },
    status: {
      phase: f.phase ?? 'Running',
      conditions: f.ready === undefined ? [] : [{ type: 'Ready', status: f.ready ? 'True' : 'False', lastTransitionTime: at(f.readySince ?? 0) }],
      ...(f.restarts !== undefined && { containerStatuses: [{ name: 'c', restartCount: f.restarts }] }),
    },
  };
}

export function replicaSet(name: string, replicas: number, extra: { labels?: Record<string, string>; minReadySeconds?: number; status?: unknown; deleting?: boolean; generation?: number } = {}): KubeObject {
  const labels = extra.labels ?? { app: 'web' };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '7', generation: extra.generation ?? 1, creationTimestamp: at(0), ...(extra.deleting && { deletionTimestamp: at(50) }) },
    spec: {
      replicas,
      ...(extra.minReadySeconds && { minReadySeconds: extra.minReadySeconds }),
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
    status: extra.status ?? { replicas: 0 },
  };
}

/** A deterministic generator of floats in [0, 1). */
export function counterRandom(): () => number {
  let i = 0;
  return () => ((i++ * 0.137) % 1);
}
