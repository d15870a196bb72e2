import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Service, ServicePort } from '../endpoints/types.ts';
import { formatFieldError } from './fieldError.ts';
import { validateService } from './validateService.ts';

const svc = (spec: Record<string, unknown>, name = 'web'): Service => ({
  metadata: { name, namespace: 'default' },
  spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec },
});
const ports = (...p: ServicePort[]) => ({ ports: p });

const cases: { name: string; service: Service; want: string[] }[] = [
  { name: 'a plain ClusterIP service is valid', service: svc({}), want: [] },
  { name: 'a headless service may have no ports', service: svc({ clusterIP: 'None', ports: [] }), want: [] },
  { name: 'a non-headless service needs ports', service: svc({ ports: [] }), want: ['spec.ports: Required value'] },
  {
    name: 'port 0 is out of range, and so is the target port it defaults',
    service: svc(ports({ port: 0 })),
    want: [
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
    ],
  },
  { name: 'target port 0 defaults to the port', service: svc(ports({ port: 80, targetPort: 0 })), want: [] },
  {
    name: 'port 70000 is out of range and so is its default target port',
    service: svc(ports({ port: 70000 })),
    want: [
      'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ],
  },
  {
    name: 'a target port name must follow IANA_SVC_NAME',
    service: svc(ports({ port: 80, targetPort: 'Http--' })),
    want: [
      'spec.ports[0].targetPort: Invalid value: "Http--": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.ports[0].targetPort: Invalid value: "Http--": must not contain consecutive hyphens',
      'spec.ports[0].targetPort: Invalid value: "Http--": must not begin or end with a hyphen',
    ],
  },
  {
    name: 'a target port name needs a letter and at most 15 characters',
    service: svc(ports({ port: 80, targetPort: '8080' }, { name: 'b', port: 81, targetPort: 'a-very-long-port-name' }, { name: 'c', port: 82 })),
    want: [
      'spec.ports[0].name: Required value',
      'spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)',
      'spec.ports[1].targetPort: Invalid value: "a-very-long-port-name": must be no more than 15 characters',
    ],
  },
  {
    name: 'an unknown protocol is not supported',
    service: svc(ports({ port: 80, protocol: 'HTTP' })),
    want: ['spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'],
  },
  {
    name: 'two ports with the same number and protocol are duplicates, as are their names',
    service: svc(ports({ name: 'a', port: 80 }, { name: 'a', port: 80 })),
    want: [
      'spec.ports[1].name: Duplicate value: "a"',
      'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    ],
  },
  { name: 'the same port number over TCP and UDP is allowed', service: svc(ports({ name: 'dns', port: 53 }, { name: 'dns-udp', port: 53, protocol: 'UDP' })), want: [] },
  {
    name: 'an unknown service type is not supported',
    service: svc({ type: 'Ingress' }),
    want: ['spec.type: Unsupported value: "Ingress": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
  },
  {
    name: 'a NodePort service cannot be headless',
    service: svc({ type: 'NodePort', clusterIP: 'None' }),
    want: [`spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`],
  },
  {
    name: 'a ClusterIP service may not ask for a node port',
    service: svc(ports({ port: 80, nodePort: 30080 })),
    want: ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
  },
  {
    name: 'a NodePort asked twice for one protocol is a duplicate',
    service: svc({ type: 'NodePort', ...ports({ name: 'a', port: 80, nodePort: 30080 }, { name: 'b', port: 81, nodePort: 30080 }) }),
    want: ['spec.ports[1].nodePort: Duplicate value: 30080'],
  },
  {
    name: 'a malformed cluster IP is refused',
    service: svc({ clusterIP: '10.0.0.300' }),
    want: ['spec.clusterIPs[0]: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'],
  },
  {
    name: 'a service name must be a DNS-1035 label',
    service: svc({}, '1web'),
    want: [
      `metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ],
  },
  {
    name: 'ClientIP affinity timeouts must lie in 1..86400',
    service: svc({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 0 } } }),
    want: ['spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400'],
  },
];

for (const c of cases) {
  test(c.name, () => assert.deepEqual(validateService(c.service).map(formatFieldError), c.want));
}
