// The model of the self-healing model-based test and the real side it is compared with. The real
// cluster gets this run's nodes (`flow-<run>-n0`...) and namespace; the model keeps cluster time,
// when each node's kubelet was last (re)started or stopped, which bare pods the test created and what
// it asked of the ReplicaSet and Deployment made at setup (workloads.ts). After every command
// `Real.verify` checks the invariants against the model.
import { randomBytes } from 'node:crypto';
import type { Driver } from '../../../harness/contract/driver.ts';
import type { KubeObject } from '../../../harness/contract/methods.ts';
import { Mismatch } from '../../support/expect.ts';
import { initialWorkloads, WorkloadInvariants, workloadObjects } from './workloads.ts';

/** How long a healthy node may take to run a new pod (image pull 1 s, a heartbeat, slack). */
export const START_WITHIN_MS = 10_000;
/** Grace period 50 s + monitor period 5 s + the pods' tolerationSeconds 30 s + slack. */
export const EVICT_WITHIN_MS = 100_000;

export interface ModelNode {
  alive: boolean;
  /** Cluster time (ms since the run started) of the last start or stop of its kubelet. */
  since: number;
}

export class Model {
  now = 0;
  readonly nodes: ModelNode[];
  /** Pod name → cluster time it was created. */
  readonly pods = new Map<string, number>();
  readonly workloads = initialWorkloads();

  constructor(nodeCount: number) {
    this.nodes = Array.from({ length: nodeCount }, () => ({ alive: true, since: 0 }));
  }

  /** Kubelet `i` stopped or started now. */
  setNode(i: number, alive: boolean): void {
    this.nodes[i] = { alive, since: this.now };
    this.workloads.lastChangeAt = this.now;
  }
}

export class Real {
  readonly run = randomBytes(4).toString('hex');
  readonly namespace = `flow-${this.run}`;
  /** Pod uid → the node it was first seen bound to. */
  private readonly boundTo = new Map<string, string>();
  private readonly workloads = new WorkloadInvariants();

  constructor(readonly driver: Driver, readonly nodeCount: number) {}

  node(i: number): string {
    return `flow-${this.run}-n${i}`;
  }

  async setup(): Promise<void> {
    await this.driver.call('objects.create', { object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: this.namespace } } });
    for (let i = 0; i < this.nodeCount; i++) await this.driver.call('objects.create', { object: { apiVersion: 'v1', kind: 'Node', metadata: { name: this.node(i) } } });
    for (const object of workloadObjects(this.namespace, initialWorkloads())) await this.driver.call('objects.create', { object });
    await this.driver.call('time.advance', { ms: 2_000 });
  }

  async cleanup(): Promise<void> {
    const ignore = () => undefined;
    for (let i = 0; i < this.nodeCount; i++) await this.driver.call('objects.delete', { kind: 'Node', name: this.node(i) }).catch(ignore);
    await this.driver.call('objects.delete', { kind: 'Namespace', name: this.namespace }).catch(ignore);
  }

  async pods(): Promise<KubeObject[]> {
    return (await this.driver.call('objects.list', { kind: 'Pod', namespace: this.namespace })).items;
  }

  /** The invariants, at the model's current time. */
  async verify(m: Model): Promise<void> {
    const index = (node: string | undefined) => (node ? Number(node.slice(node.lastIndexOf('-n') + 2)) : -1);
    const someNodeHealthyThroughout = (span: number) => m.nodes.some((n) => n.alive && n.since <= m.now - span);
    const pods = await this.pods();
    for (const pod of pods) {
      const name = String(pod.metadata.name);
      const node = (pod.spec as { nodeName?: string }).nodeName;
      const uid = String(pod.metadata.uid);
      const phase = (pod.status as { phase?: string } | undefined)?.phase;
      if (node) {
        const first = this.boundTo.get(uid) ?? node;
        this.boundTo.set(uid, first);
        if (first !== node) throw new Mismatch(`pod ${name} moved from one node to another`, first, node);
      }
      const n = m.nodes[index(node)];
      if (n && !n.alive && n.since <= m.now - EVICT_WITHIN_MS && someNodeHealthyThroughout(EVICT_WITHIN_MS))
        throw new Mismatch(`pod ${name} was not evicted from ${node}, silent for ${(m.now - n.since) / 1000} s`, 'evicted', `${phase} on ${node}`);
      if (pod.metadata.ownerReferences?.length) continue; // a controller's pod: workloads.ts
      const created = m.pods.get(name);
      if (created === undefined) throw new Mismatch(`pod ${name} exists but the test never created it (or deleted it)`, 'absent', phase);
      if (n?.alive && n.since <= m.now - START_WITHIN_MS && created <= m.now - START_WITHIN_MS && phase !== 'Running')
        throw new Mismatch(`pod ${name} on the healthy node ${node} is not Running ${START_WITHIN_MS / 1000} s after it was created`, 'Running', phase);
    }
    const sets = (await this.driver.call('objects.list', { kind: 'ReplicaSet', namespace: this.namespace })).items;
    this.workloads.check(m.workloads, m.nodes, m.now, pods, sets);
  }
}
