// The kubelet's inside, as clock-free modules: a simulated CRI runtime, the prober, pod status
// generation, the pod sync driver and node heartbeats. The kubelet component wires them to the
// API server and a Clock (README.md, "Wiring the component").
export type * from './types.ts';
export { formatPod, isRestartableInit } from './types.ts';

export { parseSimProgram, KEYWORDS as SIM_KEYWORDS, type ParseResult } from './program/parseSimProgram.ts';
export { DEFAULT_PROGRAM, type SimProgram } from './program/SimProgram.ts';
export { formatGoDuration, parseGoDuration } from './program/goDuration.ts';

export { SimRuntime, PAUSE_IMAGE, type SimRuntimeOptions } from './runtime/SimRuntime.ts';
export { CidrIpAllocator, IpamError, type PodIpAllocator } from './runtime/PodIpAllocator.ts';
export { ImageStore, simpleRegistry, canonicalImage, DEFAULT_IMAGE, type ImageSpec, type CachedImage, type PullProgress } from './runtime/ImageStore.ts';
export { RuntimeError, type ContainerConfig, type PodSandboxConfig, type PodSandboxStatus, type ContainerStatus as CriContainerStatus } from './runtime/criTypes.ts';
export type { LogOptions } from './runtime/containerLogs.ts';
export type { ExecResult } from './runtime/execCommand.ts';

export { ProbeTracker, probeSettings, type ProbeKind, type ProbeResult } from './probes/ProbeTracker.ts';

export { getPhase } from './status/getPhase.ts';
export { containersReadyCondition, podReadyCondition, initializedCondition, readyToStartContainersCondition } from './status/podConditions.ts';
export { generatePodStatus, type PodStatusInput } from './status/generatePodStatus.ts';
export { podQosClass } from './status/podQosClass.ts';

export { KubeletCore, type KubeletConfig } from './sync/KubeletCore.ts';
export { syncPod, type SyncResult } from './sync/syncPod.ts';
export type { KubeletEvent } from './sync/startContainer.ts';
export { cleanupPods } from './sync/cleanupPods.ts';
export { readPodLogs, execInPod, type KubeletIOResult } from './sync/containerIO.ts';
export { Backoff } from './sync/Backoff.ts';

export { nodeStatus, nodeObject, DEFAULT_CAPACITY, type NodeConfig, type NodeHealth, type NodeStatus } from './node/nodeStatus.ts';
export { nodeLease, microTime, NODE_LEASE_NAMESPACE } from './node/nodeLease.ts';
export { planHeartbeat, DEFAULT_HEARTBEAT, type HeartbeatState, type HeartbeatPlan, type HeartbeatOptions } from './node/planHeartbeat.ts';
