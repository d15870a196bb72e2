// The reference control plane as running components: the API server (on a Store only it holds),
// optionally served over HTTP, and the registered components, each talking to it through its own
// ApiClient. Under virtual time everything runs on a SeededScheduler (deterministic for a seed,
// with the memory store); under real time on a RealScheduler and the wall clock.
import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import { memoryStore, type Store } from '../store/index.ts';
import { createApiHandler, REAL_ENV, selfSignedCertificate, simulatedEnv, startApiServer, type ApiHandler, type KubeletDialer, type RunningApiServer, type ServingCertificate } from '../apiserver/index.ts';
import { RealClock, RealScheduler, SeededScheduler, seededRandom, type Clock, type Tasks } from '../clock/index.ts';
import { RestClient, httpTransport, inProcessTransport, type ApiClient, type Transport } from '../client/index.ts';
import { startComponent, type ComponentDefinition, type ComponentDeps, type RunningComponent, type StartedComponent } from './Component.ts';
import { COMPONENT_NAMES, componentsNamed } from './components.ts';
import { recordingStore } from './recordingStore.ts';
import { API_SERVER, runAs } from './actor.ts';
import { Trace, type TraceOptions } from './Trace.ts';
import { tracedHandler } from './tracedHandler.ts';

export interface ControlPlaneOptions {
  /** Default: a new memory store (closed on stop). A given store is left open. */
  store?: Store;
  /** Default `virtual`. */
  clock?: 'virtual' | 'real';
  /** Seeds the task order, the server's uids and generated names, and the scheduler's ties (default 1). */
  seed?: number;
  /** Virtual start time (ms since the epoch). */
  startTime?: number;
  /** Registered names and/or extra definitions (default: every registered component). */
  components?: readonly (string | ComponentDefinition)[];
  /**
   * Also serve the API over HTTP (port 0: a free one; host default 127.0.0.1); with `tls`, HTTPS
   * (true: a self-signed certificate made with openssl; kubectl sends tokens only over HTTPS).
   */
  http?: { port?: number; host?: string; tls?: boolean | ServingCertificate };
  /** Components reach the API server over HTTP instead of in process (needs `http`). */
  componentsOverHttp?: boolean;
  /** The admin bearer token (default: 32 random bytes, hex). */
  adminToken?: string;
  /** Requests without a token act as the admin (default true). */
  anonymousAdmin?: boolean;
  trace?: TraceOptions;
  /** Also gets each component's errors (they always go into the trace), e.g. to log them. */
  onComponentError?: (actor: string, message: string) => void;
  /**
   * How the API server reaches kubelets for pods/log and pods/exec (default: the running kubelet
   * component's, in process). Set when the kubelets run in another process.
   */
  kubelets?: KubeletDialer;
  /** Virtual time: the task budget of one settle(). */
  maxTasks?: number;
  /** Virtual time: real ms settle() waits for outside I/O (use with the etcd store). */
  quietMs?: number;
}

/** The User-Agent of `ControlPlane.client`. */
export const ADMIN_USER_AGENT = 'kconform';


export class ControlPlane {
  private constructor(
    /** The admin's client (User-Agent `kconform`). */
    readonly client: ApiClient,
    /** The API server's request handling, traced; anonymous requests act as admin when allowed. */
    readonly handler: ApiHandler,
    readonly clock: Clock,
    readonly tasks: Tasks,
    readonly trace: Trace,
    /** The store as the API server holds it (calls recorded in the trace). */
    readonly store: Store,
    readonly adminToken: string,
    /** The HTTP address, when serving HTTP. */
    readonly url: string | undefined,
    /** The serving certificate (PEM), when serving HTTPS: the CA clients must trust. */
    readonly caCert: string | undefined,
    private readonly scheduler: SeededScheduler | RealScheduler,
    private readonly started: StartedComponent[],
    private readonly cleanup: (() => Promise<void> | void)[],
  ) {}

  /** Names of the running components, in start order. */
  get components(): string[] {
    return this.started.map((s) => s.name);
  }

  /** What a running component's start() returned (e.g. the kubelet fleet), or undefined. */
  component<T extends RunningComponent = RunningComponent>(name: string): T | undefined {
    return this.started.find((s) => s.name === name)?.running as T | undefined;
  }

  get virtual(): boolean {
    return this.scheduler instanceof SeededScheduler;
  }

  static async start(options: ControlPlaneOptions = {}): Promise<ControlPlane> {
    const virtual = (options.clock ?? 'virtual') === 'virtual';
    const seed = options.seed ?? 1;
    const cleanup: (() => Promise<void> | void)[] = [];
    let trace: Trace | undefined;
    const onError = (error: unknown, lane: string, name: string) =>
      trace?.record({ kind: 'error', actor: lane, message: `${name}: ${error instanceof Error ? error.message : String(error)}` });
    const scheduler = virtual ? new SeededScheduler({ seed, start: options.startTime, maxTasks: options.maxTasks, quietMs: options.quietMs, onError }) : new RealScheduler(onError);
    const clock: Clock = scheduler instanceof SeededScheduler ? scheduler.clock : new RealClock();
    trace = new Trace(() => clock.now(), options.trace);
    const serverRandom = seededRandom(seed ^ 0x2545f491);
    const componentRandom = seededRandom(seed ^ 0x68e31da4);
    const randomBytes = virtual ? (n: number) => Uint8Array.from({ length: n }, () => Math.floor(componentRandom() * 256)) : (n: number) => new Uint8Array(cryptoRandomBytes(n));

    const baseStore = options.store ?? memoryStore();
    if (!options.store) cleanup.push(() => baseStore.close());
    const store = trace.recordsStore ? recordingStore(baseStore, trace) : baseStore;
    const adminToken = options.adminToken ?? Buffer.from(virtual ? randomBytes(32) : cryptoRandomBytes(32)).toString('hex');
    const authentication = { adminToken, anonymousAdmin: options.anonymousAdmin ?? true };
    const started: StartedComponent[] = [];
    const kubelets = options.kubelets ?? ((node: string) => started.map((s) => s.running?.kubeletApi?.(node)).find(Boolean));
    const handler = tracedHandler(await runAs(API_SERVER, () => createApiHandler(store, { authentication, kubelets, env: virtual ? simulatedEnv(() => clock.now(), serverRandom) : REAL_ENV })), trace);

    let server: RunningApiServer | undefined;
    let certificate: ServingCertificate | undefined;
    if (options.http) {
      const host = options.http.host ?? '127.0.0.1';
      const tls = options.http.tls;
      certificate = tls === true ? await selfSignedCertificate([host, '127.0.0.1', 'localhost']) : tls || undefined;
      server = await startApiServer({ store, handler, port: options.http.port, host, tls: certificate });
      cleanup.unshift(() => server!.close());
    }
    let transport: Transport = inProcessTransport(handler);
    if (options.componentsOverHttp) {
      if (!server) throw new RangeError('ControlPlane.start: componentsOverHttp needs `http`');
      const http = httpTransport({ url: server.url, ca: certificate?.cert });
      cleanup.unshift(() => http.close());
      transport = http;
    }
    const clientFor = (userAgent: string, tasks: Tasks) => new RestClient({ transport, userAgent, token: adminToken, tasks });
    const client = clientFor(ADMIN_USER_AGENT, scheduler);
    const definitions = (options.components ?? COMPONENT_NAMES).map((c) => (typeof c === 'string' ? componentsNamed([c])[0] : c));
    const plane = new ControlPlane(client, handler, clock, scheduler, trace, store, adminToken, server?.url, certificate?.cert, scheduler, started, cleanup);
    for (const def of definitions) await plane.startComponent(def, { clientFor, randomBytes }, options.onComponentError);
    await plane.settle();
    return plane;
  }

  /** Runs until no component has work left (virtual: seeded; real: until quiet for a moment). */
  async settle(): Promise<void> {
    if (this.scheduler instanceof SeededScheduler) {
      await this.scheduler.settle();
      return;
    }
    for (;;) {
      const before = this.scheduler.tasksRun;
      await this.scheduler.settle();
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (this.scheduler.tasksRun === before) return;
    }
  }

  /** Virtual: moves time forward by `ms` firing timers in order; real: waits `ms`, then settles. */
  async advance(ms: number): Promise<void> {
    if (this.scheduler instanceof SeededScheduler) return this.scheduler.advance(ms);
    await new Promise((resolve) => setTimeout(resolve, ms));
    await this.settle();
  }

  /** Stops the components (last started first), the HTTP server and, if it made it, the store. */
  async stop(): Promise<void> {
    for (const s of this.started.splice(0).reverse()) await s.stop();
    for (const fn of this.cleanup.splice(0)) await fn();
  }

  private async startComponent(def: ComponentDefinition, deps: Pick<ComponentDeps, 'clientFor' | 'randomBytes'>, onError?: ControlPlaneOptions['onComponentError']): Promise<void> {
    if (this.started.some((s) => s.name === def.name)) throw new RangeError(`ControlPlane.start: component ${def.name} given twice`);
    this.started.push(await startComponent(def, {
      ...deps,
      clock: this.clock,
      tasks: this.tasks,
      onError: (actor, message) => {
        this.trace.record({ kind: 'error', actor, message });
        onError?.(actor, message);
      },
    }));
  }
}


