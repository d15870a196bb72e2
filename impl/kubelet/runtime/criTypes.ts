// The CRI messages the simulated runtime speaks (k8s.io/cri-api runtime/v1), reduced to the fields
// the kubelet uses; times are milliseconds.

export type RuntimeErrorCode = 'NotFound' | 'FailedPrecondition' | 'InvalidArgument' | 'Unknown';

/** A CRI call's failure, as a gRPC status code and message. */
export class RuntimeError extends Error {
  override name = 'RuntimeError';
  constructor(readonly code: RuntimeErrorCode, message: string) {
    super(message);
  }
}

export interface PodSandboxConfig {
  metadata: { name: string; namespace: string; uid: string; attempt: number };
  hostname?: string;
  hostNetwork?: boolean;
  /** CRI NamespaceOption.pid = POD (spec.shareProcessNamespace). */
  shareProcessNamespace?: boolean;
  dnsConfig?: { servers?: string[]; searches?: string[]; options?: string[] };
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface ContainerConfig {
  metadata: { name: string; attempt: number };
  /** The image reference as the pod spec wrote it. */
  image: string;
  command?: string[];
  args?: string[];
  envs?: { key: string; value: string }[];
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** Where the container sits in the pod (`spec.containers[0]`), for program errors. Not CRI. */
  fieldPath?: string;
}

export type ContainerState = 'CONTAINER_CREATED' | 'CONTAINER_RUNNING' | 'CONTAINER_EXITED' | 'CONTAINER_UNKNOWN';

export interface Namespaces {
  network: string;
  ipc: string;
  uts: string;
  pid: string;
}

export interface ContainerStatus {
  id: string;
  podSandboxId: string;
  metadata: { name: string; attempt: number };
  state: ContainerState;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: string;
  /** Canonical name: `docker.io/library/nginx:1.25`. */
  image: string;
  /** `docker.io/library/nginx@sha256:…` */
  imageRef: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Paths of the namespaces the process lives in (the sandbox's, except pid unless shared). */
  namespaces: Namespaces;
}

export interface PodSandboxStatus {
  id: string;
  metadata: PodSandboxConfig['metadata'];
  state: 'SANDBOX_READY' | 'SANDBOX_NOTREADY';
  createdAt: number;
  network: { ip: string };
  namespaces: Namespaces;
  labels: Record<string, string>;
}
