// Server-side printing: objects as a meta.k8s.io/v1 Table (what `kubectl get` asks for).
import type { Obj, ResourceType } from './resourceType.ts';
import { nameColumn } from './tableColumns.ts';

/** Does the Accept header ask for a Table? */
export const wantsTable = (accept: string | undefined) => !!accept && /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept);

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export function tableRow(type: ResourceType, object: Obj, include: IncludeObject): Obj {
  const cells = type.columns[0] === nameColumn ? [object.metadata.name, ...type.cells(object)] : type.cells(object);
  const row: Obj = { cells };
  if (include === 'Object') row.object = object;
  else if (include === 'Metadata') row.object = { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata };
  return row;
}

export function toTable(type: ResourceType, objects: Obj[], listMeta: Obj, options: { include: IncludeObject; headers: boolean }): Obj {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta,
    ...(options.headers ? { columnDefinitions: type.columns } : { columnDefinitions: null }),
    rows: objects.map((o) => tableRow(type, o, options.include)),
  };
}

export function includeObjectParam(value: string | null): IncludeObject {
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}
