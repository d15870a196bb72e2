// EndpointSlices through the API: upstream's validation messages, the immutable address type, and
// kubectl's discovery (api-resources, get) against a served API server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryStore } from '../store/index.ts';
import { startApiServer } from './apiServer.ts';
import { writeKubeconfig } from './kubeconfig.ts';
import { testApi } from './testApi.ts';

const PATH = '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices';
const KUBECTL = process.env.KCONFORM_KUBECTL || '/usr/bin/kubectl';
const slice = (extra: Record<string, unknown>) => ({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 's' }, ...extra });
const ep = (...addresses: string[]) => ({ addresses, conditions: { ready: true } });
const PREFIX = 'EndpointSlice.discovery.k8s.io "s" is invalid: ';

const refused: { name: string; body: Record<string, unknown>; message: string }[] = [
  { name: 'an EndpointSlice needs an address type', body: { endpoints: [ep('10.1.0.1')] }, message: 'addressType: Required value' },
  { name: 'the address type is one of FQDN, IPv4, IPv6', body: { addressType: 'IP' }, message: 'addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"' },
  { name: 'an endpoint needs an address', body: { addressType: 'IPv4', endpoints: [ep()] }, message: 'endpoints[0].addresses: Required value: must contain at least 1 address' },
  {
    name: 'an IPv4 endpoint address must be an IP address',
    body: { addressType: 'IPv4', endpoints: [ep('10.1.0.1'), ep('not-an-ip')] },
    message: '[endpoints[1].addresses[0]: Invalid value: "not-an-ip": must be a valid IPv4 address, endpoints[1].addresses[0]: Invalid value: "not-an-ip": must be a valid IP address]',
  },
  { name: 'an IPv6 address in an IPv4 slice is refused', body: { addressType: 'IPv4', endpoints: [ep('fd00::1')] }, message: 'endpoints[0].addresses[0]: Invalid value: "fd00::1": must be a valid IPv4 address' },
  { name: 'loopback addresses are refused', body: { addressType: 'IPv6', endpoints: [ep('::1')] }, message: 'endpoints[0].addresses[0]: Invalid value: "::1": may not be in the loopback range (127.0.0.0/8, ::1/128)' },
  { name: 'the unspecified address is refused', body: { addressType: 'IPv4', endpoints: [ep('0.0.0.0')] }, message: 'endpoints[0].addresses[0]: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)' },
  { name: 'an FQDN address needs two segments', body: { addressType: 'FQDN', endpoints: [ep('web')] }, message: 'endpoints[0].addresses[0]: Invalid value: "web": should be a domain with at least two segments separated by dots' },
  { name: 'at most 1000 endpoints fit in a slice', body: { addressType: 'IPv4', endpoints: Array.from({ length: 1001 }, (_, i) => ep(`10.3.${i >> 8}.${(i & 255) + 1}`)) }, message: 'endpoints: Too many: 1001: must have at most 1000 items' },
  { name: 'a port protocol is TCP, UDP or SCTP', body: { addressType: 'IPv4', ports: [{ name: 'http', port: 80, protocol: 'HTTP' }] }, message: 'ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"' },
  { name: 'port names are unique', body: { addressType: 'IPv4', ports: [{ name: 'a', port: 80 }, { name: 'a', port: 81 }] }, message: 'ports[1].name: Duplicate value: "a"' },
  {
    name: 'a port name is a DNS label',
    body: { addressType: 'IPv4', ports: [{ name: 'Web', port: 80 }] },
    message: 'ports[0].name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')',
  },
];

for (const c of refused) {
  test(c.name, async () => {
    const reply = await (await testApi())('POST', PATH, slice(c.body));
    assert.equal(reply.status, 422, JSON.stringify(reply.body));
    assert.equal(reply.body.message, PREFIX + c.message);
  });
}

test('a valid slice is stored with port defaults, and its address type cannot change', async () => {
  const api = await testApi();
  const made = await api('POST', PATH, slice({ addressType: 'IPv4', endpoints: [ep('10.1.0.1')], ports: [{ port: 80 }] }));
  assert.equal(made.status, 201, JSON.stringify(made.body));
  assert.deepEqual(made.body.ports, [{ name: '', port: 80, protocol: 'TCP' }]);
  const changed = await api('PUT', `${PATH}/s`, { ...made.body, addressType: 'IPv6', endpoints: [ep('fd00::1')] });
  assert.equal(changed.status, 422);
  assert.equal(changed.body.message, `${PREFIX}addressType: Invalid value: "IPv6": field is immutable`);
});

test('kubectl discovers endpointslices and prints them', { skip: existsSync(KUBECTL) ? undefined : `kubectl not found at ${KUBECTL}` }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kconform-slices-'));
  const store = memoryStore();
  const server = await startApiServer({ store });
  const kubectl = async (...args: string[]) => {
    const kubeconfig = await writeKubeconfig(server.url, join(dir, 'config'));
    return new Promise<string>((resolve, reject) =>
      execFile(KUBECTL, ['--kubeconfig', kubeconfig, ...args], { env: { ...process.env, HOME: dir, KUBECACHEDIR: join(dir, 'cache') } }, (error, stdout, stderr) =>
        error ? reject(new Error(`kubectl ${args.join(' ')}: ${stdout}${stderr}`)) : resolve(stdout)));
  };
  try {
    assert.match(await kubectl('api-resources', '--api-group=discovery.k8s.io'), /^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND\nendpointslices\s+discovery\.k8s\.io\/v1\s+true\s+EndpointSlice\n$/);
    const endpoints = Array.from({ length: 5 }, (_, i) => ep(`10.1.0.${i + 1}`));
    const reply = await fetch(`${server.url}${PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(slice({ metadata: { name: 'web-abc' }, addressType: 'IPv4', endpoints, ports: [{ name: 'http', port: 8080 }] })) });
    assert.equal(reply.status, 201);
    assert.match(await kubectl('get', 'endpointslices'), /^NAME\s+ADDRESSTYPE\s+PORTS\s+ENDPOINTS\s+AGE\nweb-abc\s+IPv4\s+8080\s+10\.1\.0\.1,10\.1\.0\.2,10\.1\.0\.3 \+ 2 more\.\.\.\s+\d+s\n$/);
  } finally {
    await server.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
});
