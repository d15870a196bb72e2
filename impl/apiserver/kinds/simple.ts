// Kinds with little behaviour: endpoints, serviceaccounts, secrets, configmaps, events.
import type { Obj, ResourceType } from '../resourceType.ts';
import { age, ageOf, column, listOrNone, nameColumn } from '../tableColumns.ts';
import { arrayOf, isObject } from './podSpec.ts';

const core = { group: '', version: 'v1', subresources: [] as ResourceType['subresources'] };

export const endpoints: ResourceType = {
  ...core, resource: 'endpoints', singular: 'endpoints', kind: 'Endpoints', namespaced: true, shortNames: ['ep'],
  columns: [nameColumn, column('Endpoints', 'string', 'Endpoints of the service'), age],
  cells(ep) {
    const all = arrayOf(ep.subsets).filter(isObject).flatMap((s) =>
      arrayOf(s.addresses).filter(isObject).flatMap((a) => (arrayOf(s.ports).length ? arrayOf(s.ports).filter(isObject).map((p) => `${a.ip}:${p.port}`) : [a.ip])));
    return [all.length > 3 ? `${all.slice(0, 3).join(',')} + ${all.length - 3} more...` : listOrNone(all), ageOf(ep.metadata.creationTimestamp)];
  },
};

export const serviceaccounts: ResourceType = {
  ...core, resource: 'serviceaccounts', singular: 'serviceaccount', kind: 'ServiceAccount', namespaced: true, shortNames: ['sa'],
  columns: [nameColumn, column('Secrets', 'string', 'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.'), age],
  cells: (sa) => [arrayOf(sa.secrets).length, ageOf(sa.metadata.creationTimestamp)],
};

export const secrets: ResourceType = {
  ...core, resource: 'secrets', singular: 'secret', kind: 'Secret', namespaced: true, shortNames: [],
  defaults: (s) => void (s.type ??= 'Opaque'),
  fields: { type: (s) => s.type ?? '' },
  columns: [nameColumn, column('Type', 'string', 'The type of the secret'), column('Data', 'string', 'The number of entries in the secret'), age],
  cells: (s) => [s.type ?? '', Object.keys(s.data ?? {}).length, ageOf(s.metadata.creationTimestamp)],
};

export const configmaps: ResourceType = {
  ...core, resource: 'configmaps', singular: 'configmap', kind: 'ConfigMap', namespaced: true, shortNames: ['cm'],
  columns: [nameColumn, column('Data', 'string', 'Number of data entries in the config map'), age],
  cells: (cm) => [Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length, ageOf(cm.metadata.creationTimestamp)],
};

const involved = (field: string) => (e: Obj) => String(e.involvedObject?.[field] ?? '');

export const events: ResourceType = {
  ...core, resource: 'events', singular: 'event', kind: 'Event', namespaced: true, shortNames: ['ev'],
  fields: {
    'involvedObject.kind': involved('kind'), 'involvedObject.namespace': involved('namespace'), 'involvedObject.name': involved('name'),
    'involvedObject.uid': involved('uid'), 'involvedObject.apiVersion': involved('apiVersion'), 'involvedObject.resourceVersion': involved('resourceVersion'),
    'involvedObject.fieldPath': involved('fieldPath'), reason: (e) => e.reason ?? '', reportingComponent: (e) => e.reportingComponent ?? '',
    source: (e) => e.source?.component ?? '', type: (e) => e.type ?? '',
  },
  columns: [
    column('Last Seen', 'string', 'Time when last event from this source was observed.'), column('Type', 'string', 'Type of this event (Normal, Warning), new types could be added in the future.'),
    column('Reason', 'string', 'This should be a short, machine understandable string that gives the reason for the transition into the object\'s current status.'),
    column('Object', 'string', 'The object that this event is about.'), column('Message', 'string', 'A human-readable description of the status of this operation.'),
    column('Subobject', 'string', 'An optional field path inside the involved object.', 1), column('Source', 'string', 'The component reporting this event. Should be a short machine understandable string.', 1),
    column('First Seen', 'string', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)', 1),
    column('Count', 'string', 'The number of times this event has occurred.', 1), nameColumn,
  ],
  cells(e) {
    const obj = e.involvedObject ?? {};
    return [ageOf(e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp), e.type ?? '', e.reason ?? '', `${String(obj.kind ?? '').toLowerCase()}/${obj.name ?? ''}`, e.message ?? '',
      obj.fieldPath ?? '', e.source?.component ?? '', ageOf(e.firstTimestamp ?? e.metadata.creationTimestamp), e.count ?? 1, e.metadata.name];
  },
};
