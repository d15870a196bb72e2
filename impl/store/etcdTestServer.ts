// A throwaway etcd for tests and CI: loopback only, free ports, a temporary data directory that
// is removed on stop.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface EtcdTestServer {
  /** The client URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  stop(): Promise<void>;
}

/** The etcd binary: $KCONFORM_ETCD_BIN, else /usr/bin/etcd; undefined when absent. */
export function etcdBinary(): string | undefined {
  const candidate = process.env.KCONFORM_ETCD_BIN || '/usr/bin/etcd';
  return existsSync(candidate) ? candidate : undefined;
}

/** True when an etcd answers /health at `url` within `timeoutMs`. Never throws. */
export async function etcdReachable(url: string, timeoutMs = 1000): Promise<boolean> {
  try {
    const response = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.json()) as { health?: string };
    return body.health === 'true';
  } catch {
    return false;
  }
}

/** Starts etcd on free loopback ports; rejects if it is not healthy within `timeoutMs`. */
export async function startEtcdTestServer(timeoutMs = 20_000): Promise<EtcdTestServer> {
  const binary = etcdBinary();
  if (!binary) throw new Error('startEtcdTestServer: no etcd binary (install etcd-server or set KCONFORM_ETCD_BIN)');
  const dataDir = await mkdtemp(join(tmpdir(), 'kconform-etcd-'));
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  const child: ChildProcess = spawn(binary, [
    '--name', 'kconform', '--data-dir', dataDir,
    '--listen-client-urls', url, '--advertise-client-urls', url,
    '--listen-peer-urls', peer, '--initial-advertise-peer-urls', peer,
    '--initial-cluster', `kconform=${peer}`, '--log-level', 'error',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (!(await etcdReachable(url, 500))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`startEtcdTestServer: etcd did not become healthy at ${url}\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, stop };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
