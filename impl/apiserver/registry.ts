// Every resource the API server serves, in one table.
import type { ResourceType } from './resourceType.ts';
import { pods } from './kinds/pods.ts';
import { namespaces } from './kinds/namespaces.ts';
import { nodes } from './kinds/nodes.ts';
import { services } from './kinds/services.ts';
import { deployments, replicasets } from './kinds/workloads.ts';
import { persistentvolumes } from './kinds/persistentVolumes.ts';
import { replicationcontrollers } from './kinds/replicationControllers.ts';
import { configmaps, endpoints, events, secrets, serviceaccounts } from './kinds/simple.ts';
import { leases } from './kinds/leases.ts';
import { runtimeclasses } from './kinds/runtimeClasses.ts';
import { endpointslices } from './kinds/endpointSlices.ts';
import { REVIEWS } from './accessReviews.ts';

export const RESOURCES: readonly ResourceType[] = [
  pods, namespaces, nodes, services, endpoints, serviceaccounts, secrets, configmaps, events, persistentvolumes, replicationcontrollers, replicasets, deployments, leases, runtimeclasses, endpointslices,
];

/** The served group-versions, core first, then the review APIs' (accessReviews.ts). */
export const GROUP_VERSIONS = [...new Set([...RESOURCES, ...REVIEWS].map((r) => `${r.group}/${r.version}`))].map((gv) => {
  const [group, version] = gv.split('/');
  return { group, version };
});

const byPath = new Map(RESOURCES.map((r) => [`${r.group}/${r.version}/${r.resource}`, r]));
const byKind = new Map(RESOURCES.map((r) => [r.kind, r]));

export const resourceFor = (group: string, version: string, resource: string) => byPath.get(`${group}/${version}/${resource}`);
export const resourceForKind = (kind: string) => byKind.get(kind);
