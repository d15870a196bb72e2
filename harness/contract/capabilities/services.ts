// Capabilities `endpoints` and `ports`: how a Service finds its Pods and how traffic reaches them
// (Endpoints, Service validation, cluster IP / NodePort allocation, kube-proxy routing, cluster
// DNS), and which port each component listens on. Objects are plain Kubernetes JSON (v1 Service,
// v1 Pod, v1 Endpoints). Every endpoints.* call but routeLive and resolveLive is stateless: it carries all the
// objects it needs. routeLive, resolveLive and ports.serve ask the running implementation; one that has no
// running kube-proxy, or cannot start its components on ports, answers NotApplicable.
import type { KubeObject } from './objects.ts';
import type { FieldError } from './selectors.ts';

export type ServiceAllocationOp = { create: KubeObject } | { delete: { namespace?: string; name: string } };

export type ServiceAllocationAnswer =
  | { ok: true; clusterIP?: string; nodePorts: number[] }
  /** Upstream's error, e.g. field `spec.ports[0].nodePort`, message `Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767`. */
  | { ok: false; error: FieldError };

export interface Connection {
  ip: string;
  port: number;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  clientIP?: string;
  /** Virtual time in milliseconds (session affinity timeouts). Defaults to 0. */
  now?: number;
}

/** A connection to the running kube-proxy: the time is the implementation's own clock. */
export type LiveConnection = Omit<Connection, 'now'>;

export type RouteAnswer =
  | { routed: true; podIP: string; port: number; service: string; via: 'clusterIP' | 'nodePort' }
  | {
      routed: false;
      /** NoService: nothing listens there; NoEndpoints: the service has no ready endpoint (`default/web:http has no endpoints`). */
      reason: 'NoService' | 'NoEndpoints' | 'NoLocalEndpoints';
      message: string;
    };

export type DnsAnswer =
  | {
      found: true;
      /** The fully qualified name that answered, without the trailing dot. */
      name: string;
      records: ({ type: 'A'; ip: string } | { type: 'CNAME'; target: string } | { type: 'SRV'; port: number; target: string; priority: number; weight: number })[];
    }
  | { found: false; tried: string[] };

export interface EndpointsMethods {
  /** The Endpoints the endpoints controller writes for the service; null when it leaves them alone (no selector, ExternalName). */
  'endpoints.compute': { params: { service: KubeObject; pods: KubeObject[] }; result: { endpoints: KubeObject | null } };
  /** The API server's validation of a Service's ports, type and cluster IP; errors as field errors. */
  'endpoints.validateService': { params: { service: KubeObject }; result: { valid: boolean; errors: FieldError[] } };
  /**
   * Creates and deletes services in order against fresh allocators, reporting what each create
   * was given. A refused create takes nothing.
   */
  'endpoints.allocate': {
    params: { serviceCIDR?: string; nodePortRange?: string; operations: ServiceAllocationOp[] };
    result: { results: (ServiceAllocationAnswer | { deleted: true })[] };
  };
  /** Where kube-proxy sends each connection, in order (round-robin and affinity state carry over). */
  'endpoints.route': {
    params: { services: KubeObject[]; endpoints: KubeObject[]; nodes?: Record<string, string>; connections: Connection[] };
    result: { routes: RouteAnswer[] };
  };
  /**
   * Where the implementation's running kube-proxy sends each connection now, in order, by the
   * Services, endpoints (EndpointSlices, as upstream's kube-proxy reads them) and Nodes it has seen
   * through the API server (those made with `objects`).
   */
  'endpoints.routeLive': { params: { connections: LiveConnection[] }; result: { routes: RouteAnswer[] } };
  /**
   * The answers of the implementation's running cluster DNS to queries by fully qualified name (no
   * search path), by the Services and endpoints it has seen through the API server.
   */
  'endpoints.resolveLive': { params: { queries: { name: string; type?: 'A' | 'SRV' | 'CNAME' }[] }; result: { answers: DnsAnswer[] } };
  /** The pod's resolv.conf and the answers of cluster DNS to its queries, resolved through its search path. */
  'endpoints.resolve': {
    params: {
      services: KubeObject[];
      endpoints: KubeObject[];
      pod: KubeObject;
      clusterDNS?: string[];
      clusterDomain?: string;
      queries: { name: string; type?: 'A' | 'SRV' | 'CNAME' }[];
    };
    result: { resolvConf: { nameservers: string[]; searches: string[]; options: string[] }; answers: DnsAnswer[] };
  };
}

export interface PortListener {
  node: 'master' | 'worker';
  component: string;
  /** A port, or an inclusive range `first-last`. */
  port: number | string;
  protocol?: 'TCP' | 'UDP';
  purpose: string;
  paths?: string[];
}

/** A listener of the layout as the implementation serves it: port shifted by the base. */
export type ServedPortListener = {
  node: 'master' | 'worker';
  component: string;
  port: number | string;
  scheme: 'http' | 'https' | 'none';
  purpose: string;
  /** The paths the layout gives it (`/healthz`, `/metrics`). */
  paths: string[];
} & ({ served: true; url: string } | { served: false; reason: string });

export interface PortsMethods {
  /** The port layout the implementation follows: `seed` (the seed documents), `upstream` (current Kubernetes), or its own name. */
  'ports.layout': { params: Record<string, never>; result: { layout: 'seed' | 'upstream' | string; components: PortListener[] } };
  /**
   * Serves every component on its port of the layout plus `portBase` on 127.0.0.1 (the API server,
   * and each component's paths: /healthz, /metrics...) until ports.stopServing, and lists the
   * master node's listeners: served with their URL, or not served and why (a component it does
   * not run). Listening errors (a port in use) are errors; nothing stays open then. The reference
   * starts itself as separate processes (`kconform serve --components`) for this.
   */
  'ports.serve': { params: { portBase: number }; result: { layout: string; listeners: ServedPortListener[] } };
  /** Closes what ports.serve opened; nothing to close is no error. */
  'ports.stopServing': { params: Record<string, never>; result: Record<string, never> };
}
