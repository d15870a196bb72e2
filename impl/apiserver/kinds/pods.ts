import type { Obj, ResourceType } from '../resourceType.ts';
import { age, ageOf, column, nameColumn } from '../tableColumns.ts';
import { arrayOf, defaultPodSpec, isObject, validatePodSpec } from './podSpec.ts';

/** status.qosClass from the containers' requests and limits (simplified: cpu and memory). */
function qosClass(spec: Obj): string {
  const containers = arrayOf(spec.containers).filter(isObject);
  const resources = containers.map((c) => (isObject(c.resources) ? c.resources : {}));
  if (resources.every((r) => !r.requests && !r.limits)) return 'BestEffort';
  const guaranteed = resources.every((r) => ['cpu', 'memory'].every((k) => r.limits?.[k] !== undefined && (r.requests?.[k] ?? r.limits[k]) === r.limits[k]));
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export const pods: ResourceType = {
  group: '', version: 'v1', resource: 'pods', singular: 'pod', kind: 'Pod', namespaced: true,
  shortNames: ['po'], categories: ['all'], subresources: ['status', 'binding', 'log', 'exec'],
  defaults(pod) {
    if (isObject(pod.spec)) defaultPodSpec(pod.spec);
  },
  prepareForCreate(pod) {
    pod.status = { phase: 'Pending', qosClass: isObject(pod.spec) ? qosClass(pod.spec) : 'BestEffort' };
  },
  validate: (pod) => validatePodSpec(pod.spec, 'spec'),
  fields: {
    'spec.nodeName': (p) => p.spec?.nodeName ?? '',
    'spec.restartPolicy': (p) => p.spec?.restartPolicy ?? '',
    'spec.schedulerName': (p) => p.spec?.schedulerName ?? '',
    'spec.serviceAccountName': (p) => p.spec?.serviceAccountName ?? '',
    'spec.hostNetwork': (p) => String(p.spec?.hostNetwork ?? false),
    'status.phase': (p) => p.status?.phase ?? '',
    'status.podIP': (p) => p.status?.podIP ?? '',
    'status.nominatedNodeName': (p) => p.status?.nominatedNodeName ?? '',
  },
  columns: [
    nameColumn, column('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    column('Status', 'string', 'The aggregate status of the containers in this pod.'),
    column('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
    age, column('IP', 'string', 'IP address allocated to the pod.', 1), column('Node', 'string', 'Name of the node where the pod is running.', 1),
    column('Nominated Node', 'string', 'Name of the node where the pod is nominated to run.', 1),
    column('Readiness Gates', 'string', 'The readiness gates of the pod.', 1),
  ],
  cells(pod: Obj) {
    const statuses = arrayOf(pod.status?.containerStatuses).filter(isObject);
    const total = arrayOf(pod.spec?.containers).length;
    const ready = statuses.filter((s) => s.ready).length;
    const restarts = statuses.reduce((n, s) => n + (Number(s.restartCount) || 0), 0);
    const waiting = statuses.find((s) => s.state?.waiting?.reason)?.state.waiting.reason;
    const status = pod.metadata.deletionTimestamp ? 'Terminating' : (waiting ?? pod.status?.reason ?? pod.status?.phase ?? 'Unknown');
    return [`${ready}/${total}`, status, restarts, ageOf(pod.metadata.creationTimestamp), pod.status?.podIP ?? '<none>', pod.spec?.nodeName || '<none>', pod.status?.nominatedNodeName ?? '<none>', '<none>'];
  },
};
