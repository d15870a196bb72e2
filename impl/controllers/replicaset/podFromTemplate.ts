// controller.GetPodFromTemplate: the pod a ReplicaSet creates from its template.
import type { KubeObject } from '../../client/index.ts';
import { clone, type OwnerReference } from './objects.ts';

/** names.SimpleNameGenerator's alphabet (no vowels, no confusable digits). */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_NAME_LENGTH = 63;
const RANDOM_LENGTH = 5;

/** `<rs>-`, or the bare name when `<rs>-` would not be a valid generateName (over 253 characters). */
export const podNamePrefix = (controllerName: string): string => (controllerName.length + 1 > 253 ? controllerName : `${controllerName}-`);

/** What the API server does with generateName: the prefix cut to 58 characters plus 5 random ones. */
export function generateName(prefix: string, random: () => number): string {
  let suffix = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) suffix += NAME_ALPHABET[Math.floor(random() * NAME_ALPHABET.length) % NAME_ALPHABET.length];
  return prefix.slice(0, MAX_NAME_LENGTH - RANDOM_LENGTH) + suffix;
}

/**
 * Labels, annotations and finalizers of the template, generateName `<controller>-`, the
 * controller reference, and the template's spec. With `random` the name is chosen here (so a
 * seeded run names pods reproducibly); without, the API server generates it.
 */
export function podFromTemplate(controller: KubeObject, template: any, controllerRef: OwnerReference, random?: () => number): KubeObject {
  const prefix = podNamePrefix(String(controller.metadata.name));
  const meta = template?.metadata ?? {};
  const metadata: KubeObject['metadata'] = {
    namespace: controller.metadata.namespace,
    generateName: prefix,
    ...(random && { name: generateName(prefix, random) }),
    ...(meta.labels && { labels: { ...meta.labels } }),
    ...(meta.annotations && { annotations: { ...meta.annotations } }),
    ...(meta.finalizers && { finalizers: [...meta.finalizers] }),
    ownerReferences: [controllerRef],
  };
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: clone(template?.spec ?? {}) };
}
