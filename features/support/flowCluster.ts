// Per-scenario state and helpers of the flow and kubelet steps: the scenario's nodes (created
// through `objects`, so every one gets the implementation's simulated kubelet), cluster time
// passing, reading pods, and waiting "within N seconds" of cluster time (with `time`, advanced a
// second at a time; without it, polled in real time).
import type { KubeObject } from '../../harness/contract/methods.ts';
import { scenarioObjects } from './scenarioObjects.ts';
import type { KWorld } from './world.ts';

interface FlowState {
  /** Scenario-written node names, in creation order. */
  nodes: string[];
  /** Trace seq when the scenario's cluster was ready (entries before it are someone else's). */
  traceFrom: number;
}

const states = new WeakMap<KWorld, FlowState>();

export function flowState(w: KWorld): FlowState {
  let s = states.get(w);
  if (!s) states.set(w, (s = { nodes: [], traceFrom: 0 }));
  return s;
}

type Loose = (method: string, params: unknown) => Promise<any>;
const call = (w: KWorld): Loose => w.driver.call.bind(w.driver) as unknown as Loose;

/** Lets `ms` of cluster time pass: time.advance, or a real wait without the capability (polling steps only). */
export async function passTime(w: KWorld, ms: number): Promise<void> {
  if (w.driver.has('time')) await call(w)('time.advance', { ms });
  else await new Promise((r) => setTimeout(r, ms));
}

/**
 * Checks `check` now and after each second of cluster time for up to `seconds` (in real time: until
 * `seconds` have passed on the clock, however long each check takes); fails with its last
 * complaint, and with what `explain` adds then (for example the state of the objects around).
 * `check` answers undefined when satisfied.
 */
export async function within(w: KWorld, seconds: number, what: string, check: () => Promise<string | undefined>, explain?: () => Promise<string>): Promise<void> {
  const virtual = w.driver.has('time');
  if (virtual) await call(w)('time.settle', {});
  const deadline = Date.now() + seconds * 1000;
  let missing = await check();
  for (let s = 0; missing !== undefined && (virtual ? s < seconds : Date.now() < deadline); s++) {
    await passTime(w, 1000);
    missing = await check();
  }
  if (missing !== undefined) await w.mismatch(`${what}: not so within ${seconds} s`, what, explain ? `${missing}; ${await explain()}` : missing);
}

/** The name the implementation knows a scenario node by. */
export const nodeName = (w: KWorld, written: string) => scenarioObjects(w).objectName('Node', undefined, written);

/** The object, or undefined when it does not exist. */
export async function find(w: KWorld, kind: string, name: string, namespace?: string): Promise<KubeObject | undefined> {
  const s = scenarioObjects(w);
  const ns = namespace === undefined ? undefined : s.namespace(namespace);
  try {
    return (await w.driver.call('objects.get', { kind, namespace: ns, name: s.objectName(kind, namespace, name, true) })).object;
  } catch (e) {
    if ((e as { code?: string }).code === 'NotFound') return undefined;
    throw e;
  }
}

export async function mustFind(w: KWorld, kind: string, name: string, namespace?: string): Promise<KubeObject> {
  const o = await find(w, kind, name, namespace);
  if (!o) await w.mismatch(`${kind} ${name} does not exist`, name, 'NotFound');
  return o!;
}

type Status = { phase?: string; podIP?: string; hostIP?: string; conditions?: { type: string; status: string; reason?: string }[]; containerStatuses?: ContainerStatus[] };
export type ContainerStatus = { name: string; ready: boolean; restartCount: number; state: Record<string, { reason?: string; exitCode?: number } | undefined>; lastState?: Record<string, { reason?: string; exitCode?: number } | undefined> };

export const podStatus = (pod: KubeObject): Status => (pod.status ?? {}) as Status;
export const nodeOf = (pod: KubeObject): string | undefined => (pod.spec as { nodeName?: string } | undefined)?.nodeName;

/** The node a scenario pod is bound to, as the scenario wrote its name. */
export async function boundNode(w: KWorld, pod: string, namespace: string): Promise<string> {
  const node = nodeOf(await mustFind(w, 'Pod', pod, namespace));
  if (!node) await w.mismatch(`pod ${pod} is not bound to a node`, 'a node', 'none');
  return scenarioObjects(w).inbound(node!);
}

/** `Ready=True`, or `Ready` missing. */
export function conditionOf(o: KubeObject, type: string): string {
  const c = ((o.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []).find((x) => x.type === type);
  return c ? c.status : 'missing';
}
