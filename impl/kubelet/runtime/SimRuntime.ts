// A simulated CRI runtime for one node: pod sandboxes (a pause container holding the pod's network,
// IPC and UTS namespaces and its IP), an image store whose pulls take time, and containers that run
// the sim program of their command (program/parseSimProgram.ts). Methods follow the CRI
// RuntimeService/ImageService; every one that depends on time takes `now` (ms), and state at a time
// is derived from timestamps, so the runtime sets no timers. Containers started on the node by
// something else (`addForeignContainer`, like `docker run`) are visible only in hostContainers():
// the CRI listings return only what this runtime created for the kubelet.
import { createHash } from 'node:crypto';
import { aggregateMessage } from '../../labels/fieldError.ts';
import { parseSimProgram } from '../program/parseSimProgram.ts';
import { exitOf, type SimProgram } from '../program/SimProgram.ts';
import { logLines, renderLogs, type LogOptions } from './containerLogs.ts';
import { execCommand, type ExecResult } from './execCommand.ts';
import { canonicalImage, ImageStore, simpleRegistry, type CachedImage, type ImageSpec, type PullProgress } from './ImageStore.ts';
import type { PodIpAllocator } from './PodIpAllocator.ts';
import { RuntimeError, type ContainerConfig, type ContainerState, type ContainerStatus, type PodSandboxConfig, type PodSandboxStatus } from './criTypes.ts';

export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10';

export interface SimRuntimeOptions {
  nodeName: string;
  /** The node's address: the pod IP of host-network pods. */
  hostIP: string;
  ipAllocator: PodIpAllocator;
  /** How images are served; default simpleRegistry() (1 s, 50 MiB, tag `nonexistent` missing). */
  registry?: (ref: string) => ImageSpec;
  /** Cached from the start (the pause image always is). */
  preloadedImages?: string[];
  /** The scheme of container IDs (`containerd://…`). */
  runtimeName?: string;
}

interface Sandbox {
  id: string;
  config: PodSandboxConfig;
  createdAt: number;
  ip: string;
  ready: boolean;
}

interface SimContainer {
  id: string;
  sandboxId: string;
  config: ContainerConfig;
  image: string;
  imageRef: string;
  program: SimProgram;
  createdAt: number;
  startedAt?: number;
  /** When and how the process ends, once known (its program's exit, or a stop). */
  exit?: { at: number; exitCode: number; reason?: string };
}

interface ForeignContainer {
  id: string;
  name: string;
  image: string;
  startedAt: number;
}

export class SimRuntime {
  readonly images: ImageStore;
  readonly runtimeName: string;
  private readonly sandboxes = new Map<string, Sandbox>();
  private readonly containers = new Map<string, SimContainer>();
  private readonly foreign: ForeignContainer[] = [];
  private seq = 0;

  constructor(readonly options: SimRuntimeOptions) {
    this.runtimeName = options.runtimeName ?? 'containerd';
    this.images = new ImageStore(options.registry ?? simpleRegistry());
    for (const ref of [PAUSE_IMAGE, ...(options.preloadedImages ?? [])]) this.images.preload(ref);
  }

  // --- sandboxes ---------------------------------------------------------------------------

  /** Starts the pause container and sets up the network; throws RuntimeError when no IP is left. */
  runPodSandbox(config: PodSandboxConfig, now: number): string {
    const id = this.newId('sandbox');
    let ip = this.options.hostIP;
    if (!config.hostNetwork) {
      try {
        ip = this.options.ipAllocator.allocate(id);
      } catch (e) {
        throw new RuntimeError('Unknown', `failed to setup network for sandbox "${id}": plugin type="host-local" failed (add): ${(e as Error).message}`);
      }
    }
    this.sandboxes.set(id, { id, config, createdAt: now, ip, ready: true });
    return id;
  }

  /** Kills the sandbox's containers at once and tears its network down; idempotent. */
  stopPodSandbox(id: string, now: number): void {
    const sandbox = this.sandboxes.get(id);
    if (!sandbox) return;
    for (const c of this.containers.values()) if (c.sandboxId === id) this.stopContainer(c.id, 0, now);
    if (sandbox.ready && !sandbox.config.hostNetwork) this.options.ipAllocator.release(id);
    sandbox.ready = false;
  }

  /** Removes a sandbox and its containers (stopping them first); idempotent. */
  removePodSandbox(id: string, now: number): void {
    this.stopPodSandbox(id, now);
    for (const c of [...this.containers.values()]) if (c.sandboxId === id) this.containers.delete(c.id);
    this.sandboxes.delete(id);
  }

  podSandboxStatus(id: string): PodSandboxStatus {
    const s = this.sandbox(id);
    return {
      id,
      metadata: s.config.metadata,
      state: s.ready ? 'SANDBOX_READY' : 'SANDBOX_NOTREADY',
      createdAt: s.createdAt,
      network: { ip: s.ready ? s.ip : '' },
      namespaces: this.namespacesOf(s),
      labels: s.config.labels ?? {},
    };
  }

  listPodSandbox(filter: { labels?: Record<string, string> } = {}): PodSandboxStatus[] {
    return [...this.sandboxes.keys()].map((id) => this.podSandboxStatus(id)).filter((s) => matches(s.labels, filter.labels));
  }

  // --- images ------------------------------------------------------------------------------

  pullImage(ref: string, now: number): PullProgress {
    return this.images.pull(ref, now);
  }

  imageStatus(ref: string): CachedImage | undefined {
    return this.images.status(ref);
  }

  listImages(): CachedImage[] {
    return this.images.list();
  }

  // --- containers --------------------------------------------------------------------------

  /** Creates a container from a cached image; throws RuntimeError for a bad sandbox, image or program. */
  createContainer(sandboxId: string, config: ContainerConfig, now: number): string {
    const sandbox = this.sandbox(sandboxId);
    if (!sandbox.ready) throw new RuntimeError('FailedPrecondition', `sandbox ${sandboxId} is not ready`);
    const image = this.images.status(config.image);
    if (!image) throw new RuntimeError('NotFound', `failed to get image "${canonicalImage(config.image)}": not found`);
    const parsed = parseSimProgram(config, config.fieldPath ?? 'container');
    if (!parsed.ok) throw new RuntimeError('InvalidArgument', aggregateMessage(parsed.errors));
    const id = this.newId('container');
    this.containers.set(id, { id, sandboxId, config, image: canonicalImage(config.image), imageRef: image.repoDigests[0], program: parsed.program, createdAt: now });
    return id;
  }

  startContainer(id: string, now: number): void {
    const c = this.container(id);
    if (c.startedAt !== undefined) throw new RuntimeError('FailedPrecondition', `container ${id} is already started`);
    c.startedAt = now;
    const exit = exitOf(c.program, c.config.metadata.attempt);
    if (exit) c.exit = { at: now + exit.afterMs, exitCode: exit.exitCode, reason: exit.reason };
  }

  /**
   * Sends SIGTERM, then SIGKILL after `timeoutSeconds`: the process ends when its program's on-term
   * says, or at the deadline with 137. A created container is marked exited at once; an exited one
   * is left alone.
   */
  stopContainer(id: string, timeoutSeconds: number, now: number): void {
    const c = this.container(id);
    if (this.stateOf(c, now) === 'CONTAINER_EXITED') return;
    if (c.startedAt === undefined) c.startedAt = now;
    const deadline = now + Math.max(0, timeoutSeconds) * 1000;
    const term = c.program.onTerm;
    const graceful = !term.ignore && now + term.afterMs <= deadline;
    const at = graceful ? now + term.afterMs : deadline;
    if (!c.exit || c.exit.at > at) c.exit = { at, exitCode: graceful ? term.exitCode : 137 };
  }

  /** Removes an exited container; a running one is killed first. */
  removeContainer(id: string, now: number): void {
    if (!this.containers.has(id)) return;
    this.stopContainer(id, 0, now);
    this.containers.delete(id);
  }

  listContainers(filter: { podSandboxId?: string; labels?: Record<string, string> } = {}, now: number): ContainerStatus[] {
    const out: ContainerStatus[] = [];
    for (const c of this.containers.values())
      if ((!filter.podSandboxId || c.sandboxId === filter.podSandboxId) && matches(c.config.labels ?? {}, filter.labels)) out.push(this.statusOf(c, now));
    return out;
  }

  containerStatus(id: string, now: number): ContainerStatus {
    return this.statusOf(this.container(id), now);
  }

  /** The earliest time after `now` when a container of the sandbox exits by itself, if any. */
  nextExitAt(sandboxId: string, now: number): number | undefined {
    let next: number | undefined;
    for (const c of this.containers.values())
      if (c.sandboxId === sandboxId && c.exit && c.exit.at > now && (next === undefined || c.exit.at < next)) next = c.exit.at;
    return next;
  }

  /** The program a container runs (the prober reads readiness, liveness and startup from it). */
  programOf(id: string): SimProgram {
    return this.container(id).program;
  }

  /** The container's output up to now (or its exit). */
  readLogs(id: string, now: number, options: LogOptions = {}): string {
    const c = this.container(id);
    if (c.startedAt === undefined) return '';
    return renderLogs(logLines(c.program, c.startedAt, Math.min(now, c.exit?.at ?? now)), options);
  }

  /** Runs a tiny command set in a running container; throws RuntimeError when it is not running. */
  execSync(id: string, cmd: readonly string[], now: number): ExecResult {
    const c = this.container(id);
    if (this.stateOf(c, now) !== 'CONTAINER_RUNNING') throw new RuntimeError('FailedPrecondition', `container ${id} is not running`);
    const s = this.sandbox(c.sandboxId);
    const hostname = s.config.hostname ?? s.config.metadata.name;
    const env = [{ key: 'PATH', value: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' }, { key: 'HOSTNAME', value: hostname }, ...(c.config.envs ?? [])];
    return execCommand(cmd, { hostname, podIP: s.ip, env, files: { '/etc/resolv.conf': resolvConfText(s.config.dnsConfig), '/etc/hostname': `${hostname}\n` } });
  }

  // --- the node beyond the CRI ---------------------------------------------------------------

  /** A container started on the node outside the kubelet (e.g. `docker run`); never listed by the CRI calls. */
  addForeignContainer(name: string, image: string, now: number): string {
    const id = this.newId('foreign');
    this.foreign.push({ id, name, image, startedAt: now });
    return id;
  }

  /** Every process tree on the node, as `ps` on the host would show: pause containers, CRI containers, foreign ones. */
  hostContainers(now: number): { id: string; name: string; image: string; state: ContainerState; managedBy: 'cri' | 'foreign' }[] {
    return [
      ...[...this.sandboxes.values()].map((s) => ({ id: s.id, name: `POD_${s.config.metadata.name}`, image: PAUSE_IMAGE, state: (s.ready ? 'CONTAINER_RUNNING' : 'CONTAINER_EXITED') as ContainerState, managedBy: 'cri' as const })),
      ...[...this.containers.values()].map((c) => ({ id: c.id, name: c.config.metadata.name, image: c.image, state: this.stateOf(c, now), managedBy: 'cri' as const })),
      ...this.foreign.map((f) => ({ id: f.id, name: f.name, image: f.image, state: 'CONTAINER_RUNNING' as const, managedBy: 'foreign' as const })),
    ];
  }

  // --- internals ---------------------------------------------------------------------------

  private statusOf(c: SimContainer, now: number): ContainerStatus {
    const state = this.stateOf(c, now);
    const exited = state === 'CONTAINER_EXITED' ? c.exit! : undefined;
    return {
      id: c.id,
      podSandboxId: c.sandboxId,
      metadata: c.config.metadata,
      state,
      createdAt: c.createdAt,
      startedAt: c.startedAt,
      finishedAt: exited?.at,
      exitCode: exited?.exitCode,
      reason: exited ? (exited.reason ?? (exited.exitCode === 0 ? 'Completed' : 'Error')) : undefined,
      image: c.image,
      imageRef: c.imageRef,
      labels: c.config.labels ?? {},
      annotations: c.config.annotations ?? {},
      namespaces: { ...this.namespacesOf(this.sandbox(c.sandboxId)), ...(this.sandbox(c.sandboxId).config.shareProcessNamespace ? {} : { pid: `/proc/${c.id.slice(0, 12)}/ns/pid` }) },
    };
  }

  private stateOf(c: SimContainer, now: number): ContainerState {
    if (c.startedAt === undefined) return 'CONTAINER_CREATED';
    return c.exit && c.exit.at <= now ? 'CONTAINER_EXITED' : 'CONTAINER_RUNNING';
  }

  /** The namespaces the pause container holds; every container of the pod joins them. */
  private namespacesOf(s: Sandbox) {
    const ns = (kind: string) => (s.config.hostNetwork && kind === 'network' ? 'host' : `/proc/${s.id.slice(0, 12)}/ns/${kind}`);
    return { network: ns('network'), ipc: ns('ipc'), uts: ns('uts'), pid: ns('pid') };
  }

  private sandbox(id: string): Sandbox {
    const s = this.sandboxes.get(id);
    if (!s) throw new RuntimeError('NotFound', `an error occurred when try to find sandbox: not found: ${id}`);
    return s;
  }

  private container(id: string): SimContainer {
    const c = this.containers.get(id);
    if (!c) throw new RuntimeError('NotFound', `an error occurred when try to find container "${id}": not found`);
    return c;
  }

  private newId(kind: string): string {
    return createHash('sha256').update(`${this.options.nodeName}/${kind}/${this.seq++}`).digest('hex');
  }
}

const matches = (labels: Record<string, string>, want: Record<string, string> | undefined) => !want || Object.entries(want).every(([k, v]) => labels[k] === v);

/** resolv.conf as containerd writes it from the CRI DNSConfig. */
export function resolvConfText(dns: PodSandboxConfig['dnsConfig']): string {
  if (!dns) return '';
  const lines = [...(dns.searches?.length ? [`search ${dns.searches.join(' ')}`] : []), ...(dns.servers ?? []).map((s) => `nameserver ${s}`)];
  if (dns.options?.length) lines.push(`options ${dns.options.join(' ')}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
