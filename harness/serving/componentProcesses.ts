// The reference control plane's components as upstream runs them, one process per component of the
// layout it follows (spec/ports/layout-upstream.yaml): `kconform component <name>` for
// kube-controller-manager, kube-scheduler, kubelet and kube-proxy, each serving its own listeners
// (every port shifted by a base), supervised: one that dies is restarted; all stop with the caller.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { referenceLayout, layoutPort, layoutProcesses, kubeletApiPort, portRange, shiftLayout, API_SERVER_COMPONENT, ServeLayoutError, type PortLayout, type ServedListener } from '../../impl/ports/index.ts';
import { selfSignedCertificate } from '../../impl/apiserver/index.ts';

/** What a component process sends its parent over the IPC channel once it serves. */
export interface ComponentReady {
  ready: true;
  pid: number;
  components: string[];
  listeners: ServedListener[];
}

const CLI = fileURLToPath(new URL('../../bin/kconform.mjs', import.meta.url));
/** How long a component process may take to serve. */
const START_TIMEOUT_MS = 60_000;
/** Restarts of one component process before it is left down. */
const MAX_RESTARTS = 3;

export interface ComponentPlan {
  layout: PortLayout;
  portBase: number;
  host: string;
  /** Where the API server must listen. */
  apiPort: number;
  /** Where the kubelet process serves the kubelet API the API server calls. */
  kubeletUrl: string;
  /** For https listeners (and the API server); undefined with --insecure-http. */
  tls?: { key: string; cert: string };
}

/** Where everything goes for `portBase`; throws ServeLayoutError when a port would pass 65535. */
export async function planComponents(portBase: number, host: string, insecureHttp: boolean): Promise<ComponentPlan> {
  const layout = referenceLayout();
  const tooHigh = layout.components.find((l) => l.node === 'master' && portRange(l.port)[1] + portBase > 65535);
  if (tooHigh) throw new ServeLayoutError(`port base ${portBase} moves ${tooHigh.component}'s port ${tooHigh.port} past 65535`);
  const kubeletUrl = `${insecureHttp ? 'http' : 'https'}://${host}:${kubeletApiPort(layout) + portBase}`;
  const tls = insecureHttp ? undefined : await selfSignedCertificate([host, '127.0.0.1', 'localhost']);
  return { layout, portBase, host, apiPort: layoutPort(layout, API_SERVER_COMPONENT, portBase), kubeletUrl, tls };
}

export interface ComponentProcesses {
  /** Every master listener of the layout in its order: served (by whom) or why not. */
  listeners: ServedListener[];
  /** The process of each started component. */
  pids(): Record<string, number | undefined>;
  close(): Promise<void>;
}

/** One supervised `kconform component <name>`: its output on stderr prefixed with the name, restarted when it dies. */
class ComponentProcess {
  private child: ChildProcess | undefined;
  private stopping = false;
  private restarts = 0;

  constructor(readonly name: string, private readonly args: string[]) {}

  get pid(): number | undefined {
    return this.child?.exitCode === null ? this.child.pid : undefined;
  }

  /** Resolves once it serves, with what it serves; rejects with its output if it exits first. */
  start(): Promise<ComponentReady> {
    const child = spawn(process.execPath, [CLI, 'component', this.name, ...this.args], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    this.child = child;
    let output = '';
    // to stderr: stdout may be a protocol channel (`serve --stdio` serving ports)
    const relay = (chunk: Buffer) => {
      output = (output + chunk).slice(-4000);
      for (const line of String(chunk).split('\n').filter(Boolean)) process.stderr.write(`[${this.name}] ${line}\n`);
    };
    child.stdout!.on('data', relay);
    child.stderr!.on('data', relay);
    return new Promise((resolve, reject) => {
      let serving = false;
      const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`${this.name} did not serve within ${START_TIMEOUT_MS / 1000} s:\n${output}`))), START_TIMEOUT_MS);
      child.once('message', (message) => ((serving = true), clearTimeout(timer), resolve(message as ComponentReady)));
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        const why = `${this.name} (pid ${child.pid}) exited (${signal ?? `code ${code}`})`;
        if (!serving) reject(new Error(`${why} before serving:\n${output.trim()}`));
        else if (!this.stopping) this.restart(why);
      });
    });
  }

  /** It served, then died: started again, up to MAX_RESTARTS times. */
  private restart(why: string): void {
    if (this.restarts >= MAX_RESTARTS) return void console.error(`kconform: ${why}; restarted ${MAX_RESTARTS} times already, left down`);
    this.restarts++;
    console.error(`kconform: ${why}; restarting (${this.restarts} of ${MAX_RESTARTS})`);
    this.start().then(
      (ready) => console.error(`kconform: ${this.name} serves again (pid ${ready.pid})`),
      (error: Error) => this.stopping || console.error(`kconform: ${error.message}`),
    );
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(forced);
  }
}

/**
 * Starts every component process of the plan against the API server of `kubeconfig` (its TLS key
 * and certificate written beside it). Rejects with ServeLayoutError, stopping what started, if one
 * does not serve.
 */
export async function startComponentProcesses(plan: ComponentPlan, kubeconfig: string, served: { apiServer: string; etcd?: string }): Promise<ComponentProcesses> {
  const args = ['--kubeconfig', kubeconfig, '--port-base', String(plan.portBase), '--host', plan.host];
  if (plan.tls) {
    const cert = join(kubeconfig, '..', 'serving.crt');
    const key = join(kubeconfig, '..', 'serving.key');
    await writeFile(cert, plan.tls.cert, { mode: 0o600 });
    await writeFile(key, plan.tls.key, { mode: 0o600 });
    args.push('--tls-cert-file', cert, '--tls-private-key-file', key);
  }
  const processes = layoutProcesses().map((name) => new ComponentProcess(name, args));
  const close = async () => void (await Promise.all(processes.map((p) => p.stop())));
  const ready = await Promise.all(processes.map((p) => p.start())).catch(async (error: Error) => {
    await close();
    throw new ServeLayoutError(error.message);
  });
  const external: Record<string, string> = { [API_SERVER_COMPONENT]: served.apiServer, ...(served.etcd ? { etcd: served.etcd } : {}) };
  return { listeners: layoutListing(plan.layout, plan.portBase, external, ready.flatMap((r) => r.listeners)), pids: () => Object.fromEntries(processes.map((p) => [p.name, p.pid])), close };
}

/** The layout's master listeners shifted by `portBase`: served by a process, served elsewhere (`external`), or not served. */
function layoutListing(layout: PortLayout, portBase: number, external: Record<string, string>, fromProcesses: readonly ServedListener[]): ServedListener[] {
  return shiftLayout(layout, portBase).components
    .filter((l) => l.node === 'master')
    .map((l) => {
      const own = fromProcesses.find((p) => p.component === l.component && p.purpose === l.purpose);
      if (own) return own;
      const common = { node: l.node, component: l.component, port: l.port, scheme: l.scheme ?? 'none', purpose: l.purpose, paths: l.paths ?? [] };
      return external[l.component] ? { ...common, served: true, url: external[l.component] } : { ...common, served: false, reason: `the implementation runs no ${l.component}` };
    });
}

/** One line per listener: `kube-scheduler  10259  https://127.0.0.1:10259  /healthz /metrics` or why it is not served. */
export function describeListeners(listeners: readonly ServedListener[]): string[] {
  const width = Math.max(...listeners.map((l) => l.component.length));
  return listeners.map((l) => `  ${l.component.padEnd(width)}  ${String(l.port).padEnd(11)} ${l.served ? `${l.url}  ${l.paths.join(' ')}` : `not served: ${l.reason}`}`);
}
