// Test fixtures: a kubelet on a simulated node, pods, and a loop that syncs at every wake-up the
// way the kubelet component will.
import { CidrIpAllocator } from '../runtime/PodIpAllocator.ts';
import { simpleRegistry, type ImageSpec } from '../runtime/ImageStore.ts';
import { SimRuntime } from '../runtime/SimRuntime.ts';
import type { Container, Pod, PodSpec, PodStatus } from '../types.ts';
import { KubeletCore } from './KubeletCore.ts';
import { syncPod, type SyncResult } from './syncPod.ts';

export const T0 = Date.UTC(2025, 0, 1);
export const S = 1000;

export function newKubelet(opts: { cidr?: string; images?: Record<string, Partial<ImageSpec>>; preloaded?: string[] } = {}): KubeletCore {
  const runtime = new SimRuntime({
    nodeName: 'node-1',
    hostIP: '192.168.0.11',
    ipAllocator: new CidrIpAllocator(opts.cidr ?? '10.244.1.0/24'),
    registry: simpleRegistry(opts.images ?? {}),
    preloadedImages: opts.preloaded,
  });
  return new KubeletCore(runtime, { nodeName: 'node-1', hostIPs: ['192.168.0.11'], dns: { clusterDNS: ['10.96.0.10'] } });
}

/** A pod named `name` (uid `uid-<name>`) with one container `web` running `command` unless `containers` is given. */
export function makePod(name: string, spec: Partial<PodSpec> & { command?: string[] } = {}): Pod {
  const { command, ...rest } = spec;
  const containers: Container[] = rest.containers ?? [{ name: 'web', image: 'nginx:1.25', ...(command && { command }) }];
  return { metadata: { name, namespace: 'default', uid: `uid-${name}` }, spec: { nodeName: 'node-1', restartPolicy: 'Always', ...rest, containers } };
}

/** Syncs at `T0 + from` and then at every wake-up up to `T0 + until` (ms), returning each result with its time. */
export function drive(kubelet: KubeletCore, pod: Pod, until: number, from = 0): { at: number; result: SyncResult }[] {
  const out: { at: number; result: SyncResult }[] = [];
  let at: number | undefined = T0 + from;
  while (at !== undefined && at <= T0 + until && out.length < 1000) {
    const result = syncPod(pod, kubelet, at);
    out.push({ at: at - T0, result });
    at = result.nextWakeUp;
  }
  return out;
}

/** The status of the last sync at or before `t` (ms after T0). */
export function statusAt(trace: { at: number; result: SyncResult }[], t: number): PodStatus {
  return trace.filter((x) => x.at <= t).at(-1)!.result.status;
}

export const condition = (s: PodStatus, type: string) => s.conditions?.find((c) => c.type === type);
export const waitingReason = (s: PodStatus, name = 'web') => [...(s.containerStatuses ?? []), ...(s.initContainerStatuses ?? [])].find((c) => c.name === name)?.state.waiting?.reason;
