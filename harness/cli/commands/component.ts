// `kconform component <name>`: one process of the reference control plane, as `serve --components`
// starts them (and as a person can, to run a component on its own against any API server).
import { readFile } from 'node:fs/promises';
import type { Command } from '../main.ts';
import { readKubeconfig } from '../../../impl/apiserver/index.ts';
import { layoutProcesses, referenceLayout, runLayoutComponent } from '../../../impl/ports/index.ts';
import { describeListeners, type ComponentReady } from '../../serving/componentProcesses.ts';
import { parsePortBase } from './serve.ts';

export const componentCommand: Command = {
  summary: 'run one reference component process (kube-scheduler, kube-controller-manager, kubelet, kube-proxy) against an API server',
  usage: `kconform component <${layoutProcesses().join('|')}> --kubeconfig PATH
                         [--port-base N] [--host 127.0.0.1] [--tls-cert-file PATH --tls-private-key-file PATH]

  Runs the reference components the named process hosts in upstream's layout (kube-controller-manager
  hosts every controller and the DNS add-on) in real time against the API server of the kubeconfig's
  current context (its token must be an admin's), and serves the process's listeners of the upstream
  layout, shifted by --port-base: /healthz and /metrics where the layout says so. The kubelet's API
  port also serves the kubelet API the API server calls for logs and exec. https listeners need
  --tls-cert-file and --tls-private-key-file (PEM); without them they serve plain HTTP.
  \`kconform serve --components\` starts one of each; Ctrl-C (or SIGTERM) stops it.`,
  options: {
    kubeconfig: { type: 'string' },
    'port-base': { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    'tls-cert-file': { type: 'string' },
    'tls-private-key-file': { type: 'string' },
  },
  async run({ values, positionals }) {
    const [name, ...extra] = positionals;
    if (!name || extra.length) throw new Error(`name exactly one process: ${layoutProcesses().join(', ')}`);
    if (!layoutProcesses().includes(name)) throw new Error(`"${name}": must be one of ${layoutProcesses().join(', ')}`);
    if (!values.kubeconfig) throw new Error('--kubeconfig: required (where the API server is, and the token to use)');
    const portBase = parsePortBase(values['port-base']);
    const kubeconfig = await readKubeconfig(String(values.kubeconfig));
    if (!kubeconfig.token) throw new Error(`--kubeconfig ${values.kubeconfig}: the current context's user has no token`);
    const tls = await readTls(values['tls-cert-file'] as string | undefined, values['tls-private-key-file'] as string | undefined);
    const host = String(values.host);
    const running = await runLayoutComponent({
      name,
      layout: referenceLayout(),
      server: { url: kubeconfig.server, token: kubeconfig.token, ca: kubeconfig.ca },
      portBase,
      host,
      tls,
      onError: (component, message) => console.error(`${component}: ${message}`),
    });
    if (process.send) process.send({ ready: true, pid: process.pid, components: running.components, listeners: running.listeners } satisfies ComponentReady);
    else console.log(`kconform: ${name} (pid ${process.pid}) runs ${running.components.join(', ')} against ${kubeconfig.server}\n${describeListeners(running.listeners).join('\n')}\nkconform: Ctrl-C stops it`);
    await new Promise<void>((done) => {
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
      // started by `serve --components`: stop with it, never outlive it
      process.once('disconnect', done);
    });
    await running.close();
    if (process.connected) process.disconnect();
    return 0;
  },
};

async function readTls(certFile: string | undefined, keyFile: string | undefined): Promise<{ cert: string; key: string } | undefined> {
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined) throw new Error('--tls-cert-file: required with --tls-private-key-file');
  if (keyFile === undefined) throw new Error('--tls-private-key-file: required with --tls-cert-file');
  const read = (flag: string, path: string) => readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(`${flag}: cannot read ${path}: ${error.code}`);
  });
  return { cert: await read('--tls-cert-file', certFile), key: await read('--tls-private-key-file', keyFile) };
}
