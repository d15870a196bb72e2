// Builders of small v1 Pods and Services for the tests of the services packages.
import type { Pod, Service, ServicePort } from './types.ts';

export interface PodOptions {
  ns?: string;
  ip?: string | null;
  ips?: string[];
  labels?: Record<string, string>;
  ready?: boolean;
  phase?: string;
  restartPolicy?: string;
  deleting?: boolean;
  node?: string;
  uid?: string;
  hostname?: string;
  subdomain?: string;
  ports?: { name?: string; containerPort: number; protocol?: string }[];
  sidecarPorts?: { name?: string; containerPort: number; protocol?: string }[];
}

export function pod(name: string, o: PodOptions = {}): Pod {
  const ip = o.ip === undefined ? '10.1.0.1' : o.ip;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: o.ns ?? 'default',
      uid: o.uid ?? `uid-${name}`,
      labels: o.labels ?? { app: 'web' },
      ...(o.deleting ? { deletionTimestamp: '2024-01-01T00:00:00Z' } : {}),
    },
    spec: {
      nodeName: o.node ?? 'node-1',
      restartPolicy: o.restartPolicy ?? 'Always',
      ...(o.hostname ? { hostname: o.hostname } : {}),
      ...(o.subdomain ? { subdomain: o.subdomain } : {}),
      containers: [{ name: 'c', ports: o.ports ?? [] }],
      ...(o.sidecarPorts ? { initContainers: [{ name: 'side', restartPolicy: 'Always', ports: o.sidecarPorts }] } : {}),
    },
    status: {
      phase: o.phase ?? 'Running',
      ...(ip !== null ? { podIP: ip, podIPs: (o.ips ?? [ip]).map((x) => ({ ip: x })) } : {}),
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True' }],
    },
  };
}

export function service(name: string, o: { ns?: string; selector?: Record<string, string> | null; ports?: ServicePort[]; clusterIP?: string; [k: string]: unknown } = {}): Service {
  const { ns, selector, ports, clusterIP, ...rest } = o;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: ns ?? 'default' },
    spec: {
      ...(selector === null ? {} : { selector: selector ?? { app: 'web' } }),
      ports: ports ?? [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
      clusterIP: clusterIP ?? '10.0.0.10',
      type: 'ClusterIP',
      ...rest,
    },
  };
}
