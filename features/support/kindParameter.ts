// {kind}: a kind as steps write it, singular or plural, in words: `pod`, `pods`, `config maps`,
// `persistent volume`, `replica sets` → `ConfigMap`, `PersistentVolume`, `ReplicaSet`.
import { defineParameterType } from '@cucumber/cucumber';

const KINDS = ['Pod', 'Service', 'ReplicationController', 'ReplicaSet', 'Deployment', 'Node', 'PersistentVolume', 'Namespace',
  'ConfigMap', 'Secret', 'ServiceAccount', 'Endpoints', 'Event'];

/** `ReplicaSet` → `replica set`. */
const words = (kind: string) => kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
const forms = KINDS.flatMap((k) => {
  const w = words(k).replace(/s$/, '');
  return [[`${w}s`, k], [w, k]] as const;
});
const byForm = new Map<string, string>(forms);

defineParameterType({
  name: 'kind',
  regexp: new RegExp([...byForm.keys()].sort((a, b) => b.length - a.length).map((f) => f.replace(/ /g, ' ?')).join('|')),
  transformer: (s: string) => byForm.get(s) ?? byForm.get(words(s.replace(/ /g, '')))!,
});
