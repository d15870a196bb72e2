// The namespace controller (NS: "deleting a namespace removes everything in it"): for a namespace
// marked for deletion it deletes every namespaced resource in it (found through API discovery,
// deletecollection per resource), and once nothing is left it removes the `kubernetes`
// finalizer through namespaces/{name}/finalize, after which the API server deletes the namespace.
// Objects held by finalizers of their own keep the namespace Terminating; it retries then.
import { ignoreNotFound, isNotFound, isStatus, type ApiClient, type KubeObject } from '../../client/index.ts';
import type { ComponentContext, ComponentDefinition } from '../../controlplane/Component.ts';

export const NAMESPACE_FINALIZER = 'kubernetes';
/** How long to wait before looking again at a namespace whose contents are still going away. */
export const CONTENT_RETRY_MS = 1000;

interface DiscoveredResource {
  kind: string;
  resource: string;
}

/** Every namespaced resource with list and deletecollection, from /api and /apis. */
export async function namespacedResources(client: ApiClient): Promise<DiscoveredResource[]> {
  const groupVersions: string[] = [];
  const core = await client.getPath('/api');
  for (const v of core.versions ?? []) groupVersions.push(`/api/${v}`);
  const groups = await client.getPath('/apis');
  for (const g of groups.groups ?? []) if (g.preferredVersion?.groupVersion) groupVersions.push(`/apis/${g.preferredVersion.groupVersion}`);
  const found: DiscoveredResource[] = [];
  for (const path of groupVersions) {
    const list = await client.getPath(path);
    for (const r of list.resources ?? [])
      if (r.namespaced && !String(r.name).includes('/') && r.verbs?.includes('deletecollection') && r.verbs?.includes('list')) found.push({ kind: r.kind, resource: r.name });
  }
  return found;
}

export async function startNamespaceController(ctx: ComponentContext) {
  const namespaces = ctx.informer('Namespace');
  let resources: DiscoveredResource[] | undefined;
  const queue = ctx.queue(reconcile);
  namespaces.on({
    add: (ns) => void (ns.metadata.deletionTimestamp && queue.add(String(ns.metadata.name))),
    update: (_, ns) => void (ns.metadata.deletionTimestamp && queue.add(String(ns.metadata.name))),
  });

  async function reconcile(name: string) {
    const ns = namespaces.get(name);
    if (!ns?.metadata.deletionTimestamp) return;
    if (!(ns.spec?.finalizers ?? []).includes(NAMESPACE_FINALIZER)) return;
    resources ??= await namespacedResources(ctx.client);
    let remaining = 0;
    for (const r of resources) {
      await ctx.client.deleteCollection(r.kind, name).catch(ignoreGoneOrUnsupported);
      remaining += (await ctx.client.list(r.kind, { namespace: name }).catch(() => ({ items: [] }))).items.length;
    }
    if (remaining > 0) return { requeueAfterMs: CONTENT_RETRY_MS };
    await finalize(ctx.client, ns);
  }

  await namespaces.start();
}

/** PUT namespaces/{name}/finalize without the `kubernetes` finalizer. */
async function finalize(client: ApiClient, ns: KubeObject): Promise<void> {
  const finalizers = (ns.spec?.finalizers ?? []).filter((f: string) => f !== NAMESPACE_FINALIZER);
  await client.update({ ...ns, spec: { ...ns.spec, finalizers } }, 'finalize').catch(ignoreNotFound);
}

function ignoreGoneOrUnsupported(error: unknown): void {
  if (isNotFound(error) || isStatus(error, 'MethodNotAllowed')) return;
  throw error;
}

export const namespaceController: ComponentDefinition = {
  name: 'namespace-controller',
  description: 'deletes the contents of a Terminating namespace, then finalizes it',
  start: (ctx) => startNamespaceController(ctx),
};
