// Table tests of components: a control plane on virtual time with only the components under test,
// seeded with fixture objects, and the API actions a component made, read from the trace.
import type { KubeObject } from '../../client/index.ts';
import { memoryStore } from '../../store/index.ts';
import { ControlPlane, type ControlPlaneOptions } from '../ControlPlane.ts';
import type { ComponentDefinition } from '../Component.ts';
import type { RequestEntry } from '../Trace.ts';

const MUTATING = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);

/**
 * Starts `components` after creating `fixtures` (in order) through the admin client, then settles.
 * The fixtures exist before the components list, as in a cluster that was already running.
 */
export async function fixturePlane(components: readonly (string | ComponentDefinition)[], fixtures: readonly KubeObject[] = [], options: ControlPlaneOptions = {}): Promise<ControlPlane> {
  const store = options.store ?? memoryStore();
  const seedPlane = await ControlPlane.start({ ...options, store, components: [] });
  for (const object of fixtures) await seedPlane.client.create(structuredClone(object));
  await seedPlane.stop();
  return ControlPlane.start({ ...options, store, components });
}

/** The mutating requests `actor` made since trace seq `since`, as `verb resource namespace/name[/subresource] code`, e.g. `create pods default/web/binding 201` (creates carry the created name). */
export function actions(plane: ControlPlane, actor: string, since = 0): string[] {
  return plane.trace
    .since(since)
    .filter((e): e is RequestEntry => e.kind === 'request' && e.actor === actor && MUTATING.has(e.verb))
    .map((e) => `${e.verb} ${e.resource} ${[e.namespace, e.name, e.subresource].filter(Boolean).join('/')} ${e.code}`.replace(/ {2,}/g, ' '));
}

/** The mutating requests `actor` made while `change` ran on a fixturePlane of `components` and `fixtures`, once it settled. */
export async function actionsDuring(components: readonly (string | ComponentDefinition)[], fixtures: readonly KubeObject[], actor: string, change: (plane: ControlPlane) => Promise<unknown>): Promise<string[]> {
  const plane = await fixturePlane(components, fixtures);
  try {
    const before = plane.trace.last;
    await change(plane);
    await plane.settle();
    return actions(plane, actor, before);
  } finally {
    await plane.stop();
  }
}

export const node = (name: string, cpu = '4', extra: KubeObject['metadata'] = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Node', metadata: { name, ...extra },
  status: { capacity: { cpu, memory: '8Gi', pods: '110' }, allocatable: { cpu, memory: '8Gi', pods: '110' } },
});

export const pod = (name: string, namespace = 'default', spec: Record<string, unknown> = {}, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels },
  spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
});
