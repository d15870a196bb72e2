// The serviceaccount controller (NS-5): every active namespace has a ServiceAccount named
// `default`; one that is missing (new namespace, or the account was deleted) is created.
import { isAlreadyExists } from '../../client/index.ts';
import type { ComponentContext, ComponentDefinition } from '../../controlplane/Component.ts';

export const DEFAULT_SERVICE_ACCOUNT = 'default';

export async function startServiceAccountController(ctx: ComponentContext) {
  const namespaces = ctx.informer('Namespace');
  const accounts = ctx.informer('ServiceAccount', { fieldSelector: `metadata.name=${DEFAULT_SERVICE_ACCOUNT}` });
  const queue = ctx.queue(reconcile);
  namespaces.on({ add: (ns) => queue.add(String(ns.metadata.name)), update: (_, ns) => queue.add(String(ns.metadata.name)) });
  accounts.on({ delete: (sa) => queue.add(String(sa.metadata.namespace)) });

  async function reconcile(namespace: string) {
    const ns = namespaces.get(namespace);
    if (!ns || ns.metadata.deletionTimestamp || ns.status?.phase !== 'Active') return;
    if (accounts.get(`${namespace}/${DEFAULT_SERVICE_ACCOUNT}`)) return;
    await ctx.client.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace } }).catch((error) => {
      if (!isAlreadyExists(error)) throw error;
    });
  }

  await accounts.start();
  await namespaces.start();
}

export const serviceAccountController: ComponentDefinition = {
  name: 'serviceaccount-controller',
  description: 'creates the `default` ServiceAccount in every active namespace',
  start: (ctx) => startServiceAccountController(ctx),
};
