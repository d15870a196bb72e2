// The controllers' side of the self-healing model-based test: a ReplicaSet `web` and a Deployment
// `api` (RollingUpdate, maxSurge 1, maxUnavailable 1) made at setup, what the model expects of them,
// and the invariants checked against the listed pods and ReplicaSets after every command:
//  - availability: from the first sample where every kubelet is up and the Deployment has its
//    minimum availability until the next kubelet stop, its Ready pods never drop below
//    replicas − maxUnavailable (rollouts included);
//  - convergence: once no fault, scale or rollout happened for CONVERGE_MS and every kubelet is up,
//    every ReplicaSet has exactly spec.replicas active pods, all Running, the Deployment's pods run
//    the model's image, and `web` has the replicas the model last asked for.
import type { KubeObject } from '../../../harness/contract/methods.ts';
import { Mismatch } from '../../support/expect.ts';

export const RS_NAME = 'web';
export const DEPLOYMENT_NAME = 'api';
export const DEPLOYMENT_REPLICAS = 3;
export const MAX_UNAVAILABLE = 1;
export const MAX_SURGE = 1;
export const FIRST_IMAGE = 'nginx:1.25';
/** Quiet time after which the controllers must have converged: node heal, scheduling, image pulls, a few rollout rounds. */
export const CONVERGE_MS = 60_000;
/** Every kubelet up for this long before the availability invariant is armed (a healed node's pods turn Ready again). */
export const ARM_AFTER_MS = 10_000;

export interface WorkloadModel {
  /** `web`'s desired replicas. */
  rsReplicas: number;
  image: string;
  /** Cluster time of the last scale, rollout, kubelet stop or start. */
  lastChangeAt: number;
}

export const initialWorkloads = (): WorkloadModel => ({ rsReplicas: 2, image: FIRST_IMAGE, lastChangeAt: 0 });

/** The pods' toleration of an unreachable or not-ready node (the default is 300 s). */
export const TOLERATION_SECONDS = 30;
export const tolerations = ['unreachable', 'not-ready'].map((t) => ({ key: `node.kubernetes.io/${t}`, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: TOLERATION_SECONDS }));

function podTemplate(app: string, image: string) {
  return { metadata: { labels: { app } }, spec: { tolerations, containers: [{ name: 'app', image }] } };
}

export function workloadObjects(namespace: string, w: WorkloadModel): KubeObject[] {
  const selector = (app: string) => ({ matchLabels: { app } });
  return [
    { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: RS_NAME, namespace }, spec: { replicas: w.rsReplicas, selector: selector(RS_NAME), template: podTemplate(RS_NAME, FIRST_IMAGE) } },
    {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: DEPLOYMENT_NAME, namespace },
      spec: {
        replicas: DEPLOYMENT_REPLICAS, selector: selector(DEPLOYMENT_NAME), template: podTemplate(DEPLOYMENT_NAME, w.image),
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: MAX_SURGE, maxUnavailable: MAX_UNAVAILABLE } },
      },
    },
  ];
}

/** The merge patch that rolls `api` out to `image`. */
export const rolloutPatch = (image: string) => ({ spec: { template: { spec: { containers: [{ name: 'app', image }] } } } });

const phaseOf = (p: KubeObject) => (p.status as { phase?: string } | undefined)?.phase;
const isActive = (p: KubeObject) => !p.metadata.deletionTimestamp && phaseOf(p) !== 'Succeeded' && phaseOf(p) !== 'Failed';
const isReady = (p: KubeObject) => ((p.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
const controllerUid = (o: KubeObject) => o.metadata.ownerReferences?.find((r) => r.controller)?.uid;
const imageOf = (p: KubeObject) => (p.spec as { containers: { image: string }[] }).containers[0]?.image;
const describe = (pods: KubeObject[]) => pods.map((p) => `${p.metadata.name}(${phaseOf(p) ?? 'Pending'}${isReady(p) ? ',Ready' : ''}${p.metadata.deletionTimestamp ? ',deleting' : ''})`).join(' ');

export class WorkloadInvariants {
  /** Whether the availability invariant is in force (see the header). */
  private armed = false;

  /** `pods` and `sets` are everything in the run's namespace at the model's time `now`. */
  check(w: WorkloadModel, nodes: readonly { alive: boolean; since: number }[], now: number, pods: KubeObject[], sets: KubeObject[]): void {
    const allUpFor = (ms: number) => nodes.every((n) => n.alive && n.since <= now - ms);
    const apiPods = pods.filter((p) => p.metadata.labels?.app === DEPLOYMENT_NAME && isActive(p));
    const available = apiPods.filter(isReady).length;
    const minAvailable = DEPLOYMENT_REPLICAS - MAX_UNAVAILABLE;
    if (!nodes.every((n) => n.alive)) this.armed = false;
    else if (this.armed && available < minAvailable)
      throw new Mismatch(`deployment ${DEPLOYMENT_NAME} has fewer Ready pods than replicas - maxUnavailable with every kubelet up: ${describe(apiPods)}`, `>= ${minAvailable}`, available);
    else if (allUpFor(ARM_AFTER_MS) && available >= minAvailable) this.armed = true;

    if (!allUpFor(CONVERGE_MS) || w.lastChangeAt > now - CONVERGE_MS) return;
    for (const rs of sets) {
      const name = `replicaset ${rs.metadata.name}`;
      const want = (rs.spec as { replicas?: number }).replicas ?? 1;
      const owned = pods.filter((p) => controllerUid(p) === rs.metadata.uid && isActive(p));
      if (owned.length !== want) throw new Mismatch(`${name} has not converged to its desired count of active pods ${CONVERGE_MS / 1000} s after the last fault or change: ${describe(owned)}`, want, owned.length);
      const notRunning = owned.filter((p) => phaseOf(p) !== 'Running');
      if (notRunning.length) throw new Mismatch(`${name}'s pods are not all Running ${CONVERGE_MS / 1000} s after the last fault or change`, 'Running', describe(notRunning));
      if (rs.metadata.name === RS_NAME && want !== w.rsReplicas) throw new Mismatch(`${name} spec.replicas is not what it was scaled to`, w.rsReplicas, want);
    }
    const images = [...new Set(apiPods.map(imageOf))];
    if (apiPods.length !== DEPLOYMENT_REPLICAS || images.join() !== w.image)
      throw new Mismatch(`deployment ${DEPLOYMENT_NAME} has not completed its rollout ${CONVERGE_MS / 1000} s after the last change`, `${DEPLOYMENT_REPLICAS} x ${w.image}`, `${apiPods.length} x ${images.join(',')}`);
  }
}
