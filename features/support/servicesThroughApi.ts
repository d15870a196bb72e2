// Services scenarios played through the `objects` capability: the declared Services and Pods are
// created in fresh namespaces, Pod status is written the way a kubelet would, and the Endpoints
// the cluster's controllers write are read back. Each scenario namespace `ns` becomes
// `kconform-<hex>-ns`; the namespaces are deleted after the scenario (features/support/hooks.ts).
import { randomBytes } from 'node:crypto';
import { DriverError } from '../../harness/contract/driver.ts';
import type { KubeObject } from '../../harness/contract/methods.ts';
import { declared } from './serviceScenario.ts';
import type { KWorld } from './world.ts';

const prefixes = new WeakMap<KWorld, { prefix: string; namespaces: Map<string, string> }>();

/** The real namespace standing for the scenario's namespace `ns`. */
export function apiNamespace(w: KWorld, ns: string | undefined): string {
  let p = prefixes.get(w);
  if (!p) prefixes.set(w, (p = { prefix: `kconform-${randomBytes(3).toString('hex')}`, namespaces: new Map() }));
  const name = ns || 'default';
  if (!p.namespaces.has(name)) p.namespaces.set(name, `${p.prefix}-${name}`);
  return p.namespaces.get(name)!;
}

async function ensureNamespace(w: KWorld, name: string): Promise<void> {
  if (w.createdNamespaces.includes(name)) return;
  await w.driver.call('objects.create', { object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } });
  w.createdNamespaces.push(name);
}

/**
 * A scheduler no cluster runs. Pods naming it are never bound, so no kubelet runs them and the
 * status the scenario writes (IP, readiness) is the only one: the endpoints controller's view is
 * then exactly what the scenario says, on any cluster.
 */
export const NO_SCHEDULER = 'kconform-unscheduled';

/** The manifest moved to its real namespace, without the fields the API server assigns; Pods left unscheduled. */
function forApi(w: KWorld, o: KubeObject): KubeObject {
  const { uid: _uid, deletionTimestamp: _deleted, ...metadata } = o.metadata;
  const moved = { ...o, metadata: { ...metadata, namespace: apiNamespace(w, o.metadata.namespace) } };
  return o.kind === 'Pod' ? { ...moved, spec: { ...(o.spec as object), schedulerName: NO_SCHEDULER } } : moved;
}

/** Creates every declared Service and Pod; each Pod's status (IP, phase, Ready) is then written as a kubelet would. */
export async function createDeclared(w: KWorld): Promise<void> {
  for (const kind of ['Service', 'Pod'] as const) {
    for (const o of declared(w, kind)) {
      const object = forApi(w, o);
      await ensureNamespace(w, object.metadata.namespace!);
      const { status, ...rest } = object;
      await w.driver.call('objects.create', { object: kind === 'Pod' ? rest : object });
      if (kind === 'Pod' && status) await writePodStatus(w, o.metadata.namespace, o.metadata.name!, status as Record<string, unknown>);
    }
  }
}

export async function writePodStatus(w: KWorld, ns: string | undefined, name: string, status: Record<string, unknown>): Promise<void> {
  await w.driver.call('objects.patch', { kind: 'Pod', namespace: apiNamespace(w, ns), name, subresource: 'status', patch: { status } });
}

export async function deleteThroughApi(w: KWorld, kind: 'Pod' | 'Service', ns: string | undefined, name: string): Promise<void> {
  await w.driver.call('objects.delete', { kind, namespace: apiNamespace(w, ns), name });
}

/** The object, or null when the API answers NotFound. */
export async function getThroughApi(w: KWorld, kind: string, ns: string | undefined, name: string, realNamespace = false): Promise<KubeObject | null> {
  try {
    return (await w.driver.call('objects.get', { kind, namespace: realNamespace ? ns : apiNamespace(w, ns), name })).object;
  } catch (e) {
    if (e instanceof DriverError && e.code === 'NotFound') return null;
    throw e;
  }
}

/**
 * Polls `read` every 100 ms until `done` holds for what it returns or `seconds` pass, and
 * returns the last value read and whether `done` held.
 */
export async function poll<T>(seconds: number, read: () => Promise<T>, done: (value: T) => boolean): Promise<{ value: T; ok: boolean }> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await read();
    if (done(value)) return { value, ok: true };
    if (Date.now() >= deadline) return { value, ok: false };
    await new Promise((r) => setTimeout(r, 100));
  }
}
