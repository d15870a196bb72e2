// PersistentVolumes: cluster-scoped storage, served with their status subresource; no
// provisioning or binding behaviour.
import type { ResourceType } from '../resourceType.ts';
import { age, ageOf, column, nameColumn } from '../tableColumns.ts';

export const persistentvolumes: ResourceType = {
  group: '', version: 'v1', resource: 'persistentvolumes', singular: 'persistentvolume', kind: 'PersistentVolume', namespaced: false,
  shortNames: ['pv'], subresources: ['status'],
  defaults(pv) {
    if (pv.spec && typeof pv.spec === 'object') pv.spec.persistentVolumeReclaimPolicy ??= 'Retain';
  },
  prepareForCreate: (pv) => void (pv.status = { phase: 'Pending' }),
  columns: [
    nameColumn, column('Capacity', 'string', 'capacity is the description of the persistent volume\'s resources and capacity.'),
    column('Access Modes', 'string', 'accessModes contains all ways the volume can be mounted.'),
    column('Reclaim Policy', 'string', 'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim.'),
    column('Status', 'string', 'phase indicates if a volume is available, bound to a claim, or released by a claim.'),
    column('Claim', 'string', 'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim.'),
    column('StorageClass', 'string', 'storageClassName is the name of StorageClass to which this persistent volume belongs.'),
    column('VolumeAttributesClass', 'string', 'Name of VolumeAttributesClass to which this persistent volume belongs.'),
    column('Reason', 'string', 'reason is a brief CamelCase string that describes any failure.'), age,
  ],
  cells(pv) {
    const claim = pv.spec?.claimRef ? `${pv.spec.claimRef.namespace ?? ''}/${pv.spec.claimRef.name ?? ''}` : '';
    const modes = Array.isArray(pv.spec?.accessModes) ? pv.spec.accessModes.map((m: string) => ({ ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' })[m] ?? m).join(',') : '';
    return [pv.spec?.capacity?.storage ?? '', modes, pv.spec?.persistentVolumeReclaimPolicy ?? '', pv.status?.phase ?? '', claim,
      pv.spec?.storageClassName ?? '', pv.spec?.volumeAttributesClassName ?? '<unset>', pv.status?.reason ?? '', ageOf(pv.metadata.creationTimestamp)];
  },
};
