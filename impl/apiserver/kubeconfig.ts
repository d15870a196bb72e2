// A kubeconfig pointing kubectl (or any client) at a running API server, with a bearer token when given.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The kubeconfig text for `url`, with context `kconform`, namespace `default` and the token if any. */
export function kubeconfigFor(url: string, namespace = 'default', token?: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: kconform',
    '  cluster:',
    `    server: ${url}`,
    'users:',
    '- name: kconform',
    token ? `  user: {token: ${JSON.stringify(token)}}` : '  user: {}',
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
export async function writeKubeconfig(url: string, path: string, token?: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, kubeconfigFor(url, 'default', token), { mode: 0o600 });
  return path;
}
