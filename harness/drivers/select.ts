import type { Driver } from '../contract/driver.ts';
import { createReferenceDriver } from './reference/index.ts';
import { StdioDriver } from './stdio.ts';

export const DRIVER_FORMS = [
  'reference                 the reference implementation, in process',
  'stdio:<command>           an external program speaking the kconform protocol on stdin/stdout',
  'kubectl                   upstream Kubernetes code, through the installed kubectl (selectors only)',
  'kube:<url | kubeconfig>   any Kubernetes API server (objects); objects go into namespaces the driver owns',
  'kube                      the same, with the default kubeconfig ($KUBECONFIG or ~/.kube/config)',
  'reference-http[:memory|:etcd]  the reference API server started in process, checked over HTTP',
];

/** Thrown for a --driver value that names no driver. */
export class UnknownDriverError extends Error {
  constructor(spec: string) {
    super(`--driver: unknown driver "${spec}"; use one of:\n  ${DRIVER_FORMS.join('\n  ')}`);
    this.name = 'UnknownDriverError';
  }
}

/** Start the driver a `--driver` value names. */
export async function openDriver(spec: string, opts: { timeoutMs?: number } = {}): Promise<Driver> {
  if (spec === 'reference') return createReferenceDriver();
  if (spec.startsWith('stdio:')) {
    const command = spec.slice('stdio:'.length).trim();
    if (!command) throw new Error('--driver stdio:<command>: the command is empty');
    return StdioDriver.start({ command, timeoutMs: opts.timeoutMs });
  }
  if (spec === 'kubectl') {
    const { createKubectlDriver } = await import('./kubectl.ts');
    return createKubectlDriver();
  }
  if (spec === 'kube' || spec.startsWith('kube:')) {
    const { createKubeDriver } = await import('./kube.ts');
    return createKubeDriver(spec.slice('kube:'.length).trim());
  }
  const referenceHttp = /^reference-http(?::(memory|etcd))?$/.exec(spec);
  if (referenceHttp) {
    const { createReferenceHttpDriver } = await import('./kube/referenceHttp.ts');
    return createReferenceHttpDriver((referenceHttp[1] ?? 'memory') as 'memory' | 'etcd');
  }
  throw new UnknownDriverError(spec);
}
