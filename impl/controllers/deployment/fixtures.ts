// Fixture builders for the Deployment tests. Test support.
import type { KubeObject } from '../../client/index.ts';
import { at } from '../replicaset/fixtures.ts';
import { REVISION } from './annotations.ts';
import { POD_TEMPLATE_HASH_LABEL, podTemplateHash } from './podTemplateHash.ts';

export const template = (image: string) => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image }] } });

export function deployment(image: string, extra: { replicas?: number; strategy?: unknown; status?: unknown; paused?: boolean; generation?: number; annotations?: Record<string, string>; revisionHistoryLimit?: number } = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'uid-deploy', resourceVersion: '3', generation: extra.generation ?? 1, creationTimestamp: at(0), ...(extra.annotations && { annotations: extra.annotations }) },
    spec: {
      replicas: extra.replicas ?? 3,
      selector: { matchLabels: { app: 'web' } },
      template: template(image),
      strategy: extra.strategy ?? { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      revisionHistoryLimit: extra.revisionHistoryLimit ?? 10,
      progressDeadlineSeconds: 600,
      ...(extra.paused && { paused: true }),
    },
    status: extra.status ?? {},
  };
}

/** A ReplicaSet the Deployment created for `image` at `revision`, with `available` ready pods (max-replicas: replicas + 1). */
export function ownedRS(d: KubeObject, image: string, revision: number, replicas: number, available = replicas, created = revision * 10): KubeObject {
  const t = template(image);
  const hash = podTemplateHash(t);
  const labels = { ...t.metadata.labels, [POD_TEMPLATE_HASH_LABEL]: hash };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `web-${hash}`, namespace: 'default', uid: `uid-rs-${image}`, resourceVersion: '5', generation: 1, creationTimestamp: at(created), labels,
      annotations: { [REVISION]: String(revision), 'deployment.kubernetes.io/desired-replicas': String(d.spec.replicas), 'deployment.kubernetes.io/max-replicas': String(d.spec.replicas + 1) },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-deploy', controller: true, blockOwnerDeletion: true }],
    },
    spec: { replicas, minReadySeconds: 0, selector: { matchLabels: { app: 'web', [POD_TEMPLATE_HASH_LABEL]: hash } }, template: { ...t, metadata: { labels } } },
    status: { replicas, ...(available && { readyReplicas: available, availableReplicas: available }), observedGeneration: 1 },
  };
}
