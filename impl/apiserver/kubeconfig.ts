// A kubeconfig pointing kubectl (or any client) at a running API server, with a bearer token and
// the server's CA when given (kubectl sends tokens only over HTTPS).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The kubeconfig text for `url`, with context `kconform`, namespace `default` and the token if any. */
export function kubeconfigFor(url: string, namespace = 'default', token?: string, caCert?: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: kconform',
    '  cluster:',
    `    server: ${url}`,
    ...(caCert ? [`    certificate-authority-data: ${Buffer.from(caCert).toString('base64')}`] : []),
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
export async function writeKubeconfig(url: string, path: string, token?: string, caCert?: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, kubeconfigFor(url, 'default', token, caCert), { mode: 0o600 });
  return path;
}
