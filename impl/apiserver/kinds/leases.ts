// coordination.k8s.io/v1 Lease: the kubelet's heartbeat object in kube-node-lease (NODE-3).
import type { ResourceType } from '../resourceType.ts';
import { age, ageOf, column, nameColumn } from '../tableColumns.ts';

export const leases: ResourceType = {
  group: 'coordination.k8s.io', version: 'v1', resource: 'leases', singular: 'lease', kind: 'Lease', namespaced: true,
  shortNames: [], subresources: [],
  columns: [nameColumn, column('Holder', 'string', 'The holder of the lease'), age],
  cells: (l) => [l.spec?.holderIdentity ?? '', ageOf(l.metadata.creationTimestamp)],
};
