import type { ResourceType } from '../resourceType.ts';
import { age, ageOf, column, nameColumn } from '../tableColumns.ts';
import { defaultWorkload, templateCells, validateWorkload } from './podTemplate.ts';
import { isObject } from './podSpec.ts';

const wideColumns = [
  column('Containers', 'string', 'Names of each container in the template.', 1),
  column('Images', 'string', 'Images referenced by each container in the template.', 1),
  column('Selector', 'string', 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.', 1),
];

export const replicasets: ResourceType = {
  group: 'apps', version: 'v1', resource: 'replicasets', singular: 'replicaset', kind: 'ReplicaSet', namespaced: true,
  shortNames: ['rs'], categories: ['all'], subresources: ['status', 'scale'],
  defaults: defaultWorkload,
  prepareForCreate: (rs) => void (rs.status = {}),
  validate: validateWorkload,
  columns: [
    nameColumn, column('Desired', 'integer', 'Replicas is the number of desired pods.'), column('Current', 'integer', 'Replicas is the most recently observed number of replicas.'),
    column('Ready', 'integer', 'The number of ready replicas for this replica set.'), age, ...wideColumns,
  ],
  cells: (rs) => [rs.spec?.replicas ?? 0, rs.status?.replicas ?? 0, rs.status?.readyReplicas ?? 0, ageOf(rs.metadata.creationTimestamp), ...templateCells(rs)],
};

export const deployments: ResourceType = {
  group: 'apps', version: 'v1', resource: 'deployments', singular: 'deployment', kind: 'Deployment', namespaced: true,
  shortNames: ['deploy'], categories: ['all'], subresources: ['status', 'scale'],
  defaults(d) {
    defaultWorkload(d);
    if (!isObject(d.spec)) return;
    const strategy = (d.spec.strategy ??= {});
    if (isObject(strategy)) {
      strategy.type ||= 'RollingUpdate';
      if (strategy.type === 'RollingUpdate' && isObject((strategy.rollingUpdate ??= {}))) {
        strategy.rollingUpdate.maxUnavailable ??= '25%';
        strategy.rollingUpdate.maxSurge ??= '25%';
      }
    }
    d.spec.revisionHistoryLimit ??= 10;
    d.spec.progressDeadlineSeconds ??= 600;
  },
  prepareForCreate: (d) => void (d.status = {}),
  validate: validateWorkload,
  columns: [
    nameColumn, column('Ready', 'string', 'Number of the pod with ready state'), column('Up-to-date', 'string', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
    column('Available', 'string', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'), age, ...wideColumns,
  ],
  cells: (d) => [`${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`, d.status?.updatedReplicas ?? 0, d.status?.availableReplicas ?? 0, ageOf(d.metadata.creationTimestamp), ...templateCells(d)],
};
