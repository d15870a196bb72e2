// Components of the reference run outside the API server's process (`kconform component`): the
// named components started in real time against a remote API server, each through its own HTTP
// client with the given bearer token, as upstream's run with a kubeconfig.
import { randomBytes } from 'node:crypto';
import { RealClock, RealScheduler } from '../clock/index.ts';
import { RestClient, httpTransport } from '../client/index.ts';
import { startComponent, type RunningComponent, type StartedComponent } from './Component.ts';
import { componentsNamed } from './components.ts';

export interface RemoteApiServer {
  url: string;
  token: string;
  /** The CA to trust for an https URL. */
  ca?: string;
}

export interface ConnectedComponents {
  /** Names of the running components, in start order. */
  readonly components: string[];
  /** What a running component's start() returned, or undefined. */
  component<T extends RunningComponent = RunningComponent>(name: string): T | undefined;
  /** Stops them, last started first, and closes the connections. */
  stop(): Promise<void>;
}

/** Starts `names` (registry names) against `server`; resolves once each has synced its informers. */
export async function connectComponents(server: RemoteApiServer, names: readonly string[], onError: (component: string, message: string) => void): Promise<ConnectedComponents> {
  const definitions = componentsNamed(names);
  const scheduler = new RealScheduler((error, lane) => onError(lane, error instanceof Error ? error.message : String(error)));
  const transport = httpTransport({ url: server.url, ca: server.ca });
  const started: StartedComponent[] = [];
  const stop = async () => {
    for (const s of started.splice(0).reverse()) await s.stop();
    transport.close();
  };
  try {
    for (const def of definitions) {
      started.push(await startComponent(def, {
        clientFor: (userAgent, tasks) => new RestClient({ transport, userAgent, token: server.token, tasks }),
        clock: new RealClock(),
        tasks: scheduler,
        randomBytes: (n) => new Uint8Array(randomBytes(n)),
        onError,
      }));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    get components() {
      return started.map((s) => s.name);
    },
    component: <T extends RunningComponent>(name: string) => started.find((s) => s.name === name)?.running as T | undefined,
    stop,
  };
}
