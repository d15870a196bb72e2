// One node's simulated kubelet: a SimRuntime and a KubeletCore, a watch on the pods bound to the
// node (fieldSelector spec.nodeName), one timer per pod at its next wake-up, status written back
// through the API, terminated deleting pods deleted, and heartbeats (Lease renewals, node status).
// All of its work runs in one lane, `kubelet/<node>`, so a node's kubelet does one thing at a time.
//
// Modes (the `faults` capability): `running`; `stopped` (the kubelet process is down: no watch, no
// syncs, no heartbeats; containers keep running in the runtime); `partitioned` (cut off from the
// API server: no request at all, while pods keep being synced locally). Back to `running`, it lists
// its pods again, forgets the ones gone, resyncs all, and heartbeats at once.
import { EventRecorder, Informer, isNotFound, keyOf, TransportError, type KubeObject } from '../../client/index.ts';
import type { ComponentContext } from '../../controlplane/Component.ts';
import type { ContainerLogOptions, ExecOutput, KubeletAnswer, KubeletApi } from '../../apiserver/index.ts';
import { CLUSTER_DNS_IP } from '../../controllers/dns/dnsAddon.ts';
import { SimRuntime } from '../runtime/SimRuntime.ts';
import { CidrIpAllocator } from '../runtime/PodIpAllocator.ts';
import { KubeletCore } from '../sync/KubeletCore.ts';
import { syncPod } from '../sync/syncPod.ts';
import { cleanupPods } from '../sync/cleanupPods.ts';
import { execInPod, readPodLogs } from '../sync/containerIO.ts';
import { nodeStatus, type NodeStatus } from '../node/nodeStatus.ts';
import { nodeLease, microTime, NODE_LEASE_NAMESPACE } from '../node/nodeLease.ts';
import { planHeartbeat, type HeartbeatState } from '../node/planHeartbeat.ts';
import type { Pod } from '../types.ts';
import { redeclared, type NodeMachine } from './nodeMachine.ts';
import { canonical, statusChanged } from './canonical.ts';

export type KubeletMode = 'running' | 'stopped' | 'partitioned';

/** Upstream syncFrequency: every pod is synced at least this often. */
export const RESYNC_MS = 60_000;
/**
 * The first heartbeat comes this long after the kubelet starts (or resumes), so a creator that
 * writes the Node's status right after creating it is not raced by the kubelet.
 */
export const FIRST_HEARTBEAT_MS = 1000;

export class NodeAgent implements KubeletApi {
  readonly runtime: SimRuntime;
  readonly core: KubeletCore;
  mode: KubeletMode = 'running';
  private pods: Informer<Pod & KubeObject> | undefined;
  private readonly timers = new Map<string, () => void>();
  private heartbeat: HeartbeatState = {};
  private cancelHeartbeat: (() => void) | undefined;
  private leaseExists = false;
  /** The status this kubelet last posted. */
  private posted: NodeStatus | undefined;
  private readonly lane: string;
  private readonly events: EventRecorder;
  private closed = false;

  constructor(private readonly ctx: ComponentContext, private node: KubeObject, private machine: NodeMachine) {
    const { name, internalIP, podCIDR } = machine.config;
    this.lane = `kubelet/${name}`;
    this.runtime = new SimRuntime({ nodeName: name, hostIP: internalIP, ipAllocator: new CidrIpAllocator(podCIDR) });
    this.core = new KubeletCore(this.runtime, { nodeName: name, hostIPs: [internalIP], dns: { clusterDNS: [CLUSTER_DNS_IP] } });
    this.events = new EventRecorder(ctx.client, ctx.clock, 'kubelet');
  }

  get name(): string {
    return this.machine.config.name;
  }

  /** Starts watching pods and heartbeating (resolves once the pods are listed). */
  async connect(): Promise<void> {
    if (this.closed) return;
    this.mode = 'running';
    const pods = new Informer<Pod & KubeObject>(this.ctx.client, 'Pod', { fieldSelector: `spec.nodeName=${this.name}` }, this.ctx.clock);
    this.pods = pods;
    const sync = (pod: KubeObject) => this.enqueue(keyOf(pod));
    pods.on({ add: sync, update: (_, pod) => sync(pod), delete: sync });
    this.cancelHeartbeat = this.ctx.clock.setTimer(FIRST_HEARTBEAT_MS, () => this.enqueueHeartbeat(), `${this.lane} heartbeat`);
    await pods.start();
    const live = new Set(pods.list().map((p) => String(p.metadata.uid)));
    cleanupPods(this.core, live, this.ctx.clock.now());
    for (const key of [...this.timers.keys()]) if (!pods.get(key)) this.cancel(key);
  }

  /** `stopped` or `partitioned`: no more requests; `stopped` also ends local syncing. */
  disconnect(mode: Exclude<KubeletMode, 'running'>): void {
    this.mode = mode;
    this.pods?.stop();
    this.cancelHeartbeat?.();
    this.cancelHeartbeat = undefined;
    if (mode === 'stopped') for (const key of [...this.timers.keys()]) this.cancel(key);
  }

  /** The Node was deleted: everything stops for good. */
  close(): void {
    this.closed = true;
    this.disconnect('stopped');
  }

  /** The Node object changed (the kubelet fleet's node watch). */
  nodeChanged(node: KubeObject): void {
    this.node = node;
    this.machine = redeclared(this.machine, node, this.posted);
  }

  // --- pods --------------------------------------------------------------------------------

  private enqueue(key: string): void {
    this.ctx.tasks.enqueue(this.lane, `sync ${key}`, () => this.sync(key));
  }

  private cancel(key: string): void {
    this.timers.get(key)?.();
    this.timers.delete(key);
  }

  private async sync(key: string): Promise<void> {
    if (this.mode === 'stopped') return;
    const pod = this.pods?.get(key);
    const now = this.ctx.clock.now();
    this.cancel(key);
    if (!pod) {
      cleanupPods(this.core, new Set((this.pods?.list() ?? []).map((p) => String(p.metadata.uid))), now);
      return;
    }
    const result = syncPod(pod, this.core, now);
    this.timers.set(key, this.ctx.clock.setTimer(Math.min(result.nextWakeUp ?? Infinity, now + RESYNC_MS) - now, () => this.enqueue(key), `${this.lane} ${key}`));
    if (this.mode !== 'running') return;
    for (const e of result.events) await this.events.record(pod, e.type, e.reason, e.message).catch((error) => this.ctx.reportError(error, `${this.lane} event`));
    if (statusChanged(pod.status, result.status)) await this.write(() => this.ctx.client.patch('Pod', pod.metadata.namespace, String(pod.metadata.name), { status: result.status }, 'status'));
    if (result.terminated && pod.metadata.deletionTimestamp) await this.write(() => this.ctx.client.delete('Pod', pod.metadata.namespace, String(pod.metadata.name), { uid: pod.metadata.uid }));
  }

  /** A write through the API; a pod or node gone meanwhile is not an error. */
  private async write(fn: () => Promise<unknown>): Promise<void> {
    if (this.mode !== 'running') return;
    await fn().catch((error) => {
      if (!isNotFound(error)) throw error;
    });
  }

  // --- heartbeats ----------------------------------------------------------------------------

  private enqueueHeartbeat(): void {
    this.ctx.tasks.enqueue(this.lane, 'heartbeat', () => this.beat());
  }

  private async beat(): Promise<void> {
    if (this.mode !== 'running') return;
    const now = this.ctx.clock.now();
    const current = this.node.status?.conditions ? (canonical(this.node.status) as NodeStatus) : undefined;
    const status = (t: number) => canonical(nodeStatus(this.machine.config, this.runtime.listImages(), t, {}, current)) as NodeStatus;
    const plan = planHeartbeat({ ...this.heartbeat, lastReported: current }, now, (t) => this.withImages(status(t)));
    this.heartbeat = plan.state;
    this.cancelHeartbeat = this.ctx.clock.setTimer(plan.nextWakeUp - now, () => this.enqueueHeartbeat(), `${this.lane} heartbeat`);
    if (plan.renewLease) await this.renewLease(now);
    if (plan.postStatus) {
      this.posted = plan.postStatus;
      await this.write(() => this.ctx.client.patch('Node', undefined, this.name, { status: plan.postStatus }, 'status'));
    }
  }

  private withImages(status: NodeStatus): NodeStatus {
    return this.machine.declaredImages ? { ...status, images: this.machine.declaredImages } : status;
  }

  private async renewLease(now: number): Promise<void> {
    if (this.leaseExists) {
      try {
        await this.ctx.client.patch('Lease', NODE_LEASE_NAMESPACE, this.name, { spec: { holderIdentity: this.name, renewTime: microTime(now) } });
        return;
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    await this.ctx.client.create(nodeLease(this.name, this.node.metadata.uid, now)).catch((error) => {
      if (!(error instanceof Error && 'reason' in error && (error as { reason: string }).reason === 'AlreadyExists')) throw error;
    });
    this.leaseExists = true;
  }

  // --- the kubelet API (pods/log, pods/exec) ---------------------------------------------------

  private served<T>(uid: string, answer: (pod: Pod) => KubeletAnswer<T>): Promise<KubeletAnswer<T>> {
    if (this.mode !== 'running') return Promise.reject(new TransportError(`kubelet on ${this.name} is not reachable`));
    const pod = this.pods?.list().find((p) => p.metadata.uid === uid);
    return Promise.resolve(pod ? answer(pod) : { ok: false, message: `pod ${uid} not found` });
  }

  containerLogs(_namespace: string, _pod: string, uid: string, container: string, options: ContainerLogOptions): Promise<KubeletAnswer<string>> {
    const now = this.ctx.clock.now();
    const since = options.sinceTime ?? (options.sinceSeconds !== undefined ? now - options.sinceSeconds * 1000 : undefined);
    return this.served(uid, (pod) => readPodLogs(this.core, pod, container, { previous: options.previous, tailLines: options.tailLines, timestamps: options.timestamps, limitBytes: options.limitBytes, sinceTime: since }, now));
  }

  exec(_namespace: string, _pod: string, uid: string, container: string, command: string[]): Promise<KubeletAnswer<ExecOutput>> {
    return this.served(uid, (pod) => execInPod(this.core, pod, container, command, this.ctx.clock.now()));
  }
}
