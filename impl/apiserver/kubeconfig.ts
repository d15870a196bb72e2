// A kubeconfig pointing kubectl (or any client) at a running API server, with a bearer token and
// the server's CA when given (kubectl sends tokens only over HTTPS).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
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

/** What a component needs from a kubeconfig: where the API server is, whom to trust, the token. */
export interface KubeconfigServer {
  server: string;
  ca?: string;
  token?: string;
}

/**
 * The current context's server, CA (certificate-authority-data or -file) and token (token or
 * tokenFile) from kubeconfig text; throws naming the field that is missing or wrong.
 */
export async function parseKubeconfig(text: string, source: string): Promise<KubeconfigServer> {
  const fail = (field: string, rule: string): never => {
    throw new Error(`kubeconfig ${source}: ${field}: ${rule}`);
  };
  let doc: any;
  try {
    doc = parseYaml(text);
  } catch (error) {
    fail('(document)', `not YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) fail('(document)', 'must be a mapping');
  const named = (list: string, name: unknown) => {
    if (!Array.isArray(doc[list])) fail(list, 'must be a list');
    const index = doc[list].findIndex((e: any) => e?.name === name);
    if (index < 0) fail(list, `has no entry named "${name}"`);
    return { entry: doc[list][index], field: `${list}[${index}]` };
  };
  const currentName = doc['current-context'] ?? fail('current-context', 'required');
  const context = named('contexts', currentName);
  const cluster = named('clusters', context.entry.context?.cluster ?? fail(`${context.field}.context.cluster`, 'required'));
  const user = context.entry.context?.user === undefined ? undefined : named('users', context.entry.context.user);
  const server = cluster.entry.cluster?.server ?? fail(`${cluster.field}.cluster.server`, 'required');
  try {
    new URL(server);
  } catch {
    fail(`${cluster.field}.cluster.server`, `must be a URL, not "${server}"`);
  }
  const readField = async (field: string, path: string) => readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => fail(field, `cannot read ${path}: ${error.code}`));
  const c = cluster.entry.cluster;
  const ca = c['certificate-authority-data'] !== undefined ? Buffer.from(String(c['certificate-authority-data']), 'base64').toString('utf8') : c['certificate-authority'] !== undefined ? await readField(`${cluster.field}.cluster.certificate-authority`, c['certificate-authority']) : undefined;
  const u = user?.entry.user ?? {};
  const token = u.token !== undefined ? String(u.token) : u.tokenFile !== undefined ? (await readField(`${user!.field}.user.tokenFile`, u.tokenFile)).trim() : undefined;
  return { server, ...(ca ? { ca } : {}), ...(token ? { token } : {}) };
}

/** parseKubeconfig of the file at `path`. */
export async function readKubeconfig(path: string): Promise<KubeconfigServer> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(`kubeconfig ${path}: cannot read it: ${error.code}`);
  });
  return parseKubeconfig(text, path);
}
