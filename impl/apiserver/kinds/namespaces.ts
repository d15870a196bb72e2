import type { ResourceType } from '../resourceType.ts';
import { isDNS1123Label } from '../fieldErrors.ts';
import { age, ageOf, column, nameColumn } from '../tableColumns.ts';

/** The label upstream puts on every namespace, carrying its name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export const namespaces: ResourceType = {
  group: '', version: 'v1', resource: 'namespaces', singular: 'namespace', kind: 'Namespace', namespaced: false,
  shortNames: ['ns'], subresources: ['status', 'finalize'],
  nameMessages: isDNS1123Label,
  prepareForCreate(ns) {
    ns.spec = { finalizers: ['kubernetes'] };
    ns.status = { phase: 'Active' };
    ns.metadata.labels = { ...ns.metadata.labels, [NAMESPACE_NAME_LABEL]: ns.metadata.name };
  },
  fields: { 'status.phase': (ns) => ns.status?.phase ?? '' },
  columns: [nameColumn, column('Status', 'string', 'The status of the namespace'), age],
  cells: (ns) => [ns.status?.phase ?? '', ageOf(ns.metadata.creationTimestamp)],
};
