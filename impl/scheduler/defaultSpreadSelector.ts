// Which pods count as "replicas of the same controller" for default spreading. Upstream builds
// this selector from the Services, ReplicationControllers, ReplicaSets and StatefulSets selecting
// the pod. Given only pods, a pod with a controlling owner is taken to be selected by its labels,
// less the labels that differ per replica (StatefulSet pod name and index); a pod without a
// controller is not spread by default. A component that watches controllers passes its own.
import { compileLabelSelector, NOTHING, type Selector } from './framework/labelSelector.ts';
import type { PodInfo } from './framework/podInfo.ts';

const PER_REPLICA_LABELS = new Set(['statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index']);

export function defaultSpreadSelector(pod: PodInfo): Selector {
  if (pod.controllerUid === '') return NOTHING;
  const matchLabels: Record<string, string> = {};
  for (const [k, v] of Object.entries(pod.labels)) if (!PER_REPLICA_LABELS.has(k)) matchLabels[k] = v;
  if (Object.keys(matchLabels).length === 0) return NOTHING;
  return compileLabelSelector({ matchLabels }, 'metadata.labels');
}
