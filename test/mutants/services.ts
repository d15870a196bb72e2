import type { KubeObject, Result } from '../../harness/contract/methods.ts';
import type { Mutant } from './mutant.ts';

const AREA = '(@services or @ports) and not @oracle';

type Subset = { addresses?: unknown[]; notReadyAddresses?: unknown[]; ports?: unknown[] };

/** Endpoints with every not-ready address moved into the ready ones. */
function allReady(e: KubeObject): KubeObject {
  const subsets = ((e.subsets as Subset[] | undefined) ?? []).map(({ notReadyAddresses, ...s }) => ({ ...s, addresses: [...(s.addresses ?? []), ...(notReadyAddresses ?? [])] }));
  return { ...e, subsets };
}

/** What the never-forgetting DNS answered first, by name (a scenario's namespaces are fresh, so names do not repeat across scenarios). */
const firstAnswers = new Map<string, Result<'endpoints.resolveLive'>['answers'][number]>();

export const servicesMutants: Mutant[] = [
  {
    name: 'not-ready-endpoints',
    mistake: 'Pods that are not ready are listed as ready endpoints',
    area: AREA,
    caughtBy: ['Pods that are not ready are listed apart', 'services/endpoints-follow-the-model'],
    intercept: {
      'endpoints.compute': async (p, next) => {
        const r = await next(p);
        return r.endpoints ? { endpoints: allReady(r.endpoints) } : r;
      },
    },
  },
  {
    name: 'endpoints-ignore-namespace',
    mistake: "a Service selects Pods in every namespace, not only its own",
    area: AREA,
    caughtBy: ["the selector chooses Pods by their labels, in the Service's own namespace", 'services/endpoints-follow-the-model'],
    intercept: {
      'endpoints.compute': (p, next) => next({ ...p, pods: p.pods.map((pod) => ({ ...pod, metadata: { ...pod.metadata, namespace: p.service.metadata.namespace } })) }),
    },
  },
  {
    name: 'proxy-routes-to-not-ready',
    mistake: 'kube-proxy balances over not-ready endpoints too',
    area: AREA,
    caughtBy: ['services/proxy-routes-to-ready-endpoints-only'],
    intercept: { 'endpoints.route': (p, next) => next({ ...p, endpoints: p.endpoints.map(allReady) }) },
  },
  {
    name: 'dns-never-forgets',
    mistake: 'cluster DNS keeps answering with the first records it found for a name, after the Service changed or went',
    area: AREA,
    caughtBy: ["a Service's name resolves to the cluster IP the API gave it, until the Service is deleted", "a headless Service's name resolves to its ready Pods, following readiness"],
    intercept: {
      'endpoints.resolveLive': async (p, next) => {
        const r = await next(p);
        return {
          answers: r.answers.map((a, i) => {
            const name = p.queries[i].name;
            if (a.found && !firstAnswers.has(name)) firstAnswers.set(name, a);
            return firstAnswers.get(name) ?? a;
          }),
        };
      },
    },
  },
  {
    name: 'shared-port',
    mistake: 'two components of one node listen on the same port',
    area: AREA,
    caughtBy: ['the implementation says which layout it follows'],
    intercept: {
      'ports.layout': async (p, next) => {
        const r = await next(p);
        const [a, b] = r.components;
        return a && b ? { ...r, components: [a, { ...b, node: a.node, port: a.port }, ...r.components.slice(2)] } : r;
      },
    },
  },
  {
    name: 'listed-but-not-listening',
    mistake: 'the scheduler is listed on its port, but nothing answers there',
    area: AREA,
    caughtBy: ["the implementation's components answer on the ports of its layout"],
    intercept: {
      'ports.serve': async (p, next) => {
        const r = await next(p);
        const moved = (url: string) => url.replace(/:(\d+)$/, (_, port) => `:${Number(port) + 1}`);
        return { ...r, listeners: r.listeners.map((l) => (l.served && l.component === 'kube-scheduler' ? { ...l, url: moved(l.url) } : l)) };
      },
    },
  },
];
