import type { ResourceType } from '../resourceType.ts';
import { age, ageOf, column, nameColumn } from '../tableColumns.ts';
import { isObject } from './podSpec.ts';
import { defaultWorkload } from './podTemplate.ts';

/** ReplicationControllers: the core-group predecessor of ReplicaSets (selector as a plain map); stored and served only (the scale subresource included). */
export const replicationcontrollers: ResourceType = {
  group: '', version: 'v1', resource: 'replicationcontrollers', singular: 'replicationcontroller', kind: 'ReplicationController', namespaced: true,
  shortNames: ['rc'], categories: ['all'], subresources: ['status', 'scale'],
  /** SetDefaults_ReplicationController: the template's labels stand in for an empty selector and empty labels. */
  defaults(rc) {
    if (!isObject(rc.spec)) return;
    const labels = rc.spec.template?.metadata?.labels;
    if (isObject(labels)) {
      if (!isObject(rc.spec.selector) || Object.keys(rc.spec.selector).length === 0) rc.spec.selector = { ...labels };
      if (!isObject(rc.metadata.labels) || Object.keys(rc.metadata.labels).length === 0) rc.metadata.labels = { ...labels };
    }
    defaultWorkload(rc);
  },
  prepareForCreate: (rc) => void (rc.status = { replicas: 0 }),
  columns: [
    nameColumn, column('Desired', 'integer', 'Replicas is the number of desired replicas.'), column('Current', 'integer', 'Replicas is the most recently observed number of replicas.'),
    column('Ready', 'integer', 'The number of ready replicas for this replication controller.'), age,
  ],
  cells: (rc) => [rc.spec?.replicas ?? 0, rc.status?.replicas ?? 0, rc.status?.readyReplicas ?? 0, ageOf(rc.metadata.creationTimestamp)],
};
