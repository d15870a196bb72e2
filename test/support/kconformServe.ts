// `kconform serve` for tests that drive the real kubectl against it: a fresh server with its own
// kubeconfig (admin token over HTTPS), torn down after the body, which must shut down cleanly.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const KUBECTL = process.env.KCONFORM_KUBECTL || '/usr/bin/kubectl';
const CLI = fileURLToPath(new URL('../../bin/kconform.mjs', import.meta.url));
const which = (cmd: string) => new Promise<boolean>((resolve) => execFile('sh', ['-c', `command -v ${cmd}`], (error) => resolve(!error)));

/** Why these tests cannot run here (no kubectl, or no openssl for serve's certificate), or false. */
export const serveSkip: string | false = !existsSync(KUBECTL) ? `no kubectl at ${KUBECTL}` : !(await which('openssl')) ? 'no openssl for the serving certificate' : false;

/** A Node for kubectl tests: the simulated kubelet runs its pods. Append `---` and the test's own manifests. */
export const WORKER_NODE_YAML = `apiVersion: v1
kind: Node
metadata: {name: worker-1}
status:
  capacity: {cpu: "4", memory: 8Gi, pods: "110"}
  allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
`;

export type Kubectl = (...args: string[]) => Promise<string>;

export interface Served {
  kubectl: Kubectl;
  /** A temporary folder for manifests, removed afterwards. */
  dir: string;
  kubeconfig: string;
  /** What serve printed so far. */
  output(): string;
}

/** Runs `body` against a fresh `kconform serve`; rejects if serve fails to start or exits uncleanly on SIGINT. */
export async function withServe(body: (s: Served) => Promise<void>, opts: { kubectlTimeoutMs?: number } = {}): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'kconform-serve-'));
  const kubeconfig = join(dir, 'kubeconfig');
  const server = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--kubeconfig', kubeconfig], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
  let output = '';
  try {
    await new Promise<void>((resolve, reject) => {
      server.stdout.on('data', (chunk) => ((output += chunk), output.includes('Ctrl-C') && resolve()));
      server.stderr.on('data', (chunk) => (output += chunk));
      void exited.then(() => reject(new Error(`serve exited early:\n${output}`)));
    });
    const kubectl: Kubectl = (...args) =>
      new Promise((resolve, reject) =>
        execFile(KUBECTL, args, { env: { ...process.env, KUBECONFIG: kubeconfig, KUBECACHEDIR: join(dir, 'cache') }, timeout: opts.kubectlTimeoutMs ?? 30_000 }, (error, stdout, stderr) =>
          error ? reject(new Error(`kubectl ${args.join(' ')}: ${stderr}${stdout}`)) : resolve(stdout.trim()),
        ),
      );
    await body({ kubectl, dir, kubeconfig, output: () => output });
  } finally {
    server.kill('SIGINT');
    const code = await exited;
    await rm(dir, { recursive: true, force: true });
    if (code !== 0) throw new Error(`serve exited with ${code} on SIGINT:\n${output}`);
  }
}
