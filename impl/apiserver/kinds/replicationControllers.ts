import type { ResourceType } from '../resourceType.ts';
import { age, ageOf, column, nameColumn } from '../tableColumns.ts';

/** ReplicationControllers: the core-group predecessor of ReplicaSets (selector as a plain map); stored and served only. */
export const replicationcontrollers: ResourceType = {
  group: '', version: 'v1', resource: 'replicationcontrollers', singular: 'replicationcontroller', kind: 'ReplicationController', namespaced: true,
  shortNames: ['rc'], categories: ['all'], subresources: ['status'],
  prepareForCreate(rc) {
    if (rc.spec && typeof rc.spec === 'object') rc.spec.replicas ??= 1;
    rc.status = { replicas: 0 };
  },
  columns: [
    nameColumn, column('Desired', 'integer', 'Replicas is the number of desired replicas.'), column('Current', 'integer', 'Replicas is the most recently observed number of replicas.'),
    column('Ready', 'integer', 'The number of ready replicas for this replication controller.'), age,
  ],
  cells: (rc) => [rc.spec?.replicas ?? 0, rc.status?.replicas ?? 0, rc.status?.readyReplicas ?? 0, ageOf(rc.metadata.creationTimestamp)],
};
