// A kubeconfig pointing kubectl (or any client) at a running API server; no credentials.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The kubeconfig text for `url`, with context `kconform` and namespace `default`. */
export function kubeconfigFor(url: string, namespace = 'default'): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: kconform',
    '  cluster:',
    `    server: ${url}`,
    'users:',
    '- name: kconform',
    '  user: {}',
    'contexts:',
    '- name: kconform',
    '  context:',
    '    cluster: kconform',
    '    user: kconform',
    `    namespace: ${namespace}`,
    'current-context: kconform',
    'preferences: {}',
    '',
  ].join('\n');
}

/** Writes the kubeconfig to `path` (creating its directory) and returns the path. */
export async function writeKubeconfig(url: string, path: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, kubeconfigFor(url), { mode: 0o600 });
  return path;
}
