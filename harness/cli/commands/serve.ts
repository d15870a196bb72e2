import type { Command } from '../main.ts';
import { openDriver } from '../../drivers/select.ts';
import { serve } from '../../protocol/serve.ts';
import { etcdStore, memoryStore, defaultEtcdEndpoint, type Store } from '../../../impl/store/index.ts';
import { REFERENCE_LAYOUT, ServeLayoutError } from '../../../impl/ports/index.ts';
import { describeListeners } from '../../serving/componentProcesses.ts';
import { serveReference } from '../../serving/serveReference.ts';

/** --port-base as a number; throws naming the flag. */
export function parsePortBase(value: unknown): number {
  const base = Number(value ?? 0);
  if (!Number.isInteger(base) || base < 0 || base > 65535) throw new Error(`--port-base: must be an integer between 0 and 65535, not "${value}"`);
  return base;
}

export const serveCommand: Command = {
  summary: 'run the reference control plane over HTTP (kubectl works against it), or the kconform protocol (--stdio)',
  usage: `kconform serve [--port 6443] [--host 127.0.0.1] [--store memory|etcd] [--etcd URL] [--kubeconfig PATH]
                     [--insecure-anonymous-admin] [--insecure-http] [--dns-port N] [--components [--port-base N]]
       kconform serve --stdio [--driver reference]

  Without --stdio: starts the API server and every control-plane component (namespace,
  serviceaccount, token and endpoints controllers, scheduler, DNS add-on) in real time, the
  components talking to the API server over HTTPS. Prints the address and writes a kubeconfig
  holding the admin token and the server's self-signed CA (needs the openssl CLI); Ctrl-C stops it.

  --port N                    listen on N (default 6443; 0 picks a free port)
  --host H                    listen on H (default 127.0.0.1, loopback only)
  --store memory|etcd         where cluster state lives (default memory)
  --etcd URL                  etcd client URL for --store etcd (default $KCONFORM_ETCD or http://127.0.0.1:2379)
  --kubeconfig PATH           where to write the kubeconfig (default <tmpdir>/kconform-<port>/kubeconfig)
  --insecure-anonymous-admin  requests without a bearer token act as the admin
  --insecure-http             serve plain HTTP instead of HTTPS with a self-signed certificate
                              (kubectl then sends no token: add --insecure-anonymous-admin)
  --dns-port N                serve cluster DNS (the zone <service>.<namespace>.svc.cluster.local)
                              on H:N over UDP and TCP (default 0: a free port, printed at start);
                              try: dig @127.0.0.1 -p N kube-dns.kube-system.svc.cluster.local.
                              Not with --components: there, cluster DNS runs inside the
                              kube-controller-manager process and answers no network queries
  --components                run the components as separate processes, as upstream does, each on
                              its ports of the layout the reference follows (spec/ports/layout-
                              upstream.yaml): the API server here on 6443, kube-controller-manager
                              10257, kube-scheduler 10259, kubelet 10250 and 10248, kube-proxy 10256
                              and 10249, each answering /healthz (and /metrics where the layout says
                              so); a process that dies is restarted; --port is then ignored
  --port-base N               with --components: add N to every port (default 0), so that several
                              instances can run side by side
  --stdio                     speak the kconform driver protocol (newline-delimited JSON) on
                              stdin/stdout instead, so any checker can drive the implementation;
                              see docs/protocol.md`,
  options: {
    stdio: { type: 'boolean' },
    driver: { type: 'string', default: 'reference' },
    port: { type: 'string', default: '6443' },
    host: { type: 'string', default: '127.0.0.1' },
    store: { type: 'string', default: 'memory' },
    etcd: { type: 'string' },
    kubeconfig: { type: 'string' },
    'insecure-anonymous-admin': { type: 'boolean' },
    'insecure-http': { type: 'boolean' },
    components: { type: 'boolean' },
    'port-base': { type: 'string', default: '0' },
    'dns-port': { type: 'string' },
  },
  async run({ values }) {
    if (values.stdio) {
      const driver = await openDriver(String(values.driver));
      await serve(driver, process.stdin, process.stdout);
      return 0;
    }
    const portBase = values.components ? parsePortBase(values['port-base']) : undefined;
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: must be an integer between 0 and 65535, not "${values.port}"`);
    const dnsPort = values.components ? undefined : Number(values['dns-port'] ?? 0);
    if (values.components && values['dns-port'] !== undefined) throw new Error('--dns-port: not with --components (cluster DNS then runs inside the kube-controller-manager process)');
    if (dnsPort !== undefined && (!Number.isInteger(dnsPort) || dnsPort < 0 || dnsPort > 65535)) throw new Error(`--dns-port: must be an integer between 0 and 65535, not "${values['dns-port']}"`);
    const store = openStore(String(values.store), values.etcd as string | undefined);
    const served = await serveReference({
      store,
      host: String(values.host),
      port,
      components: portBase === undefined ? undefined : { portBase },
      etcd: store.backend === 'etcd' ? String(values.etcd ?? defaultEtcdEndpoint()) : undefined,
      insecureHttp: values['insecure-http'] === true,
      anonymousAdmin: values['insecure-anonymous-admin'] === true,
      kubeconfig: values.kubeconfig as string | undefined,
      dnsPort,
    }).catch(async (error) => {
      await store.close();
      const flag = values.components ? '--port-base' : /^cluster DNS/.test(error.message) ? '--dns-port' : '--port';
      throw error instanceof ServeLayoutError ? new Error(`${flag}: ${error.message}`) : error;
    });
    const path = served.kubeconfig;
    console.log(`kconform: API server at ${served.url} (store ${store.backend}, real time)`);
    if (served.processes) {
      console.log(`kconform: component processes: ${Object.entries(served.processes.pids()).map(([name, pid]) => `${name} (pid ${pid})`).join(', ')}`);
      console.log(`kconform: component ports (${REFERENCE_LAYOUT} layout, base ${portBase}):\n${describeListeners(served.processes.listeners).join('\n')}`);
    } else console.log(`kconform: components: ${served.components.join(', ')}`);
    if (served.dnsPort !== undefined) console.log(`kconform: cluster DNS on ${values.host}:${served.dnsPort} (udp, tcp): dig @${values.host} -p ${served.dnsPort} kube-dns.kube-system.svc.cluster.local`);
    console.log(`kconform: kubeconfig ${path}`);
    console.log(`  export KUBECONFIG=${path}; kubectl get namespaces`);
    console.log('kconform: Ctrl-C stops it');
    await new Promise<void>((done) => {
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
    });
    await served.stop();
    await store.close();
    console.log('kconform: stopped');
    return 0;
  },
};

function openStore(kind: string, etcd: string | undefined): Store {
  if (kind === 'memory') return memoryStore();
  if (kind === 'etcd') return etcdStore({ endpoints: etcd ?? defaultEtcdEndpoint() });
  throw new Error(`--store: must be memory or etcd, not "${kind}"`);
}
