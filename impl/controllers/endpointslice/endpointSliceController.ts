// The EndpointSlice controller (SVC-3, SVC-4): for every Service with a selector, keeps the
// discovery.k8s.io/v1 EndpointSlices labelled as managed by endpointslice-controller.k8s.io in step
// with the Service's Pods (impl/endpointslices computes the writes). Event handlers only enqueue
// Service keys; the worker reconciles from the informers' current state, so a managed slice that
// someone else changes or deletes is put back. Slices of a deleted Service are left to the
// garbage collector (they carry a controller owner reference), as upstream does.
import { selects, type Pod, type Service } from '../../endpoints/index.ts';
import { CONTROLLER_NAME, LABEL_MANAGED_BY, LABEL_SERVICE_NAME, LABEL_TOPOLOGY_ZONE, reconcileEndpointSlices, type EndpointSlice } from '../../endpointslices/index.ts';
import { ignoreNotFound, keyOf, splitKey, type KubeObject } from '../../client/index.ts';
import type { ComponentContext, ComponentDefinition } from '../../controlplane/Component.ts';

export const ENDPOINTSLICE_CONTROLLER = 'endpointslice-controller';

export async function startEndpointSliceController(ctx: ComponentContext) {
  const services = ctx.informer<Service & KubeObject>('Service');
  const pods = ctx.informer<Pod & KubeObject>('Pod');
  const nodes = ctx.informer('Node');
  const slices = ctx.informer<EndpointSlice & KubeObject>('EndpointSlice', { labelSelector: `${LABEL_MANAGED_BY}=${CONTROLLER_NAME}` });
  const queue = ctx.queue(reconcile);
  /** Per service key: the slices this controller wrote whose watch events the cache has not shown yet (resourceVersion, or null for a delete). */
  const expected = new Map<string, Map<string, number | null>>();

  /** The services of the pod's namespace that select it (before or after a change). */
  const enqueueForPod = (...versions: (Pod | undefined)[]) => {
    for (const svc of services.list()) if (versions.some((pod) => pod && selects(svc, pod))) queue.add(keyOf(svc));
  };
  const enqueueAll = () => {
    for (const svc of services.list()) queue.add(keyOf(svc));
  };
  const enqueueForSlice = (slice: EndpointSlice) => {
    const service = slice.metadata.labels?.[LABEL_SERVICE_NAME];
    if (service) queue.add(`${slice.metadata.namespace || 'default'}/${service}`);
  };

  services.on({ add: (svc) => queue.add(keyOf(svc)), update: (_, svc) => queue.add(keyOf(svc)) });
  pods.on({ add: (pod) => enqueueForPod(pod), update: (old, pod) => enqueueForPod(old, pod), delete: (pod) => enqueueForPod(pod) });
  nodes.on({
    add: enqueueAll,
    update: (old, node) => old.metadata.labels?.[LABEL_TOPOLOGY_ZONE] !== node.metadata.labels?.[LABEL_TOPOLOGY_ZONE] && enqueueAll(),
    delete: enqueueAll,
  });
  slices.on({ add: enqueueForSlice, update: (old, slice) => (enqueueForSlice(old), enqueueForSlice(slice)), delete: enqueueForSlice });

  /** True while the slice cache misses one of our own writes for `key`; its watch event will enqueue the key again. */
  function cacheIsBehind(key: string, namespace: string | undefined): boolean {
    const writes = expected.get(key);
    if (!writes) return false;
    for (const [name, rv] of writes) {
      const cached = slices.get(`${namespace}/${name}`);
      const seen = rv === null ? !cached : !!cached && Number(cached.metadata.resourceVersion) >= rv;
      if (seen) writes.delete(name);
    }
    if (writes.size === 0) expected.delete(key);
    return writes.size > 0;
  }

  async function reconcile(key: string) {
    const service = services.get(key);
    const { namespace } = splitKey(key);
    if (!service || cacheIsBehind(key, namespace)) return;
    const name = service.metadata.name;
    const existing = slices.list().filter((s) => s.metadata.namespace === namespace && s.metadata.labels?.[LABEL_SERVICE_NAME] === name);
    const inNamespace = pods.list().filter((p) => (p.metadata.namespace || 'default') === namespace);
    const plan = reconcileEndpointSlices(service, inNamespace, existing, { node: (n) => nodes.get(n) });
    if (!plan) return;
    const writes = expected.get(key) ?? new Map<string, number | null>();
    expected.set(key, writes);
    const written = (object: KubeObject) => writes.set(String(object.metadata.name), Number(object.metadata.resourceVersion));
    const body = (slice: EndpointSlice) => ({ ...slice, apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice' }) as KubeObject;
    for (const slice of plan.create) written(await ctx.client.create(body(slice)));
    for (const slice of plan.update) written(await ctx.client.update(body(slice)));
    for (const slice of plan.delete) {
      await ctx.client.delete('EndpointSlice', namespace, String(slice.metadata.name)).catch(ignoreNotFound);
      writes.set(String(slice.metadata.name), null);
    }
  }

  await nodes.start();
  await slices.start();
  await services.start();
  await pods.start();
}

export const endpointSliceController: ComponentDefinition = {
  name: ENDPOINTSLICE_CONTROLLER,
  description: 'keeps the EndpointSlices of every Service with a selector: its pods\' addresses, conditions and ports, at most 100 per slice',
  start: (ctx) => startEndpointSliceController(ctx),
};
