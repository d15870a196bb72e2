// The endpoints controller (SVC-3, SVC-4): Services and Pods from informers feed
// impl/endpoints' EndpointsIndex, which names the Services whose Endpoints changed; a worker
// writes each such Service's Endpoints (create, update, or delete when the Service is gone),
// skipping writes that would change nothing. Services without a selector are left alone.
import { EndpointsIndex, canonicalJson, type Endpoints, type Pod, type Service } from '../../endpoints/index.ts';
import { ignoreNotFound, isAlreadyExists, splitKey, type KubeObject } from '../../client/index.ts';
import type { ComponentContext, ComponentDefinition } from '../../controlplane/Component.ts';

/** What the controller owns in an Endpoints object. */
const content = (e: KubeObject | Endpoints) => canonicalJson({ labels: e.metadata.labels ?? {}, annotations: e.metadata.annotations ?? {}, subsets: e.subsets ?? [] });

export async function startEndpointsController(ctx: ComponentContext) {
  const index = new EndpointsIndex();
  const services = ctx.informer<Service & KubeObject>('Service');
  const pods = ctx.informer<Pod & KubeObject>('Pod');
  const endpoints = ctx.informer('Endpoints');
  const queue = ctx.queue(reconcile);
  const enqueue = (keys: Iterable<string>) => {
    for (const key of keys) queue.add(key);
  };

  services.on({
    add: (svc) => enqueue(index.onServiceChange(svc)),
    update: (_, svc) => enqueue(index.onServiceChange(svc)),
    delete: (svc) => enqueue(index.onServiceDelete(String(svc.metadata.namespace), String(svc.metadata.name))),
  });
  pods.on({
    add: (pod) => enqueue(index.onPodChange(null, pod)),
    update: (old, pod) => enqueue(index.onPodChange(old, pod)),
    delete: (pod) => enqueue(index.onPodChange(pod, null)),
  });
  endpoints.on({ delete: (ep) => queue.add(`${ep.metadata.namespace}/${ep.metadata.name}`) });

  async function reconcile(key: string) {
    const { namespace, name } = splitKey(key);
    const desired = index.endpoints(key);
    const current = endpoints.get(key);
    if (desired === null) return;
    if (desired === undefined) {
      if (current) await ctx.client.delete('Endpoints', namespace, name).catch(ignoreNotFound);
      return;
    }
    if (current && content(current) === content(desired)) return;
    const body = structuredClone(desired) as KubeObject;
    if (!current) {
      await ctx.client.create(body).catch((error) => {
        if (isAlreadyExists(error)) throw new Error(`endpoints ${key} exist but are not in the cache yet`);
        throw error;
      });
      return;
    }
    body.metadata.resourceVersion = current.metadata.resourceVersion;
    await ctx.client.update(body);
  }

  await endpoints.start();
  await services.start();
  await pods.start();
}

export const endpointsController: ComponentDefinition = {
  name: 'endpoints-controller',
  description: 'writes the Endpoints of every Service with a selector from the ready addresses of its pods',
  start: (ctx) => startEndpointsController(ctx),
};
