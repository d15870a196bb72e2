// Service defaulting: a port's protocol and targetPort, as upstream's SetDefaults_Service.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { services } from './services.ts';

const cases: { name: string; port: Record<string, unknown>; want: Record<string, unknown> }[] = [
  { name: 'a missing targetPort is the port', port: { port: 80 }, want: { port: 80, protocol: 'TCP', targetPort: 80 } },
  { name: 'a targetPort of 0 (the zero IntOrString) is the port', port: { port: 80, targetPort: 0 }, want: { port: 80, protocol: 'TCP', targetPort: 80 } },
  { name: 'an empty named targetPort is the port', port: { port: 80, targetPort: '' }, want: { port: 80, protocol: 'TCP', targetPort: 80 } },
  { name: 'a numeric targetPort is kept', port: { port: 80, targetPort: 8080 }, want: { port: 80, protocol: 'TCP', targetPort: 8080 } },
  { name: 'a named targetPort and a protocol are kept', port: { port: 53, targetPort: 'dns', protocol: 'UDP' }, want: { port: 53, protocol: 'UDP', targetPort: 'dns' } },
];

for (const c of cases) {
  test(c.name, () => {
    const svc = { metadata: { name: 's' }, spec: { ports: [{ ...c.port }] } };
    services.defaults!(svc);
    assert.deepEqual(svc.spec.ports[0], c.want);
  });
}
