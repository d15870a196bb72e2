// One sync of one pod, like upstream's pod worker: act on probe results, create the sandbox,
// start or restart containers (init containers first, in order), stop what must stop (deletion,
// a finished pod), then generate the status. Idempotent: calling it again at the same `now` with
// the same pod does nothing more and returns the same status. The caller syncs again at
// `nextWakeUp` (and on every pod event).
import type { ContainerStatus as CriStatus } from '../runtime/criTypes.ts';
import { RuntimeError } from '../runtime/criTypes.ts';
import { podDnsConfig } from '../../dns/index.ts';
import { apiContainerStatus, type ContainerFacts } from '../status/apiContainerStatus.ts';
import { generatePodStatus } from '../status/generatePodStatus.ts';
import { isRestartableInit, type Container, type Pod, type PodStatus } from '../types.ts';
import { LABEL_POD_NAME, LABEL_POD_NAMESPACE, LABEL_POD_UID, type KubeletCore } from './KubeletCore.ts';
import { startContainer, type KubeletEvent, type SyncContext } from './startContainer.ts';

export interface SyncResult {
  status: PodStatus;
  /** When to sync again (ms), if anything is due: an exit, a probe result, a back-off or pull ending. */
  nextWakeUp?: number;
  /** The pod is being deleted and nothing of it runs any more: the deletion may be completed. */
  terminated: boolean;
  /** What happened in this sync, for the component to record as Events. */
  events: KubeletEvent[];
}

/** Retry delay after a sandbox could not be created (no IP left, …). */
export const SANDBOX_RETRY_MS = 10_000;
/** Bound on start passes in one sync; a start passes at most init containers + 2 (first restart, then back-off). */
const MAX_PASSES = 16;

const isTerminal = (phase: string | undefined) => phase === 'Succeeded' || phase === 'Failed';

export function syncPod(pod: Pod, kubelet: KubeletCore, now: number): SyncResult {
  const uid = pod.metadata.uid ?? `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
  const rec = kubelet.record(uid, now);
  let wakeAt = Infinity;
  const ctx: SyncContext = { pod, kubelet, rec, now, events: [], wake: (t) => void (t > now && t < wakeAt && (wakeAt = t)) };
  const inits = pod.spec.initContainers ?? [];
  const all: [Container, string, string][] = [
    ...inits.map((c, i): [Container, string, string] => [c, `spec.initContainers{${c.name}}`, `spec.initContainers[${i}]`]),
    ...pod.spec.containers.map((c, i): [Container, string, string] => [c, `spec.containers{${c.name}}`, `spec.containers[${i}]`]),
  ];
  const deleting = pod.metadata.deletionTimestamp !== undefined;
  const finished = isTerminal(rec.lastStatus?.phase) || isTerminal(pod.status?.phase);

  for (const [c, field] of all) runProbes(ctx, c, field);
  if (deleting || finished) stopAll(ctx, all, deleting);
  else if (ensureSandbox(ctx)) {
    // A container can exit the instant it starts (`true`, `exit 0`), and a probe of a new instance can
    // have a tick due now that kills it: look again until nothing more starts or is killed.
    for (let round = 0; round < MAX_PASSES; round++) {
      for (let pass = 0; pass < MAX_PASSES && syncContainers(ctx, inits, all); pass++) {}
      if (!all.map(([c, field]) => runProbes(ctx, c, field)).includes(true)) break;
    }
  }
  const allStopped = () => all.every(([c]) => latestOf(ctx, c.name)?.state !== 'CONTAINER_RUNNING');
  if ((deleting || finished) && allStopped() && rec.sandboxId) kubelet.runtime.stopPodSandbox(rec.sandboxId, now);
  const podIsTerminal = deleting && allStopped();
  let status = buildStatus(ctx, podIsTerminal);
  if (isTerminal(status.phase) && !finished && rec.sandboxId) {
    kubelet.runtime.stopPodSandbox(rec.sandboxId, now);
    status = buildStatus(ctx, podIsTerminal);
  }
  for (const [c] of all) wakeForProbes(ctx, c);
  if (rec.sandboxId) {
    const exit = kubelet.runtime.nextExitAt(rec.sandboxId, now);
    if (exit !== undefined) ctx.wake(exit);
  }
  rec.lastStatus = status;
  return { status, nextWakeUp: wakeAt === Infinity ? undefined : wakeAt, terminated: podIsTerminal, events: ctx.events };
}

const latestOf = (ctx: SyncContext, name: string): CriStatus | undefined => {
  const id = ctx.rec.containers.get(name)?.instances[0];
  return id === undefined ? undefined : ctx.kubelet.runtime.containerStatus(id, ctx.now);
};

/** Advances the running instance's probes; a failed liveness or startup probe kills it (once). True on a kill. */
function runProbes(ctx: SyncContext, c: Container, field: string): boolean {
  const cr = ctx.rec.containers.get(c.name);
  const p = cr?.probes;
  if (!p || latestOf(ctx, c.name)?.state !== 'CONTAINER_RUNNING' || cr.instances[0] !== p.containerId) return false;
  p.startup?.advance(ctx.now);
  const gate = p.startedGate();
  p.readiness?.advance(ctx.now, gate);
  p.liveness?.advance(ctx.now, gate);
  const failed = p.startup?.result === 'Failure' ? 'Startup' : p.liveness?.result === 'Failure' ? 'Liveness' : undefined;
  if (failed && !cr.probeKilled.has(p.containerId)) {
    cr.probeKilled.add(p.containerId);
    const probe = failed === 'Startup' ? c.startupProbe! : c.livenessProbe!;
    const grace = probe.terminationGracePeriodSeconds ?? ctx.pod.spec.terminationGracePeriodSeconds ?? 30;
    ctx.events.push({ type: 'Warning', reason: 'Unhealthy', message: `${failed} probe failed: the sim program is ${failed === 'Startup' ? 'not started' : 'unhealthy'}`, fieldPath: field });
    ctx.events.push({ type: 'Normal', reason: 'Killing', message: `Container ${c.name} failed ${failed.toLowerCase()} probe, will be restarted`, fieldPath: field });
    ctx.kubelet.runtime.stopContainer(p.containerId, grace, ctx.now);
    return true;
  }
  return false;
}

/** Asks for a sync when a probe of a running instance will change its result. */
function wakeForProbes(ctx: SyncContext, c: Container): void {
  const cr = ctx.rec.containers.get(c.name);
  const p = cr?.probes;
  if (!p || cr.probeKilled.has(p.containerId) || latestOf(ctx, c.name)?.state !== 'CONTAINER_RUNNING') return;
  const gate = p.startedGate();
  for (const t of [p.startup, p.readiness, p.liveness]) if (t) ctx.wake(t.nextChangeAt(t === p.startup ? undefined : gate));
}

/** Deletion or a finished pod: SIGTERM every running container with the pod's grace period. */
function stopAll(ctx: SyncContext, all: [Container, string, string][], deleting: boolean): void {
  const grace = (deleting ? ctx.pod.metadata.deletionGracePeriodSeconds : undefined) ?? ctx.pod.spec.terminationGracePeriodSeconds ?? 30;
  for (const [c, field] of all) {
    const latest = latestOf(ctx, c.name);
    if (latest?.state !== 'CONTAINER_RUNNING') continue;
    const cr = ctx.kubelet.container(ctx.rec, c.name);
    if (cr.stopping === latest.id) continue;
    cr.stopping = latest.id;
    ctx.events.push({ type: 'Normal', reason: 'Killing', message: `Stopping container ${c.name}`, fieldPath: field });
    ctx.kubelet.runtime.stopContainer(latest.id, grace, ctx.now);
  }
}

/** The pod's sandbox, created on first need; false while it cannot be made. */
function ensureSandbox(ctx: SyncContext): boolean {
  const { rec, pod, kubelet, now } = ctx;
  if (rec.sandboxId !== undefined) return true;
  const dns = kubelet.config.dns && podDnsConfig(pod as never, kubelet.config.dns);
  try {
    rec.sandboxId = kubelet.runtime.runPodSandbox(
      {
        metadata: { name: pod.metadata.name ?? '', namespace: pod.metadata.namespace ?? 'default', uid: rec.uid, attempt: 0 },
        hostname: pod.spec.hostname ?? pod.metadata.name,
        hostNetwork: pod.spec.hostNetwork === true,
        shareProcessNamespace: pod.spec.shareProcessNamespace === true,
        dnsConfig: dns && { servers: dns.nameservers, searches: dns.searches, options: dns.options.map((o) => (o.value === undefined ? o.name : `${o.name}:${o.value}`)) },
        labels: { [LABEL_POD_UID]: rec.uid, [LABEL_POD_NAME]: pod.metadata.name ?? '', [LABEL_POD_NAMESPACE]: pod.metadata.namespace ?? 'default' },
      },
      now,
    );
    return true;
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    ctx.events.push({ type: 'Warning', reason: 'FailedCreatePodSandBox', message: `Failed to create pod sandbox: ${e.message}` });
    ctx.wake(now + SANDBOX_RETRY_MS);
    return false;
  }
}

/**
 * Init containers in order (each must succeed, a sidecar must have started), then all containers.
 * True when something started that has already exited (another pass is due).
 */
function syncContainers(ctx: SyncContext, inits: Container[], all: [Container, string, string][]): boolean {
  const policy = ctx.pod.spec.restartPolicy ?? 'Always';
  const killedByProbe = (c: Container, id: string) => ctx.rec.containers.get(c.name)?.probeKilled.has(id) ?? false;
  for (const [c, field, path] of all.slice(0, inits.length)) {
    const latest = latestOf(ctx, c.name);
    if (isRestartableInit(c)) {
      if (latest?.state === 'CONTAINER_RUNNING') {
        if (ctx.rec.containers.get(c.name)?.probes?.startedGate() === Infinity) return false;
        continue;
      }
      return startedAndExited(ctx, c, field, path);
    }
    if (latest?.state === 'CONTAINER_EXITED' && latest.exitCode === 0) continue;
    if (latest?.state === 'CONTAINER_RUNNING') return false;
    if (latest?.state === 'CONTAINER_EXITED' && policy === 'Never') return false;
    return startedAndExited(ctx, c, field, path);
  }
  let again = false;
  for (const [c, field, path] of all.slice(inits.length)) {
    const latest = latestOf(ctx, c.name);
    if (latest?.state === 'CONTAINER_RUNNING') continue;
    if (latest?.state === 'CONTAINER_EXITED') {
      const failed = latest.exitCode !== 0 || killedByProbe(c, latest.id);
      if (policy === 'Never' || (policy === 'OnFailure' && !failed)) continue;
    }
    again = startedAndExited(ctx, c, field, path) || again;
  }
  return again;
}

function startedAndExited(ctx: SyncContext, c: Container, field: string, path: string): boolean {
  return startContainer(ctx, c, field, path) && latestOf(ctx, c.name)?.state === 'CONTAINER_EXITED';
}

function buildStatus(ctx: SyncContext, podIsTerminal: boolean): PodStatus {
  const { pod, rec, kubelet, now } = ctx;
  const rt = kubelet.runtime;
  const inits = pod.spec.initContainers ?? [];
  const previous = rec.lastStatus ?? pod.status;
  const defaultWaiting = inits.length ? 'PodInitializing' : 'ContainerCreating';
  const statusFor = (c: Container, regularInit: boolean, old: PodStatus['containerStatuses']) => {
    const cr = rec.containers.get(c.name);
    const instances = (cr?.instances ?? []).map((id) => rt.containerStatus(id, now));
    const running = instances[0]?.state === 'CONTAINER_RUNNING';
    const p = cr?.probes;
    const started = running && (regularInit || !p?.startup || p.startup.result === 'Success');
    const ready = regularInit
      ? instances[0]?.state === 'CONTAINER_EXITED' && instances[0].exitCode === 0
      : started && (!p?.readiness || p.readiness.result === 'Success');
    const facts: ContainerFacts = { instances, ready, started, waiting: running || podIsTerminal ? undefined : cr?.waiting };
    return apiContainerStatus(c, facts, defaultWaiting, rt.runtimeName, old?.find((s) => s.name === c.name));
  };
  const sandbox = rec.sandboxId === undefined ? undefined : rt.podSandboxStatus(rec.sandboxId);
  return generatePodStatus({
    pod,
    initContainerStatuses: inits.map((c) => statusFor(c, !isRestartableInit(c), previous?.initContainerStatuses)),
    containerStatuses: pod.spec.containers.map((c) => statusFor(c, false, previous?.containerStatuses)),
    sandbox: sandbox && { ip: sandbox.network.ip, ready: sandbox.state === 'SANDBOX_READY' },
    hostIPs: kubelet.config.hostIPs,
    startTime: rec.firstSeen,
    podIsTerminal,
    previous,
    now,
  });
}
