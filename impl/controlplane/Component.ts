// What a control-plane component is, and what it gets to work with. A component talks to the
// cluster only through `ctx.client` (never a Store), keeps state in informers, does its work in
// work queues, and measures time on `ctx.clock`. See README.md for how to add one.
import type { Clock, Tasks } from '../clock/index.ts';
import type { KubeletApi } from '../apiserver/index.ts';
import { runAs } from './actor.ts';
import { EventRecorder, Informer, WorkQueue, type ApiClient, type KubeObject, type Selection, type WorkQueueOptions } from '../client/index.ts';

export interface ComponentContext {
  /** The registry name; also the client's User-Agent, so the trace attributes requests to it. */
  readonly name: string;
  readonly client: ApiClient;
  readonly clock: Clock;
  readonly tasks: Tasks;
  /** Random bytes: crypto in real time, seeded under virtual time (so runs replay). */
  randomBytes(n: number): Uint8Array;
  /** Events with source.component = name. */
  readonly events: EventRecorder;
  /** A new informer (add handlers, then `await start()`); stopped with the component. */
  informer<T extends KubeObject = KubeObject>(kind: string, selection?: Selection): Informer<T>;
  /** A new work queue named `<component>` (or `<component>/<options.name>`); shut down with the component. */
  queue(reconcile: WorkQueueOptions['reconcile'], options?: Partial<Omit<WorkQueueOptions, 'reconcile' | 'tasks' | 'clock'>>): WorkQueue;
  /** Records a failure in the trace (as an `error` entry). */
  reportError(error: unknown, where?: string): void;
}

export interface RunningComponent {
  stop?(): void | Promise<void>;
  /** A component that runs node agents serves each node's kubelet API here (pods/log, pods/exec). */
  kubeletApi?(nodeName: string): KubeletApi | undefined;
}

export interface ComponentDefinition {
  /** Unique; used in `components: [...]`, as User-Agent and in lane names. */
  name: string;
  description: string;
  /** Starts the component: resolves once its informers have synced. */
  start(ctx: ComponentContext): Promise<RunningComponent | void>;
}

export interface ComponentDeps {
  /** A client with this User-Agent delivering watch events through `tasks`. */
  clientFor(userAgent: string, tasks: Tasks): ApiClient;
  clock: Clock;
  tasks: Tasks;
  randomBytes(n: number): Uint8Array;
  onError(actor: string, message: string): void;
}

/** A started component: what its start() returned, and a stop() for it and everything its context created. */
export interface StartedComponent {
  name: string;
  running: RunningComponent | undefined;
  stop(): Promise<void>;
}

/** Starts `def` in a context of its own (see componentContext); resolves once its informers have synced. */
export async function startComponent(def: ComponentDefinition, deps: ComponentDeps): Promise<StartedComponent> {
  const { ctx, stop } = componentContext(def.name, deps);
  const running = (await runAs(def.name, () => def.start(ctx))) ?? undefined;
  return { name: def.name, running, stop: async () => (stop(), await running?.stop?.()) };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The context for one component, and a function that stops everything it created. Everything
 * the component runs (tasks, timers, watch deliveries) runs as actor `name`, so the trace can
 * attribute any Store call it made (FLOW-6).
 */
export function componentContext(name: string, deps: ComponentDeps): { ctx: ComponentContext; stop: () => void } {
  const tasks: Tasks = { enqueue: (lane, task, fn) => deps.tasks.enqueue(lane, task, () => runAs(name, fn)), random: () => deps.tasks.random() };
  const clock: Clock = {
    now: () => deps.clock.now(),
    setTimer: (ms, fn, timer) => deps.clock.setTimer(ms, () => runAs(name, fn), timer),
    sleep: (ms) => deps.clock.sleep(ms),
  };
  const client = deps.clientFor(name, tasks);
  const informers: Informer<any>[] = [];
  const queues: WorkQueue[] = [];
  const reportError = (error: unknown, where?: string) => deps.onError(name, where ? `${where}: ${messageOf(error)}` : messageOf(error));
  const ctx: ComponentContext = {
    name,
    client,
    clock,
    tasks,
    randomBytes: deps.randomBytes,
    events: new EventRecorder(client, clock, name),
    informer(kind, selection = {}) {
      const informer = new Informer<any>(client, kind, selection, clock);
      informers.push(informer);
      return informer;
    },
    queue(reconcile, options = {}) {
      const queueName = options.name ? `${name}/${options.name}` : name;
      const queue = new WorkQueue({ ...options, name: queueName, tasks, clock, reconcile, onError: (key, error) => reportError(error, `${queueName} ${key}`) });
      queues.push(queue);
      return queue;
    },
    reportError,
  };
  return {
    ctx,
    stop() {
      for (const q of queues) q.shutdown();
      for (const i of informers) i.stop();
    },
  };
}
