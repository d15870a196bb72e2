// `kconform serve` answers cluster DNS on the network: a Service that kubectl creates resolves with
// Node's stub resolver (as a pod's would ask), and disappears when kubectl deletes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Resolver } from 'node:dns/promises';
import { serveSkip, withServe } from '../../test/support/kconformServe.ts';

/** Asks until `want` is the answer (watches take a moment) or 10 s pass; returns the last answer. */
async function resolveUntil(resolver: Resolver, name: string, want: string): Promise<string> {
  let got = '';
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    got = await resolver.resolve4(name).then((ips) => ips.join(','), (e: NodeJS.ErrnoException) => String(e.code));
    if (got === want) break;
  }
  return got;
}

test('serve answers cluster DNS over UDP for the Services kubectl creates and deletes', { timeout: 90_000, skip: serveSkip }, async () => {
  await withServe(async ({ kubectl, output }) => {
    const port = /cluster DNS on 127\.0\.0\.1:(\d+) \(udp, tcp\)/.exec(output())?.[1];
    assert.ok(port, output());
    const resolver = new Resolver({ timeout: 2000, tries: 1 });
    resolver.setServers([`127.0.0.1:${port}`]);
    const dnsIP = await kubectl('get', 'service', 'kube-dns', '-n', 'kube-system', '-o', 'jsonpath={.spec.clusterIP}');
    assert.equal(await resolveUntil(resolver, 'kube-dns.kube-system.svc.cluster.local', dnsIP), dnsIP);
    await kubectl('create', 'service', 'clusterip', 'web', '--tcp=80:8080');
    const webIP = await kubectl('get', 'service', 'web', '-o', 'jsonpath={.spec.clusterIP}');
    assert.equal(await resolveUntil(resolver, 'web.default.svc.cluster.local', webIP), webIP);
    await kubectl('delete', 'service', 'web');
    assert.equal(await resolveUntil(resolver, 'web.default.svc.cluster.local', 'ENOTFOUND'), 'ENOTFOUND');
  });
});
