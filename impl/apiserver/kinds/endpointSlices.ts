// EndpointSlices (discovery.k8s.io/v1): a Service's endpoints in pieces, one address type and one
// port list each. Validation is upstream's ValidateEndpointSlice (pkg/apis/discovery/validation,
// v1.32) minus hints and deprecatedTopology; the IP checks are IsValidIPv4Address /
// IsValidIPv6Address plus ValidateEndpointIP.
import { BlockList, isIP } from 'node:net';
import type { Obj, ResourceType } from '../resourceType.ts';
import { invalid, isDNS1123Label, isDNS1123Subdomain, notSupported, required, stringValue, type FieldError } from '../fieldErrors.ts';
import { isQualifiedName } from '../../labels/index.ts';
import { age, ageOf, column, nameColumn } from '../tableColumns.ts';
import { arrayOf, isObject } from './podSpec.ts';

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const MAX_ENDPOINTS = 1000;
const MAX_ADDRESSES = 100;
const MAX_PORTS = 20000;

/** field.TooMany */
const tooMany = (field: string, actual: number, max: number): FieldError => ({ field, type: 'Too many', message: `Too many: ${actual}: must have at most ${max} items` });
const duplicate = (field: string, value: string): FieldError => ({ field, type: 'Duplicate value', message: `Duplicate value: ${stringValue(value).quoted}` });
const text = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v));

function blockList(cidrs: string[]): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [net, bits] = cidr.split('/');
    list.addSubnet(net, Number(bits), isIP(net) === 4 ? 'ipv4' : 'ipv6');
  }
  return list;
}

/** The ranges ValidateEndpointIP refuses, with its messages; IPv4-mapped IPv6 addresses match the IPv4 ranges, as in Go. */
const SPECIAL_RANGES: { list: BlockList; message: (ip: string) => string }[] = [
  { list: blockList(['0.0.0.0/32', '::/128']), message: (ip) => `may not be unspecified (${ip})` },
  { list: blockList(['127.0.0.0/8', '::1/128']), message: () => 'may not be in the loopback range (127.0.0.0/8, ::1/128)' },
  { list: blockList(['169.254.0.0/16', 'fe80::/10']), message: () => 'may not be in the link-local range (169.254.0.0/16, fe80::/10)' },
  {
    // Go's IsLinkLocalMulticast: ff<any flags>2::/16
    list: blockList(['224.0.0.0/24', ...Array.from({ length: 16 }, (_, flags) => `ff${flags.toString(16)}2::/16`)]),
    message: () => 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)',
  },
];

/** ValidateEndpointIP: no unspecified, loopback, link-local unicast or link-local multicast addresses. */
function endpointIPErrors(address: string, at: string): FieldError[] {
  const family = isIP(address);
  if (family === 0) return [invalid(at, stringValue(address), 'must be a valid IP address')];
  return SPECIAL_RANGES.filter((r) => r.list.check(address, family === 4 ? 'ipv4' : 'ipv6')).map((r) => invalid(at, stringValue(address), r.message(address)));
}

/** IsFullyQualifiedDomainName */
function fqdnErrors(value: string, at: string): FieldError[] {
  const name = value.endsWith('.') ? value.slice(0, -1) : value;
  if (name === '') return [required(at, '')];
  const errors = isDNS1123Subdomain(name).map((msg) => invalid(at, stringValue(value), msg));
  if (!name.includes('.')) errors.push(invalid(at, stringValue(value), 'should be a domain with at least two segments separated by dots'));
  return errors;
}

function addressErrors(addressType: unknown, address: string, at: string): FieldError[] {
  const family = isIP(address);
  switch (addressType) {
    case 'IPv4':
      return [...(family === 4 ? [] : [invalid(at, stringValue(address), 'must be a valid IPv4 address')]), ...endpointIPErrors(address, at)];
    case 'IPv6':
      return [...(family === 6 ? [] : [invalid(at, stringValue(address), 'must be a valid IPv6 address')]), ...endpointIPErrors(address, at)];
    case 'FQDN':
      return fqdnErrors(address, at);
    default:
      return [];
  }
}

function validateEndpoints(slice: Obj): FieldError[] {
  const endpoints = arrayOf(slice.endpoints);
  if (endpoints.length > MAX_ENDPOINTS) return [tooMany('endpoints', endpoints.length, MAX_ENDPOINTS)];
  return endpoints.flatMap((ep, i) => {
    const at = `endpoints[${i}]`;
    const e = isObject(ep) ? ep : {};
    const addresses = arrayOf(e.addresses);
    const errors: FieldError[] = [];
    if (addresses.length === 0) errors.push(required(`${at}.addresses`, 'must contain at least 1 address'));
    else if (addresses.length > MAX_ADDRESSES) errors.push(tooMany(`${at}.addresses`, addresses.length, MAX_ADDRESSES));
    addresses.forEach((a, j) => errors.push(...addressErrors(slice.addressType, text(a), `${at}.addresses[${j}]`)));
    if (e.nodeName !== undefined && e.nodeName !== null)
      errors.push(...isDNS1123Subdomain(text(e.nodeName)).map((msg) => invalid(`${at}.nodeName`, stringValue(text(e.nodeName)), msg)));
    if (e.hostname !== undefined && e.hostname !== null)
      errors.push(...isDNS1123Label(text(e.hostname)).map((msg) => invalid(`${at}.hostname`, stringValue(text(e.hostname)), msg)));
    return errors;
  });
}

function validatePorts(slice: Obj): FieldError[] {
  const ports = arrayOf(slice.ports);
  if (ports.length > MAX_PORTS) return [tooMany('ports', ports.length, MAX_PORTS)];
  const names = new Set<string>();
  return ports.flatMap((p, i) => {
    const at = `ports[${i}]`;
    const port = isObject(p) ? p : {};
    const name = text(port.name);
    const errors = name ? isDNS1123Label(name).map((msg) => invalid(`${at}.name`, stringValue(name), msg)) : [];
    if (names.has(name)) errors.push(duplicate(`${at}.name`, name));
    names.add(name);
    if (port.protocol === undefined || port.protocol === null) errors.push(required(`${at}.protocol`, ''));
    else if (!PROTOCOLS.includes(port.protocol)) errors.push(notSupported(`${at}.protocol`, stringValue(text(port.protocol)), PROTOCOLS));
    if (port.appProtocol !== undefined && port.appProtocol !== null)
      errors.push(...isQualifiedName(text(port.appProtocol)).map((msg) => invalid(`${at}.appProtocol`, stringValue(text(port.appProtocol)), msg)));
    return errors;
  });
}

function validateEndpointSlice(slice: Obj): FieldError[] {
  const type = slice.addressType;
  const errors: FieldError[] = [];
  if (type === undefined || type === null || type === '') errors.push(required('addressType', ''));
  else if (!ADDRESS_TYPES.includes(type)) errors.push(notSupported('addressType', stringValue(text(type)), ADDRESS_TYPES));
  return [...errors, ...validateEndpoints(slice), ...validatePorts(slice)];
}

/** Up to three items joined, then `+ N more...`; `<unset>` for none (kubectl's EndpointSlice columns). */
function listWithMore(items: string[]): string {
  if (items.length > 3) return `${items.slice(0, 3).join(',')} + ${items.length - 3} more...`;
  return items.length ? items.join(',') : '<unset>';
}

export const endpointslices: ResourceType = {
  group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', singular: 'endpointslice', kind: 'EndpointSlice', namespaced: true,
  shortNames: [], subresources: [],
  defaults(slice) {
    for (const p of arrayOf(slice.ports)) if (isObject(p)) { p.name ??= ''; p.protocol ??= 'TCP'; }
  },
  validate: validateEndpointSlice,
  validateUpdate: (slice, old) => (slice.addressType === old.addressType ? [] : [invalid('addressType', stringValue(text(slice.addressType)), 'field is immutable')]),
  columns: [
    nameColumn, column('AddressType', 'string', 'The type of address carried by this EndpointSlice'), column('Ports', 'string', 'The ports of the endpoints'),
    column('Endpoints', 'string', 'The addresses of the endpoints'), age,
  ],
  cells(slice) {
    const ports = arrayOf(slice.ports).filter(isObject).map((p) => (p.port !== undefined && p.port !== null ? String(p.port) : p.name ? String(p.name) : '*'));
    const addresses = arrayOf(slice.endpoints).filter(isObject).flatMap((e) => arrayOf(e.addresses).map(text));
    return [slice.addressType ?? '', listWithMore(ports), listWithMore(addresses), ageOf(slice.metadata.creationTimestamp)];
  },
};
