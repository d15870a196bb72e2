// The parts of upstream's ValidateService that concern addresses and ports (pkg/apis/core/validation).
// Input is a v1 Service as sent; absent fields read as the API server's defaults (type ClusterIP,
// protocol TCP, targetPort = port, sessionAffinity None). Label validation of the selector and the
// load-balancer-only fields are left to other packages.
import { defaultServicePort } from '../endpoints/findPort.ts';
import type { Service, ServicePort } from '../endpoints/types.ts';
import { parseIPv4 } from './ClusterIPAllocator.ts';
import { fieldErrors, type FieldError } from './fieldError.ts';

export const PORT_RANGE_ERROR = 'must be between 1 and 65535, inclusive';
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const DNS1123_LABEL_ERROR =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_LABEL_ERROR =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

export function isValidPortNum(port: unknown): boolean {
  return Number.isInteger(port) && (port as number) >= 1 && (port as number) <= 65535;
}

/** Upstream IsValidPortName (IANA_SVC_NAME): the messages, empty when valid. */
export function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  else if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

function labelErrors(field: string, value: string, pattern: RegExp, patternError: string): FieldError[] {
  const errs: FieldError[] = [];
  if (value.length > 63) errs.push(fieldErrors.invalid(field, value, 'must be no more than 63 characters'));
  if (!pattern.test(value)) errs.push(fieldErrors.invalid(field, value, patternError));
  return errs;
}

/** Go's rendering of the duplicate-port key upstream reports (a core.ServicePort with protocol and port set). */
function servicePortKey(protocol: string, port: number): { go: string } {
  return {
    go: `core.ServicePort{Name:"", Protocol:${JSON.stringify(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
  };
}

function validatePort(sp: ServicePort, path: string, requireName: boolean, names: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) errs.push(fieldErrors.required(`${path}.name`));
  else if (sp.name) {
    errs.push(...labelErrors(`${path}.name`, sp.name, /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, DNS1123_LABEL_ERROR));
    if (names.has(sp.name)) errs.push(fieldErrors.duplicate(`${path}.name`, sp.name));
    names.add(sp.name);
  }
  if (!isValidPortNum(sp.port)) errs.push(fieldErrors.invalid(`${path}.port`, Number(sp.port), PORT_RANGE_ERROR));
  const protocol = sp.protocol ?? 'TCP';
  if (!PROTOCOLS.includes(protocol)) errs.push(fieldErrors.notSupported(`${path}.protocol`, protocol, PROTOCOLS));
  const target = defaultServicePort(sp).targetPort;
  if (typeof target === 'number') {
    if (!isValidPortNum(target)) errs.push(fieldErrors.invalid(`${path}.targetPort`, target, PORT_RANGE_ERROR));
  } else {
    for (const msg of portNameErrors(String(target))) errs.push(fieldErrors.invalid(`${path}.targetPort`, String(target), msg));
  }
  return errs;
}

/** Every field error of the service, in upstream's order of checks; empty when valid. Never throws. */
export function validateService(service: Service): FieldError[] {
  const errs: FieldError[] = [];
  const name = service.metadata?.name;
  if (!name) errs.push(fieldErrors.required('metadata.name', 'name or generateName is required'));
  else errs.push(...labelErrors('metadata.name', name, /^[a-z]([-a-z0-9]*[a-z0-9])?$/, DNS1035_LABEL_ERROR));

  const spec = service.spec ?? {};
  const type = spec.type ?? 'ClusterIP';
  const clusterIP = spec.clusterIP ?? spec.clusterIPs?.[0] ?? '';
  const headless = clusterIP === 'None';
  const ports = spec.ports ?? [];
  if (ports.length === 0 && !headless && type !== 'ExternalName') errs.push(fieldErrors.required('spec.ports'));
  if (!SERVICE_TYPES.includes(type)) errs.push(fieldErrors.notSupported('spec.type', type, SERVICE_TYPES));

  if (headless && (type === 'NodePort' || type === 'LoadBalancer')) {
    errs.push(fieldErrors.invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${type} services`));
  } else if (clusterIP && !headless && type !== 'ExternalName' && parseIPv4(clusterIP) === undefined && !clusterIP.includes(':')) {
    errs.push(fieldErrors.invalid('spec.clusterIPs[0]', clusterIP, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  }
  if (type === 'ExternalName' && !spec.externalName) errs.push(fieldErrors.required('spec.externalName'));

  const names = new Set<string>();
  ports.forEach((sp, i) => errs.push(...validatePort(sp, `spec.ports[${i}]`, ports.length > 1, names)));

  const affinity = spec.sessionAffinity ?? 'None';
  if (!['ClientIP', 'None'].includes(affinity)) errs.push(fieldErrors.notSupported('spec.sessionAffinity', affinity, ['ClientIP', 'None']));
  const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (affinity === 'ClientIP' && timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0 && timeout <= 86400)) {
    errs.push(fieldErrors.invalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', timeout, 'must be greater than 0 and less than 86400'));
  }

  if (type === 'ClusterIP') {
    ports.forEach((sp, i) => {
      if (sp.nodePort) errs.push(fieldErrors.forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  const portKeys = new Set<string>();
  ports.forEach((sp, i) => {
    const protocol = sp.protocol ?? 'TCP';
    if (sp.nodePort) {
      const key = `${protocol}/${sp.nodePort}`;
      if (nodePorts.has(key)) errs.push(fieldErrors.duplicate(`spec.ports[${i}].nodePort`, sp.nodePort));
      nodePorts.add(key);
    }
    const key = `${protocol}/${sp.port}`;
    if (portKeys.has(key)) errs.push(fieldErrors.duplicate(`spec.ports[${i}]`, servicePortKey(protocol, sp.port)));
    portKeys.add(key);
  });
  return errs;
}
